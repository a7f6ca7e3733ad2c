import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { freePort } from '../../scripts/azurite';
import { type App, type AppOverrides, createApp } from '../../src/app/main';
import { type Clock, ManualClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { FakeConnector } from './connector';

export interface Harness {
  app: App;
  connector: FakeConnector;
  baseUrl: string;
  /** Runs what is due: one scheduler tick (jobs queue their posts), then one outbox pass (posts go to the connector). */
  drain(): Promise<void>;
  /** Posts an activity to /api/messages (with extra headers, e.g. Authorization); resolves with the HTTP status and parsed body. */
  send(activity: object, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/** A fresh table prefix so test files never see each other's rows. */
export function uniquePrefix(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

/**
 * Starts the real bot (composition root, restify, CloudAdapter) on a free port against the
 * test run's Azurite, plus a fake connector that captures what the bot sends.
 */
export async function startHarness(
  options: {
    env?: Record<string, string>;
    clock?: Clock;
    prefix?: string;
    loops?: boolean;
    overrides?: Pick<AppOverrides, 'roster' | 'teams' | 'tab' | 'botAuth' | 'graphTransport'>;
    host?: string;
  } = {},
): Promise<Harness> {
  const connector = new FakeConnector();
  await connector.start();
  const port = await freePort();
  const loaded = loadConfig({
    STORAGE_CONNECTION_STRING: inject('storageConnectionString'),
    PORT: String(port),
    SLT_TABLE_PREFIX: options.prefix ?? uniquePrefix(),
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  // Production-mode tests still listen on loopback only.
  const config = options.host ? { ...loaded, host: options.host } : loaded;
  // No scheduler/outbox timers unless asked: tests run `drain()` (or the ticks) when they want posts to go out.
  const app = createApp(config, {
    clock: options.clock ?? new ManualClock('2026-11-02T09:00:00Z'),
    log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    loops: options.loops ?? false,
    ...options.overrides,
  });
  await app.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    connector,
    baseUrl,
    async drain() {
      await app.jobRunner.tick();
      await app.outboxSender.tick();
    },
    async send(activity, headers = {}) {
      const res = await fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON: keep the text */
      }
      return { status: res.status, body };
    },
    async stop() {
      await app.stop();
      await connector.stop();
    },
  };
}

/** All TextBlock texts of a card, in document order (what a user reads). */
export function cardTexts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
      if (o.type === 'FactSet' && Array.isArray(o.facts)) for (const f of o.facts as { title: string; value: string }[]) out.push(`${f.title}: ${f.value}`);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The Adaptive Card inside a posted message activity, if any. */
export function cardOf(activity: Record<string, unknown>): Record<string, unknown> | undefined {
  const atts = activity.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined;
  return atts?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}
