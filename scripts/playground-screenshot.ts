/**
 * Dev tool: sends one message through the Microsoft 365 Agents Playground UI in headless Chromium
 * and saves a PNG of the answer.
 *
 *   npm run build && node dist/scripts/playground-screenshot.js [message] [out.png] [options]
 *
 *   message                 text to send (default: hjelp)
 *   out.png                 output file (default: screenshots/<message>.png)
 *   --expect <text>         wait until this text is shown (default for hjelp/help: the help card title)
 *   --conversation <label>  conversation to select first (default: "Personal Chat"; channels are
 *                           "SLT-nettverket - <channel>"; there the bot only hears @mentions)
 *   --url <url>             a running Playground (default: http://localhost:56150)
 *   --height <px>           viewport height (default 1000)
 *
 * Uses the running stack (`npm start`) when the Playground answers at --url; otherwise it starts its
 * own stack on free ports with a temporary in-memory Azurite and stops it afterwards.
 * Chromium as scripts/chromium.ts picks it: CHROMIUM_PATH, Debian's, or the one `npm ci` brings.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort } from './azurite';
import { launchChromium } from './chromium';
import { ROOT, type Stack, startStack } from './start';

const HELP_TITLE = 'Dette kan du gjøre med SLT-boten';

interface Args {
  message: string;
  out: string;
  expect?: string;
  conversation: string;
  url: string;
  height: number;
}

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const value = argv[i + 1];
      if (value === undefined) throw new Error(`${a} needs a value`);
      flags[a.slice(2)] = value;
      i++;
    } else positional.push(a);
  }
  const known = ['expect', 'conversation', 'url', 'height'];
  for (const k of Object.keys(flags)) if (!known.includes(k)) throw new Error(`unknown option --${k}`);
  const message = positional[0] ?? 'hjelp';
  const slug =
    message
      .toLowerCase()
      .replace(/[^a-z0-9æøå]+/g, '-')
      .replace(/^-|-$/g, '') || 'message';
  const out = path.resolve(positional[1] ?? path.join(ROOT, 'screenshots', `${slug}.png`));
  const isHelp = /^\s*(hjelp|help)\s*$/i.test(message);
  return {
    message,
    out,
    expect: flags.expect ?? (isHelp ? HELP_TITLE : undefined),
    conversation: flags.conversation ?? 'Personal Chat',
    url: (flags.url ?? process.env.PLAYGROUND_URL ?? 'http://localhost:56150').replace(/\/$/, ''),
    height: Number(flags.height ?? 1000),
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let url = args.url;
  try {
    if (!(await answers(url))) {
      console.log(`No Playground at ${url}; starting a temporary stack (in-memory Azurite, free ports) …`);
      const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(await freePort()), SLT_PLAYGROUND: 'on', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
      delete env.STORAGE_CONNECTION_STRING;
      delete env.MicrosoftAppId;
      stack = await startStack({ env, azuritePort: 0, playgroundPort: 0, childOutput: 'ignore', say: (l) => console.log(`  ${l}`) });
      url = stack.playgroundUrl ?? url;
    }

    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: args.height }, locale: 'nb-NO' });
    await page.goto(url, { waitUntil: 'domcontentloaded' });

    // Conversations are tree items in the left rail, labelled "Personal Chat", the group chat's
    // name, or "<team> - <channel>".
    const conversation = page.locator(`[role="treeitem"][aria-label="${args.conversation.replace(/"/g, '\\"')}"]`);
    await conversation.waitFor({ timeout: 30_000 }).catch(async () => {
      const labels = await page.locator('[role="treeitem"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
      throw new Error(`conversation "${args.conversation}" not found; available: ${labels.join(', ')}`);
    });
    await conversation.click();

    const box = page.locator('[role="textbox"][contenteditable="true"]').first();
    await box.waitFor({ timeout: 15_000 });
    // Bot messages are rendered as output cards; wait for the welcome message to settle first.
    const botMessages = page.locator('.fai-OutputCard');
    await page.waitForTimeout(1_000);
    const before = await botMessages.count();

    await box.click();
    await page.keyboard.type(args.message);
    await page.getByRole('button', { name: 'Send Message' }).click();

    try {
      await page.waitForFunction((n) => document.querySelectorAll('.fai-OutputCard').length > n, before, { timeout: 30_000 });
      if (args.expect) await page.getByText(args.expect, { exact: false }).first().waitFor({ timeout: 30_000 });
    } catch (err) {
      const failed = `${args.out.replace(/\.png$/i, '')}.failed.png`;
      fs.mkdirSync(path.dirname(failed), { recursive: true });
      await page.screenshot({ path: failed });
      throw new Error(`${(err as Error).message.split('\n')[0]} (what was shown: ${failed})`);
    }
    const last = botMessages.last();
    await last.scrollIntoViewIfNeeded();
    // Let Adaptive Card rendering and fonts settle.
    await page.waitForTimeout(750);

    fs.mkdirSync(path.dirname(args.out), { recursive: true });
    await page.screenshot({ path: args.out });
    const text = (await last.innerText()).replace(/\s+/g, ' ').trim();
    console.log(`Saved ${path.relative(process.cwd(), args.out) || args.out}`);
    console.log(`Last bot message: ${text.slice(0, 300)}${text.length > 300 ? ' …' : ''}`);
  } finally {
    await browser?.close();
    await stack?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`playground-screenshot failed: ${(err as Error).message}`);
  process.exitCode = 1;
});
