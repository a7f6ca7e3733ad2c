import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/**
 * Drives the Microsoft 365 Agents Playground's web UI in Debian's headless Chromium the way a
 * person would: pick a conversation in the left rail, type (with an @mention picked from the
 * typeahead in channels), press Enter, fill the Adaptive Card's inputs and press its buttons.
 * Selectors are the Playground 0.2.x UI's own (Fluent UI + the Adaptive Cards renderer).
 */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export class PlaygroundUi {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
  ) {}

  static async open(url: string): Promise<PlaygroundUi> {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
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

  /** The input of a card labelled `label` (the renderer ties `<label for>` to the input's id). */
  async field(card: Locator, label: string): Promise<Locator> {
    const id = await card.locator('label.ac-richTextBlock', { hasText: label }).first().getAttribute('for');
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

  close(): Promise<void> {
    return this.browser.close();
  }

  private occurrences(text: string): Promise<number> {
    return this.page.evaluate((t) => document.body.innerText.split(t).length - 1, text);
  }

  private async waitForMore(text: string, before: number): Promise<void> {
    await this.page.waitForFunction(([t, n]) => document.body.innerText.split(t as string).length - 1 > (n as number), [text, before] as const, { timeout: 30_000 });
  }
}
