/**
 * A small document model for files the bot writes (the annual report draft), rendered as
 * Markdown and as a standalone, print-friendly HTML page. Every string in a document is plain
 * text: the renderers escape it for their format, so a matter title like `<script>` or
 * `**fet** | kolonne` is shown as typed and can neither inject markup nor break a table.
 */
export type Block =
  | { readonly kind: 'p'; readonly text: string }
  /** A sub-heading inside a section (e.g. one focus area). */
  | { readonly kind: 'h3'; readonly text: string }
  /** Text the editor is meant to replace (shown highlighted in HTML, in brackets in Markdown). */
  | { readonly kind: 'placeholder'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'note'; readonly text: string }
  /** A bar chart of a few figures (HTML: inline SVG; Markdown: the figures in a line). */
  | { readonly kind: 'chart'; readonly caption: string; readonly labels: readonly string[]; readonly values: readonly number[] }
  | {
      readonly kind: 'table';
      readonly caption?: string;
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
      readonly numeric?: readonly boolean[];
    };

export interface Section {
  readonly heading: string;
  readonly blocks: readonly Block[];
}

export interface Doc {
  readonly lang: 'nb' | 'en';
  readonly title: string;
  readonly subtitle: string;
  readonly sections: readonly Section[];
  readonly footer: string;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Escapes text for Markdown: inline markup, HTML, table pipes, and block markers at line starts. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .replace(/^(\s*)([-+=#])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** One line for a table cell: newlines become spaces. */
const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ');

/** The document as Markdown (GitHub-flavoured tables). */
export function toMarkdown(doc: Doc): string {
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, '', `*${escapeMarkdown(doc.subtitle)}*`, ''];
  for (const section of doc.sections) {
    out.push(`## ${escapeMarkdown(section.heading)}`, '');
    for (const b of section.blocks) {
      if (b.kind === 'p') out.push(escapeMarkdown(b.text), '');
      else if (b.kind === 'h3') out.push(`### ${escapeMarkdown(b.text)}`, '');
      else if (b.kind === 'placeholder') out.push(`> ${escapeMarkdown(b.text)}`, '');
      else if (b.kind === 'note') out.push(`*${escapeMarkdown(b.text)}*`, '');
      else if (b.kind === 'list') out.push(...b.items.map((i) => `- ${escapeMarkdown(oneLine(i))}`), '');
      else if (b.kind === 'chart')
        out.push(`*${escapeMarkdown(b.caption)}:* ${b.labels.map((l, i) => `${escapeMarkdown(l)}: ${b.values[i]}`).join(' · ')}`, '');
      else {
        if (b.caption) out.push(`**${escapeMarkdown(b.caption)}**`, '');
        const cells = (row: readonly string[]): string => `| ${row.map((c) => escapeMarkdown(oneLine(c))).join(' | ')} |`;
        out.push(cells(b.header), `|${b.header.map((_, i) => (b.numeric?.[i] ? ' ---: ' : ' --- ')).join('|')}|`, ...b.rows.map(cells), '');
      }
    }
  }
  out.push('---', '', `*${escapeMarkdown(doc.footer)}*`, '');
  return out.join('\n');
}

const CSS = `
  :root { color-scheme: light; }
  body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1b1f; margin: 0; background: #f4f5f7; }
  main { max-width: 52rem; margin: 2rem auto; padding: 2.5rem 3rem; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.08); }
  h1 { font-size: 1.9rem; margin: 0 0 .25rem; color: #1d3557; }
  .subtitle { color: #555; margin: 0 0 2rem; }
  h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid #1d3557; color: #1d3557; }
  h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; color: #1d3557; }
  p { margin: .5rem 0; }
  .placeholder { background: #fff8dc; border-left: 4px solid #e0b000; padding: .5rem .8rem; color: #5a4a00; font-style: italic; }
  .note { color: #555; font-size: .9rem; }
  table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .95rem; }
  caption { text-align: left; font-weight: 600; padding: .3rem 0; }
  th, td { border: 1px solid #d0d4da; padding: .35rem .55rem; text-align: left; vertical-align: top; }
  th { background: #e9eef5; }
  figure.chart { display: inline-block; vertical-align: top; width: 46%; margin: .4rem 3% .8rem 0; break-inside: avoid; }
  figure.chart figcaption { font-weight: 600; font-size: .95rem; }
  figure.chart svg { width: 100%; max-width: 34rem; height: auto; }
  figure.chart rect { fill: #1d3557; }
  figure.chart rect.last { fill: #e07a00; }
  figure.chart text { font-size: 11px; fill: #333; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  tbody tr:nth-child(even) td { background: #fafbfc; }
  footer { margin-top: 2.5rem; padding-top: .8rem; border-top: 1px solid #d0d4da; color: #555; font-size: .85rem; }
  @media print {
    body { background: #fff; font-size: 11pt; }
    main { box-shadow: none; margin: 0; padding: 0; max-width: none; }
    h2 { break-after: avoid; }
    table, tr { break-inside: avoid; }
    .placeholder { background: none; border: 1px dashed #999; }
  }
  @page { margin: 2cm; }
`;

/** The document as a standalone HTML page (no scripts, no external resources). */
export function toHtml(doc: Doc): string {
  const e = escapeHtml;
  const body: string[] = [];
  for (const section of doc.sections) {
    body.push(`<section>\n<h2>${e(section.heading)}</h2>`);
    for (const b of section.blocks) {
      if (b.kind === 'p') body.push(`<p>${e(b.text)}</p>`);
      else if (b.kind === 'h3') body.push(`<h3>${e(b.text)}</h3>`);
      else if (b.kind === 'placeholder') body.push(`<p class="placeholder">${e(b.text)}</p>`);
      else if (b.kind === 'note') body.push(`<p class="note">${e(b.text)}</p>`);
      else if (b.kind === 'list') body.push(`<ul>\n${b.items.map((i) => `  <li>${e(i)}</li>`).join('\n')}\n</ul>`);
      else if (b.kind === 'chart') body.push(barChart(b));
      else {
        const cls = (i: number): string => (b.numeric?.[i] ? ' class="num"' : '');
        body.push(
          [
            '<table>',
            b.caption ? `  <caption>${e(b.caption)}</caption>` : '',
            `  <thead><tr>${b.header.map((h, i) => `<th scope="col"${cls(i)}>${e(h)}</th>`).join('')}</tr></thead>`,
            `  <tbody>\n${b.rows.map((r) => `    <tr>${r.map((c, i) => `<td${cls(i)}>${e(c)}</td>`).join('')}</tr>`).join('\n')}\n  </tbody>`,
            '</table>',
          ]
            .filter(Boolean)
            .join('\n'),
        );
      }
    }
    body.push('</section>');
  }
  return [
    '<!doctype html>',
    `<html lang="${doc.lang === 'nb' ? 'nb' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(doc.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${e(doc.title)}</h1>`,
    `<p class="subtitle">${e(doc.subtitle)}</p>`,
    ...body,
    `<footer>${e(doc.footer)}</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A small bar chart as inline SVG (no scripts): one bar per label, the last highlighted, figures above the bars. */
function barChart(b: Extract<Block, { kind: 'chart' }>): string {
  const e = escapeHtml;
  const w = 520;
  const h = 170;
  const top = 18;
  const bottom = 22;
  const max = Math.max(1, ...b.values);
  const step = w / Math.max(1, b.values.length);
  const bar = Math.max(4, step * 0.6);
  const bars = b.values
    .map((v, i) => {
      const bh = ((h - top - bottom) * v) / max;
      const x = i * step + (step - bar) / 2;
      const y = h - bottom - bh;
      const last = i === b.values.length - 1 ? ' class="last"' : '';
      return [
        `<rect${last} x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${bar.toFixed(1)}" height="${bh.toFixed(1)}"><title>${e(b.labels[i] ?? '')}: ${v}</title></rect>`,
        `<text x="${(x + bar / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle">${v}</text>`,
        `<text x="${(x + bar / 2).toFixed(1)}" y="${h - 6}" text-anchor="middle">${e(b.labels[i] ?? '')}</text>`,
      ].join('');
    })
    .join('\n    ');
  return [
    '<figure class="chart">',
    `  <figcaption>${e(b.caption)}</figcaption>`,
    `  <svg viewBox="0 0 ${w} ${h}" role="img" aria-label="${e(b.caption)}">\n    ${bars}\n  </svg>`,
    '</figure>',
  ].join('\n');
}
