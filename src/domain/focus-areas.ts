/**
 * Focus areas (*innsatsområder*): the categories trend topics are reported under. They change
 * from year to year and between municipalities, so they are data stored per tenant (table
 * `settings`), edited by coordinators from the trend card — never an enum in code. Stored trends
 * keep the focus area's id and a copy of its label, so renaming or removing an area later does
 * not rewrite history.
 */
export interface FocusArea {
  /** Stable id (ASCII slug); statistics group by it. */
  readonly id: string;
  readonly nb: string;
  readonly en: string;
}

/**
 * Defaults, after the kind of list a network sets itself (DOMAIN.md, 2024), in neutral wording,
 * plus "other" so nothing is forced into a wrong category.
 */
export const DEFAULT_FOCUS_AREAS: readonly FocusArea[] = [
  { id: 'extremism', nb: 'Radikalisering og voldelig ekstremisme', en: 'Radicalisation and violent extremism' },
  { id: 'violence-abuse', nb: 'Vold og seksuelle overgrep mot barn og unge', en: 'Violence and sexual abuse against children and youth' },
  { id: 'public-space', nb: 'Kriminalitet i det offentlige rom', en: 'Crime in public space' },
  { id: 'youth-networks', nb: 'Kriminelle ungdomsnettverk', en: 'Criminal youth networks' },
  { id: 'recruitment', nb: 'Rekruttering til kriminalitet', en: 'Recruitment to crime' },
  { id: 'drugs', nb: 'Rusmiddelbruk blant unge', en: 'Drug use among youth' },
  { id: 'other', nb: 'Annet', en: 'Other' },
];

export const MAX_FOCUS_AREAS = 20;
export const MAX_FOCUS_AREA_LENGTH = 80;

/** The label in the user's language. */
export function focusAreaLabel(area: FocusArea, locale: 'nb' | 'en'): string {
  return locale === 'en' ? area.en : area.nb;
}

/** ASCII slug of a label (æ → ae, ø → o, å → a), for ids of areas coordinators add. */
export function slugOf(label: string): string {
  const folded = label
    .toLocaleLowerCase('nb-NO')
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/[åä]/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const slug = folded
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug || 'area';
}

export type FocusAreaEdit =
  | { readonly ok: true; readonly areas: FocusArea[] }
  | { readonly ok: false; readonly reason: 'empty' | 'tooMany' | 'tooLong'; readonly line?: string };

/**
 * Turns the coordinator's text (one area per line) into the new list. A line equal to an
 * existing label (either language, case-insensitive) keeps that area's id and its translation;
 * a new line gets a slug id and the same label in both languages. Duplicates are dropped.
 */
export function parseFocusAreaLines(text: string, current: readonly FocusArea[]): FocusAreaEdit {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (lines.length === 0) return { ok: false, reason: 'empty' };
  const long = lines.find((l) => l.length > MAX_FOCUS_AREA_LENGTH);
  if (long) return { ok: false, reason: 'tooLong', line: long };
  const key = (s: string): string => s.toLocaleLowerCase('nb-NO');
  const out: FocusArea[] = [];
  const seenLabels = new Set<string>();
  const seenIds = new Set<string>();
  for (const line of lines) {
    if (seenLabels.has(key(line))) continue;
    seenLabels.add(key(line));
    const existing = current.find((a) => key(a.nb) === key(line) || key(a.en) === key(line));
    let area: FocusArea = existing ?? { id: slugOf(line), nb: line, en: line };
    for (let n = 2; seenIds.has(area.id); n++) area = { ...area, id: `${slugOf(line)}-${n}` };
    seenIds.add(area.id);
    out.push(area);
  }
  if (out.length > MAX_FOCUS_AREAS) return { ok: false, reason: 'tooMany' };
  return { ok: true, areas: out };
}

/** The lines a coordinator edits: the labels in their language, one per line. */
export function focusAreaLines(areas: readonly FocusArea[], locale: 'nb' | 'en'): string {
  return areas.map((a) => focusAreaLabel(a, locale)).join('\n');
}

/**
 * The focus areas of one year, as the board decided them (issue 17): the list is versioned by
 * year, and a version records the board meeting that decided it. A year without its own version
 * uses the latest earlier one (then the network's unversioned list, then the defaults). Trends and
 * measures keep the focus area (id and label) of their year, so a later list rewrites nothing.
 */
export interface FocusAreaVersion {
  readonly year: number;
  readonly areas: readonly FocusArea[];
  /** The board meeting that decided the list: its id and day (YYYY-MM-DD), and the board. */
  readonly decided?: { readonly meetingId: string; readonly day: string; readonly bodyId: string };
  readonly updatedBy: string;
  readonly updatedAt: string;
}

/** The version in force in `year`: the one of that year, else the latest before it. */
export function versionFor(versions: readonly FocusAreaVersion[], year: number): FocusAreaVersion | undefined {
  return versions.filter((v) => v.year <= year).sort((a, b) => b.year - a.year)[0];
}
