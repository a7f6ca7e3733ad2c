import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeUserText } from '../../src/views/escape';
import { CARDS_DIR, listTemplates, renderCard } from '../../src/views/render';
import { validateCard } from '../support/card-validator';
import { cardTexts } from '../support/harness';

const SAMPLES = path.join(__dirname, '..', 'fixtures', 'cards');

describe('card templates in cards/', () => {
  const names = listTemplates();

  it('has at least the help card', () => {
    expect(names).toContain('help');
  });

  for (const name of names) {
    it(`${name}: is an Adaptive Card 1.5 template`, () => {
      const json = JSON.parse(fs.readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8')) as Record<string, unknown>;
      expect(json.type).toBe('AdaptiveCard');
      expect(json.version).toBe('1.5');
    });

    it(`${name}: renders with its sample data and parses with the adaptivecards SDK without warnings`, () => {
      const samplePath = path.join(SAMPLES, `${name}.json`);
      expect(fs.existsSync(samplePath), `add sample data for ${name} in tests/fixtures/cards/${name}.json`).toBe(true);
      const data = JSON.parse(fs.readFileSync(samplePath, 'utf8')) as Record<string, unknown>;
      const card = renderCard(name, data);
      expect(validateCard(card)).toEqual([]);
      expect(JSON.stringify(card)).not.toContain('${');
      // Phones render cards; Teams' limit is ~28 KB for cards. Samples must stay far below.
      expect(JSON.stringify(card).length).toBeLessThan(28_000);
      expect(card).toMatchSnapshot();
    });
  }
});

describe('user text bound into cards', () => {
  it('shows template syntax typed by a user as text, not evaluated', () => {
    const card = renderCard('notice', { title: 'T', text: '${title} og ${1+1}', color: 'Default', facts: [] });
    expect(cardTexts(card)).toContain('${title} og ${1+1}');
  });

  it('neutralises Markdown links and emphasis so they are shown as typed', () => {
    expect(escapeUserText('[klikk her](https://evil.example) **fet** <a href="x">')).toBe(
      '\\[klikk her\\](https://evil.example) \\*\\*fet\\*\\* \\<a href="x">',
    );
    // Ordinary punctuation stays untouched, including the digest's own "<3".
    expect(escapeUserText('(15 år) <3 | 50 %')).toBe('(15 år) <3 | 50 %');
    const card = renderCard('notice', { title: 'T', text: '[klikk](https://x.example)', color: 'Default', facts: [] });
    expect(cardTexts(card)[1]).toBe('\\[klikk\\](https://x.example)');
  });

  it('neutralises list and heading markers at line starts but keeps ordinary text', () => {
    expect(escapeUserText('- punkt\n1. første\n# overskrift')).toBe('\\- punkt\n1\\. første\n\\# overskrift');
    expect(escapeUserText('12 elever, 3-4 ganger i uka – Æøå 😀')).toBe('12 elever, 3-4 ganger i uka – Æøå 😀');
  });

  it('removes control characters but keeps newlines and tabs', () => {
    expect(escapeUserText('a\u0000b\u0007c\r\nd\te')).toBe('abc\nd\te');
  });

  it('does not escape values passed as raw (bot-built URLs)', () => {
    const card = renderCard('notice', { title: 'T', text: 'x', color: 'Default', facts: [] }, { text: 'https://bot.example/ics/a_b.ics' });
    expect(cardTexts(card)[1]).toBe('https://bot.example/ics/a_b.ics');
  });
});
