import type { BodyKind } from './bodies';
import type { TrendSummary } from './digest';
import type { EscalationSummary, MeetingSummary, NamedMatter } from './digest-sections';

/**
 * What a monthly digest says, in plain data: the card is rendered from it, and it is what the
 * archive keeps of every digest sent (statistics, body names, focus-area labels and the titles
 * of matters that reached the coordination group or the board — no other free text, no names
 * of reporters). Versioned, so an archived digest from an older release is still recognised.
 */
export interface DigestContent {
  readonly version: 1;
  /** YYYY-MM, the month reported. */
  readonly month: string;
  readonly generatedAt: string;
  /** SLT_SUPPRESS_BELOW when it was made (the legend says "<n"). */
  readonly suppressBelow: number;
  readonly bodies: readonly { readonly id: string; readonly name: string; readonly kind: BodyKind }[];
  readonly boardId?: string;
  readonly trends: TrendSummary;
  readonly escalations: EscalationSummary;
  readonly meetings: MeetingSummary;
}

/** Reads archived content back; undefined when it is not a digest this release understands. */
export function parseDigestContent(json: string): DigestContent | undefined {
  try {
    const v = JSON.parse(json) as Partial<DigestContent>;
    return v && v.version === 1 && typeof v.month === 'string' && v.trends && v.escalations && v.meetings ? (v as DigestContent) : undefined;
  } catch (err) {
    if (err instanceof SyntaxError) return undefined; // a damaged row: shown as "not available", never a crash
    throw err;
  }
}

/**
 * The content with every matter title emptied (shown as "erased"): for archived digests older
 * than the retention period, like the matters' own free text (SLT_RETENTION_MONTHS).
 */
export function withoutTitles(c: DigestContent): DigestContent {
  const blank = (list: readonly NamedMatter[]): NamedMatter[] => list.map((m) => ({ ...m, title: '', titleState: 'erased' }));
  const e = c.escalations;
  return {
    ...c,
    escalations: { ...e, newNamed: blank(e.newNamed), resolved: blank(e.resolved), waitingForBoard: blank(e.waitingForBoard), measuresDue: blank(e.measuresDue), measuresNext: blank(e.measuresNext) },
  };
}
