import { describe, expect, it } from 'vitest';
import { type Doc, escapeHtml, escapeMarkdown, toHtml, toMarkdown } from '../../src/views/document';

const doc = (text: string): Doc => ({
  lang: 'nb',
  title: 'Tittel <1>',
  subtitle: 'Under',
  sections: [
    {
      heading: 'Del',
      blocks: [
        { kind: 'p', text },
        { kind: 'table', header: ['A', 'B'], rows: [[text, '3']], numeric: [false, true] },
        { kind: 'list', items: [text] },
      ],
    },
  ],
  footer: 'Slutt',
});

describe('documents written as files', () => {
  it('escapes every character HTML gives meaning, in text and attributes', () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')"> & co`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co');
    const html = toHtml(doc('<script>alert(1)</script>'));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>Tittel &lt;1&gt;</title>');
    expect(html).toContain('<td class="num">3</td>');
  });

  it('escapes Markdown so user text cannot add links, emphasis, headings, lists or table cells', () => {
    expect(escapeMarkdown('[lenke](https://x.example) **fet** a|b <b>')).toBe('\\[lenke\\](https://x.example) \\*\\*fet\\*\\* a\\|b \\<b\\>');
    expect(escapeMarkdown('# overskrift\n- punkt\n1. første')).toBe('\\# overskrift\n\\- punkt\n1\\. første');
    expect(escapeMarkdown('12 elever, 3-4 ganger – æøå')).toBe('12 elever, 3-4 ganger – æøå');
    const md = toMarkdown(doc('linje 1\nlinje | 2'));
    expect(md).toContain('| linje 1 linje \\| 2 | 3 |');
    expect(md).toContain('| --- | ---: |');
  });
});
