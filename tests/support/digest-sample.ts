import { countTrends, digestWindow, summariseTrends, type TrendFact } from '../../src/domain/digest';
import type { DigestContent } from '../../src/domain/digest-content';
import type { DueItem } from '../../src/domain/digest-due';
import type { NamedMatter } from '../../src/domain/digest-sections';
import { DEFAULT_FOCUS_AREAS } from '../../src/domain/focus-areas';

/**
 * A digest's content for a network of any size, for the card-size tests: `bodies` youth teams
 * with invented place names, `areas` focus areas (the seven defaults, or more with labels of
 * the maximal 80 characters), six months of counts in a fixed pattern with many 1s and 2s, and
 * lists of matters of `listLength` entries each. Invented names and places only.
 */
export interface SampleOptions {
  readonly bodies: number;
  readonly areas?: number;
  readonly listLength?: number;
  readonly month?: string;
}

const PLACES = [
  'Nordbyen',
  'Sørlia',
  'Østhagen',
  'Vestmyra',
  'Bakkeby',
  'Fjellstua',
  'Strandvika',
  'Åsmarka',
  'Dalheim',
  'Elvebakken',
  'Furulund',
  'Granåsen',
  'Haugtun',
];

export function sampleBodies(n: number): { id: string; label: string }[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `b${String(i).padStart(2, '0')}`,
    label: `Ungdomsteam ${PLACES[i % PLACES.length]} ${13 + (i % 3)}-${16 + Math.floor(i / PLACES.length)}`,
  }));
}

export function sampleAreas(n: number): { id: string; label: string }[] {
  const defaults = DEFAULT_FOCUS_AREAS.map((a) => ({ id: a.id, label: a.nb }));
  if (n <= defaults.length) return defaults.slice(0, n);
  const long = (i: number): string => `Innsatsområde ${i} med en lang beskrivelse av hva det gjelder for barn og unge i kommunen`.slice(0, 80);
  return [...defaults, ...Array.from({ length: n - defaults.length }, (_, i) => ({ id: `area-${i}`, label: long(i + defaults.length + 1) }))];
}

/** The month's count at (area, body) in month number `m` of the window: 0–5, many small. */
export const sampleCount = (area: number, body: number, m: number): number => (area * 7 + body * 3 + m * 5) % 6;

export async function sampleDigest(o: SampleOptions): Promise<DigestContent> {
  const month = o.month ?? '2026-10';
  const bodies = sampleBodies(o.bodies);
  const areas = sampleAreas(o.areas ?? 7);
  const window = digestWindow(month);
  const facts: TrendFact[] = [];
  window.forEach((m, mi) =>
    areas.forEach((a, ai) =>
      bodies.forEach((b, bi) => {
        for (let i = 0; i < sampleCount(ai, bi, mi); i++) facts.push({ bodyId: b.id, month: m, focusAreaId: a.id, focusAreaLabel: a.label });
      }),
    ),
  );
  const trends = summariseTrends(await countTrends(facts, window), month, { areas, bodies });
  const n = o.listLength ?? 4;
  const matter = (i: number): NamedMatter => ({
    id: `e${i}`,
    title: `Uro ved kjøpesenteret i ${PLACES[i % PLACES.length]} sent på kvelden, sak ${i}`,
    titleState: 'ok',
    bodyId: bodies[i % bodies.length]!.id,
    state: 'accepted',
    date: '2026-10-05',
  });
  const many = (from: number): NamedMatter[] => Array.from({ length: n }, (_, i) => matter(from + i));
  const due = (i: number, day: string): DueItem =>
    i % 3 === 0
      ? {
          kind: 'task',
          id: `t${i}`,
          title: '',
          titleState: 'teamOnly',
          responsible: { service: 'school' },
          bodyId: bodies[i % bodies.length]!.id,
          due: day,
          meetingDay: '2026-09-15',
        }
      : {
          kind: 'measure',
          id: `e${i}`,
          title: `Flere voksne ute på kveldstid ved ${PLACES[i % PLACES.length]} skole, tiltak ${i}`,
          titleState: 'ok',
          responsible: { text: 'Utekontakten', state: 'ok' },
          bodyId: 'koord',
          due: day,
        };
  return {
    version: 1,
    month,
    generatedAt: '2026-11-02T07:00:00.000Z',
    suppressBelow: 3,
    bodies: [
      ...bodies.map((b) => ({ id: b.id, name: b.label, kind: 'youthTeam' as const })),
      { id: 'koord', name: 'Koordineringsgruppen', kind: 'coordinationGroup' },
      { id: 'styret', name: 'SLT-styret', kind: 'board' },
    ],
    boardId: 'styret',
    trends,
    escalations: { newCount: n, newNamed: many(0), resolvedCount: n, resolved: many(100), declinedCount: 1, waitingForBoard: many(200) },
    due: {
      asOf: '2026-10-31',
      overdue: Array.from({ length: n }, (_, i) => due(300 + i, '2026-09-20')),
      upcoming: Array.from({ length: n }, (_, i) => due(400 + i, '2026-11-12')),
    },
    meetings: {
      lines: bodies.map((b, i) => ({
        bodyId: b.id,
        planned: 1 + (i % 2),
        held: 1,
        cancelled: i % 3 === 0 ? 1 : 0,
        behind: i % 4 === 0,
        boardBelowMinimum: false,
      })),
      upcoming: bodies.map((b, i) => ({ bodyId: b.id, startUtc: `2026-11-${String(3 + (i % 25)).padStart(2, '0')}T16:00:00.000Z` })),
    },
  };
}
