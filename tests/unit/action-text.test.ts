import { describe, expect, it } from 'vitest';
import { ACTIONS, type Verb } from '../../src/actions';

/**
 * Every free-text field of every card action is cleaned the same way before a handler sees it
 * (src/actions/fields.ts): control characters never reach storage, whichever verb carried them.
 * Each verb has a valid example; every string field of it is then sent again with control
 * characters inside. Either the schema refuses the value (an id, a date, a choice) or what it
 * hands on is clean.
 */
const MEETING = 'm0123456789abcdef-1';
const EXAMPLES: Record<Verb, Record<string, unknown>> = {
  'body.register': { kind: 'youthTeam', name: 'Ungdomsteam Vest', cadenceWeeks: '6', weekday: '2', time: '18:00', durationMinutes: '90' },
  'role.grant': { aadObjectId: 'aad-ny-person', role: 'coordinator' },
  'role.revoke': { aadObjectId: 'aad-ny-person', role: 'coordinator' },
  'meeting.schedule': { date: '2026-11-17', time: '09:00', durationMinutes: '90', location: 'Rådhuset, møterom 2', repeat: 'none', count: '1' },
  'meeting.cancel': { meetingId: MEETING, reason: 'Flyttet til neste uke' },
  'trend.submit': {
    focusArea: 'drugs',
    direction: 'new',
    description: 'Mer uro ved stasjonen',
    area: 'Sentrum',
    ageGroup: '',
    service: 'school',
    formId: 'f1',
  },
  'focusAreas.set': { areas: 'Rus\nVold' },
  'escalation.submit': { title: 'Uro i sentrum', description: 'Flere grupper samles sent.', requestedAction: 'Mer natteravn', formId: 'f2' },
  'escalation.accept': { escalationId: 'e00000000000000000000', note: 'Tas opp', acceptNote: 'Tas opp' },
  'escalation.decline': { escalationId: 'e00000000000000000000', note: 'Løst lokalt', declineNote: 'Løst lokalt' },
  'escalation.resolve': { escalationId: 'e00000000000000000000', decision: 'Mer patrulje', measure: 'Natteravn', responsible: 'Politiet', due: '2026-12-01' },
  'escalation.escalate': { escalationId: 'e00000000000000000000', note: 'Til styret', escalateNote: 'Til styret' },
  'escalation.decide': { escalationId: 'e00000000000000000000', decision: 'Vedtatt', boardDecision: 'Vedtatt' },
  'escalation.refresh': { escalationId: 'e00000000000000000000', bodyId: 'b0000000000000000' },
  'digest.send': { month: '2026-10', confirm: 'true', seen: '1' },
  'digest.ack': { month: '2026-10' },
  'agenda.addItem': { meetingId: MEETING, bodyId: 'b0000000000000000', title: 'Budsjett for sommeren', by: 'coordinator' },
  'agenda.removeItem': { meetingId: MEETING, bodyId: 'b0000000000000000', itemId: 'police' },
  'agenda.refresh': { meetingId: MEETING, bodyId: 'b0000000000000000' },
  'agenda.show': { meetingId: MEETING, bodyId: 'b0000000000000000', page: '1' },
  // Per-item inputs are read by parseMinutesInput (cleanText, tested with the minutes); the schema checks ids only.
  'minutes.record': { meetingId: MEETING, bodyId: 'b0000000000000000' },
  'minutes.taskDone': { meetingId: MEETING, bodyId: 'b0000000000000000', taskId: 't0000abcd' },
  'policeStats.import': { table: 'offences', text: ';2023;2024\nVinning;210;87', mode: 'paste', year: '2024', band: '10-17', n0: '41' },
  'policeStats.confirm': { importId: 'i0123456789abcdef01234567' },
  'measure.save': {
    title: 'Sommerjobb for ungdom',
    description: 'Jobb i ferien for unge i risiko',
    focusAreas: 'drugs,recruitment',
    level: 'group',
    responsible: 'outreach,youthClub',
    ownerBodyId: 'b0000000000000000',
    plan: 'Rusmiddelpolitisk handlingsplan, tiltak 9',
    start: '2026-06-01',
    end: '2026-08-15',
    status: 'ongoing',
    evaluationMethod: 'Prosessevaluering med deltakerne',
    evaluation: 'Godt mottatt av ungdommene',
    conclusion: 'continue',
    formId: 'f3',
  },
  'measure.status': { measureId: 'x00000000000000000000', status: 'completed', version: '2' },
  'measure.show': { measureId: 'x00000000000000000000', mode: 'view' },
  'measure.fromTask': { meetingId: MEETING, bodyId: 'b0000000000000000', taskId: 't0000abcd' },
  'focusStatus.save': { year: '2026', versions: '{"drugs":1}', text__drugs: 'Mer samarbeid mellom skole og utekontakt' },
};

/** The free-text fields: they must accept dirty text (and clean it), not refuse it. */
const FREE_TEXT: readonly (readonly [Verb, string])[] = [
  ['body.register', 'name'],
  ['meeting.schedule', 'location'],
  ['meeting.cancel', 'reason'],
  ['trend.submit', 'description'],
  ['trend.submit', 'area'],
  ['focusAreas.set', 'areas'],
  ['escalation.submit', 'title'],
  ['escalation.submit', 'description'],
  ['escalation.submit', 'requestedAction'],
  ['escalation.accept', 'note'],
  ['escalation.decline', 'declineNote'],
  ['escalation.resolve', 'decision'],
  ['escalation.resolve', 'measure'],
  ['escalation.resolve', 'responsible'],
  ['escalation.escalate', 'escalateNote'],
  ['escalation.decide', 'boardDecision'],
  ['agenda.addItem', 'title'],
  ['policeStats.import', 'text'],
  ['measure.save', 'title'],
  ['measure.save', 'description'],
  ['measure.save', 'plan'],
  ['measure.save', 'evaluationMethod'],
  ['measure.save', 'evaluation'],
];

/**
 * Keys, not text: looked up, parsed (dates) or hashed (formId) by the handler, which refuses
 * what it does not find; never stored or shown as typed.
 */
const KEYS = new Set(['bodyId', 'meetingId', 'escalationId', 'itemId', 'taskId', 'formId', 'focusArea', 'date', 'time', 'month', 'aadObjectId', 'importId']);

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const dirty = (s: string): string => `\u0007 ${s.slice(0, 3)}\u0000\u001b${s.slice(3)}\u007f \r\n`;

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

describe('free text in card actions', () => {
  for (const verb of Object.keys(ACTIONS) as Verb[]) {
    it(`${verb}: hands its handler no control characters in any field`, () => {
      const example = EXAMPLES[verb];
      expect(ACTIONS[verb].schema.safeParse(example).success).toBe(true);
      for (const [field, value] of Object.entries(example)) {
        if (typeof value !== 'string' || KEYS.has(field)) continue;
        const parsed = ACTIONS[verb].schema.safeParse({ ...example, [field]: dirty(value) });
        if (!parsed.success) continue; // refused: nothing is stored
        const kept = Object.entries(parsed.data as Record<string, unknown>).filter(([k]) => !KEYS.has(k));
        for (const s of strings(Object.fromEntries(kept))) expect(s, `${verb}.${field}`).not.toMatch(CONTROL);
      }
    });
  }

  it.each(FREE_TEXT)('%s accepts %s with control characters and passes it on cleaned and trimmed', (verb, field) => {
    const example = EXAMPLES[verb];
    const parsed = ACTIONS[verb].schema.safeParse({ ...example, [field]: dirty(String(example[field])) });
    expect(parsed.success).toBe(true);
    const value = (parsed.data as Record<string, unknown>)[field];
    expect(value).toBe(String(example[field]));
  });
});
