import type { Person } from './activities';
import type { RosterMember } from './connector';
import { cardTexts } from './harness';

/** An Adaptive Card as JSON. */
export type Card = Record<string, unknown>;

/** The fields of card elements and actions the tests read. */
export interface Element {
  type: string;
  id?: string;
  value?: unknown;
  text?: string;
  title?: string;
  color?: string;
  verb?: string;
  data?: Record<string, unknown>;
  card?: Card;
  choices?: { title: string; value: string }[];
}

/** What the user reads: card texts with the Markdown escapes of bound data removed. */
export const shown = (card: Card | undefined): string[] => cardTexts(card).map((t) => t.replace(/\\([\\`*_[\]<#>+-])/g, '$1'));

/** A person as the Teams roster lists them. */
export const member = (p: Person): RosterMember => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name });

/** Every element and action of a card, depth first (inputs inside ShowCards included). */
export function allElements(node: unknown, out: Element[] = []): Element[] {
  if (Array.isArray(node)) node.forEach((n) => allElements(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Element & Record<string, unknown>;
    if (typeof o.type === 'string') out.push(o);
    for (const v of Object.values(o)) allElements(v, out);
  }
  return out;
}

/** Every typed object of a card (elements, actions, table rows and cells), with all its fields. */
export const cardNodes = (card: unknown): Card[] => allElements(card) as unknown as Card[];

/** The cell texts of a Table element, row by row. */
export const tableTexts = (table: Card): string[][] =>
  (table.rows as Card[]).map((r) => (r.cells as Card[]).map((c) => String(((c.items as Card[])[0] as Card).text)));

/** The table in the container whose first TextBlock is `heading`, as cell texts; undefined if there is none. */
export function tableUnder(card: unknown, heading: string): string[][] | undefined {
  const box = cardNodes(card).find(
    (n) => Array.isArray(n.items) && (n.items as Card[])[0]?.text === heading && (n.items as Card[]).some((i) => i.type === 'Table'),
  );
  return box ? tableTexts((box.items as Card[]).find((i) => i.type === 'Table')!) : undefined;
}

export const byId = (card: Card | undefined, id: string): Element | undefined => allElements(card).find((e) => e.id === id);
export const inputValue = (card: Card | undefined, id: string): unknown => byId(card, id)?.value;
/** The distinct `Action.Execute` verbs a card offers. */
export const verbs = (card: Card | undefined): string[] => [
  ...new Set(
    allElements(card)
      .filter((e) => e.type === 'Action.Execute')
      .map((e) => String(e.verb)),
  ),
];
/** The data of the first `Action.Execute` with this verb. */
export const executeData = (card: Card | undefined, verb: string): Record<string, unknown> | undefined =>
  allElements(card).find((e) => e.type === 'Action.Execute' && e.verb === verb)?.data;

/** The attention-coloured TextBlock right after the input with this id ('' when none). */
export function errorAfter(card: Card | undefined, id: string): string {
  const els = allElements(card);
  const i = els.findIndex((e) => e.id === id);
  const next = els.slice(i + 1).find((e) => e.type === 'TextBlock' || e.id);
  return i >= 0 && next?.type === 'TextBlock' && next.color === 'Attention' ? String(next.text) : '';
}

/** The card or message an `adaptiveCard/action` invoke answered with. */
export function invokeResult(res: { status: number; body: unknown }): { card?: Card; message?: string } {
  const body = res.body as { type?: string; value?: unknown };
  return body?.type === 'application/vnd.microsoft.card.adaptive' ? { card: body.value as Card } : { message: String(body?.value) };
}
