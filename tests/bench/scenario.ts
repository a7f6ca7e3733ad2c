import type { BenchConnector, ReplySummary } from './connector';
import type { HttpAnswer, PlannedRequest } from './load';

/** What a scenario's probe, setup and requests may use. */
export interface BenchContext {
  readonly connector: BenchConnector;
  /** The connector's URL, to put in `serviceUrl`. */
  readonly serviceUrl: string;
  /** Sends one activity to the bot under test and waits for the answer (probes and setups). */
  sendToBot(activity: object): Promise<HttpAnswer>;
  /** A line printed under the table and kept in the JSON (what a setup did or could not do). */
  note(text: string): void;
}

/**
 * One row of the benchmark: what is sent, to which server, and how an answer is judged.
 * Add a scenario by adding an entry to SCENARIOS in scenarios.ts — nothing else changes.
 */
export interface Scenario {
  /** Shown in the table and the key in the JSON (`hjelp`, `trend.submit`, …). */
  readonly name: string;
  /** `bot` = SLT-boten, `echo` = the framework baseline (tests/bench/echo-bot.ts). */
  readonly target: 'bot' | 'echo';
  /** A scenario to divide by (ours / baseline) at each concurrency, e.g. `echo`. */
  readonly baseline?: string;
  /**
   * Resolves undefined when the scenario can run, or the reason it cannot (a verb or command
   * not built yet). A skipped scenario is reported as SKIPPED with that reason — never faked.
   */
  probe?(ctx: BenchContext): Promise<string | undefined>;
  /**
   * Tables (names without prefix) the scenario's own load fills and that are emptied before each
   * of its phases: Azurite's insert cost grows with the rows already in a partition (about
   * 0.35 ms of CPU per 1 000 rows), Azure Table Storage's does not, so without this a phase would
   * pay for the rows earlier phases left.
   */
  readonly grows?: readonly string[];
  /** Prepares data once before its first phase (register a channel, schedule a meeting…). */
  setup?(ctx: BenchContext): Promise<void>;
  /** The request user `user` (0-based, one per concurrent user) sends as its `seq`-th. */
  next(ctx: BenchContext, user: number, seq: number): PlannedRequest;
}

/** Parses an answer body as JSON, or undefined. */
export function jsonOf(answer: HttpAnswer): Record<string, unknown> | undefined {
  try {
    return answer.body ? (JSON.parse(answer.body) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Texts that mean the bot failed the user, whatever the scenario. */
export function failureKind(text: string | undefined): string | undefined {
  if (!text) return undefined;
  if (text.startsWith('Beklager')) return 'apology';
  if (text.includes('kjenner ikke kommandoen')) return 'unknown command';
  if (text.includes('ikke lenger tilgjengelig')) return 'unknown action';
  if (text.includes('krever rollen')) return 'refused';
  return undefined;
}

/**
 * Judges a message turn: HTTP 2xx, exactly one reply posted for this activity, and that reply
 * passes `ok`. The reply reaches the connector before the HTTP answer (the turn awaits it).
 */
export function replyCheck(ctx: BenchContext, activityId: string, ok: (r: ReplySummary) => boolean): PlannedRequest['check'] {
  return (answer) => {
    const reply = ctx.connector.take(activityId);
    if (answer.status < 200 || answer.status > 299) return `HTTP ${answer.status}`;
    if (!reply) return 'no reply';
    if (reply.count !== 1) return `replied ${reply.count} times`;
    return failureKind(reply.text) ?? (ok(reply) ? undefined : 'wrong reply');
  };
}

/** Judges an `adaptiveCard/action` invoke: HTTP 200, invoke status 200, not a failure text. */
export function invokeCheck(ok: (value: unknown, type: string) => string | undefined): PlannedRequest['check'] {
  return (answer) => {
    if (answer.status !== 200) return `HTTP ${answer.status}`;
    const body = jsonOf(answer);
    if (body?.statusCode !== 200) return `invoke ${String(body?.statusCode ?? 'no body')}`;
    const type = String(body.type ?? '');
    if (type === 'application/vnd.microsoft.activity.message') return failureKind(String(body.value)) ?? ok(body.value, type);
    return ok(body.value, type);
  };
}
