import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium';
import type { Stack, StackOptions } from '../../scripts/start';

/**
 * Drives the Microsoft 365 Agents Playground's web UI in headless Chromium the way a
 * person would: pick a conversation in the left rail, type (with an @mention picked from the
 * typeahead in channels), press Enter, fill the Adaptive Card's inputs and press its buttons.
 * Selectors are the Playground 0.2.x UI's own (Fluent UI + the Adaptive Cards renderer).
 */
const ROOT = path.resolve(__dirname, '../..');
/** Where the Playground tests leave screenshots for a person to look at (git-ignored). */
export const SCREENSHOTS = path.join(ROOT, 'screenshots');

/**
 * The stack as `npm start` builds it, from dist/ (the start script finds the repository from its
 * own place there): the bot on a free port, Azurite (in memory, or in `azuriteLocation`) and the
 * Playground on any free ports, their output hidden. `env` adds to the bot's environment.
 */
export async function startBuiltStack(env: NodeJS.ProcessEnv = {}, azuriteLocation?: string): Promise<Stack> {
  const start = path.join(ROOT, 'dist', 'scripts', 'start.js');
  if (!fs.existsSync(start)) throw new Error(`${start} is missing: npm test builds it first (npm run build)`);
  const { startStack } = require(start) as { startStack(o: StackOptions): Promise<Stack> };
  const { freePort } = require(path.join(ROOT, 'dist', 'scripts', 'azurite.js')) as { freePort(): Promise<number> };
  const botEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(await freePort()), LOG_LEVEL: 'warn', ...env };
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return startStack({ env: botEnv, azuriteLocation, azuritePort: 0, playgroundPort: 0, childOutput: 'ignore' });
}

export class PlaygroundUi {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
  ) {}

  static async open(url: string): Promise<PlaygroundUi> {
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.locator('[role="treeitem"]').first().waitFor({ timeout: 30_000 });
    return new PlaygroundUi(browser, page);
  }

  /** Conversations in the left rail: "Personal Chat", the group chat's name, "<team> - <channel>". */
  conversations(): Promise<(string | null)[]> {
    return this.page.locator('[role="treeitem"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  }

  async select(conversation: string): Promise<void> {
    await this.page.locator(`[role="treeitem"][aria-label="${conversation}"]`).click();
    await this.page.locator('[role="textbox"][contenteditable="true"]').first().waitFor();
  }

  /**
   * Sends `text` as a new message (in a channel: a new post, the bot @mentioned first) and waits
   * until `expect` is shown once more than before.
   */
  async send(text: string, options: { mention?: boolean; expect: string }): Promise<void> {
    const before = await this.occurrences(options.expect);
    await this.page.locator('[role="textbox"][contenteditable="true"]').first().click();
    if (options.mention) {
      await this.page.keyboard.type('@SLT');
      await this.page.locator('#typeahead-menu').getByText('SLT-boten').click();
      await this.page.keyboard.type(` ${text}`);
    } else {
      await this.page.keyboard.type(text);
    }
    await this.page.keyboard.press('Enter');
    await this.waitForMore(options.expect, before);
  }

  /** In the open channel: `@SLT-boten registrer`, the kind picked as shown (e.g. «Ungdomsteam»), the name, «Lagre». */
  async registerChannel(kind: string, name: string): Promise<void> {
    await this.send('registrer', { mention: true, expect: 'Registrer kanalen som SLT-organ' });
    const form = this.card('Registrer kanalen som SLT-organ');
    await form.getByText(kind, { exact: true }).click();
    await (await this.field(form, 'Navn')).fill(name);
    await this.press(form, 'Lagre', 'Kanalen er registrert');
  }

  /** Presses a card's button and waits until `expect` is shown once more than before. */
  async press(card: Locator, button: string, expect: string): Promise<void> {
    const before = await this.occurrences(expect);
    await card.locator('button', { hasText: button }).first().click();
    await this.waitForMore(expect, before);
  }

  /** The newest Adaptive Card that shows `text`. */
  card(text: string): Locator {
    return this.page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
  }

  /** The input of a card labelled `label`, the `index`th such (the renderer ties `<label for>` to the input's id). */
  async field(card: Locator, label: string, index = 0): Promise<Locator> {
    const id = await card.locator('label.ac-richTextBlock', { hasText: label }).nth(index).getAttribute('for');
    if (!id) throw new Error(`no input labelled «${label}» on the card`);
    return card.locator(`[id="${id}"]`);
  }

  /** Opens a compact choice set (combobox) and picks the option shown as `option`. */
  async choose(card: Locator, label: string, option: string): Promise<void> {
    await (await this.field(card, label)).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async screenshot(dir: string, name: string): Promise<string> {
    const file = path.join(dir, name);
    await this.page.waitForTimeout(400); // fonts and card layout settle
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Another page in the same browser (for example the tab, next to the Playground). */
  newPage(): Promise<Page> {
    return this.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
  }

  close(): Promise<void> {
    return this.browser.close();
  }

  private occurrences(text: string): Promise<number> {
    return this.page.evaluate((t) => document.body.innerText.split(t).length - 1, text);
  }

  private async waitForMore(text: string, before: number): Promise<void> {
    await this.page.waitForFunction(([t, n]) => document.body.innerText.split(t as string).length - 1 > (n as number), [text, before] as const, {
      timeout: 30_000,
    });
  }
}
