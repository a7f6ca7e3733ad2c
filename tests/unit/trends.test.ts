import { describe, expect, it } from 'vitest';
import { retentionJob } from '../../src/app/retention';
import { NOBODY } from '../../src/domain/access';
import type { Body, BodyKind, BodyReader } from '../../src/domain/bodies';
import { DEFAULT_FOCUS_AREAS, parseFocusAreaLines, slugOf } from '../../src/domain/focus-areas';
import type { Roster } from '../../src/domain/ports';
import { cleanText, mayReadTrendsOf, monthOf, monthsBack, retentionCutoff } from '../../src/domain/trends';
import { actingScope, displayScope, resolveViewer } from '../../src/domain/visibility';

function body(id: string, kind: BodyKind, channelId: string): Body {
  return {
    tenantId: 't',
    id,
    kind,
    name: id,
    cadenceWeeks: 6,
    durationMinutes: 90,
    channelId,
    ref: { serviceUrl: 'https://x', conversationId: channelId, tenantId: 't', botId: 'bot', channelId },
    registeredBy: 'x',
    registeredAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

const BODIES = [body('bvest', 'youthTeam', 'c-vest'), body('bost', 'youthTeam', 'c-ost'), body('bkoord', 'coordinationGroup', 'c-koord')];
const reader: BodyReader = {
  get: async (_t, id) => BODIES.find((b) => b.id === id),
  byChannel: async (_t, c) => BODIES.find((b) => b.channelId === c),
  list: async () => BODIES,
};
const roster: Roster = {
  members: async () => [],
  isMember: async (ref, aad) => (ref.conversationId === 'c-vest' && aad === 'kari') || (ref.conversationId === 'c-koord' && aad === 'per'),
};

describe('trend text and months', () => {
  it('keeps text as typed except control characters and outer whitespace', () => {
    expect(cleanText('  ${x} [a](b) <i>😀</i>\r\nny linje\u0000\u0085  ')).toBe('${x} [a](b) <i>😀</i>\nny linje');
  });

  it('files by Oslo month and counts months back across a year', () => {
    expect(monthOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01');
    expect(monthsBack('2027-02', 3)).toEqual(['2027-02', '2027-01', '2026-12']);
  });

  it('puts the retention cut-off the configured number of months back, in Oslo time', () => {
    expect(retentionCutoff(new Date('2026-07-01T10:00:00Z'), 24)).toBe('2024-07-01T10:00:00.000Z');
    expect(retentionCutoff(new Date('2026-03-31T10:00:00Z'), 1)).toBe('2026-02-28T11:00:00.000Z'); // summer → winter time, end of month
  });

  it('schedules the retention run daily at 03:30 Oslo, one key per day', () => {
    expect(retentionJob('t', new Date('2026-11-02T09:00:00Z'))).toMatchObject({
      key: 'retention:t:2026-11-03',
      kind: 'retention',
      dueAt: '2026-11-03T02:30:00.000Z',
    });
    expect(retentionJob('t', new Date('2026-11-02T01:00:00Z')).key).toBe('retention:t:2026-11-02');
    expect(retentionJob('t', new Date('2026-06-15T12:00:00Z')).dueAt).toBe('2026-06-16T01:30:00.000Z');
  });
});

describe('focus areas', () => {
  it('keeps the ids of existing areas, gives new ones slugs, drops duplicates', () => {
    const edit = parseFocusAreaLines('Drug use among youth\n  Nettkriminalitet  \nNETTKRIMINALITET\nRøykfri skolevei', DEFAULT_FOCUS_AREAS);
    expect(edit).toEqual({
      ok: true,
      areas: [
        DEFAULT_FOCUS_AREAS.find((a) => a.id === 'drugs'),
        { id: 'nettkriminalitet', nb: 'Nettkriminalitet', en: 'Nettkriminalitet' },
        { id: 'roykfri-skolevei', nb: 'Røykfri skolevei', en: 'Røykfri skolevei' },
      ],
    });
    expect(slugOf('Æ Ø Å')).toBe('ae-o-a');
  });

  it('refuses an empty list, too many areas and too long labels', () => {
    expect(parseFocusAreaLines(' \n ', [])).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseFocusAreaLines(Array.from({ length: 21 }, (_, i) => `Område ${i}`).join('\n'), [])).toMatchObject({ ok: false, reason: 'tooMany' });
    expect(parseFocusAreaLines('x'.repeat(81), [])).toMatchObject({ ok: false, reason: 'tooLong' });
  });
});

describe('who sees what', () => {
  it("lets a body's trends be read by its members and coordinators only", () => {
    expect(mayReadTrendsOf('bvest', { coordinator: false, memberOf: new Set(['bvest']) })).toBe(true);
    expect(mayReadTrendsOf('bost', { coordinator: false, memberOf: new Set(['bvest']) })).toBe(false);
    expect(mayReadTrendsOf('bost', { coordinator: true, memberOf: new Set() })).toBe(true);
  });

  it('shows in a channel only that channel’s body, and only to its members', async () => {
    const kariInVest = await resolveViewer({ bodies: reader, roster }, { id: 'kari', tenantId: 't' }, NOBODY, { kind: 'channel', channelId: 'c-vest' });
    expect(displayScope(kariInVest).bodyIds).toEqual(['bvest']);
    const kariInOst = await resolveViewer({ bodies: reader, roster }, { id: 'kari', tenantId: 't' }, NOBODY, { kind: 'channel', channelId: 'c-ost' });
    expect(displayScope(kariInOst).bodyIds).toEqual([]);
    expect(actingScope(kariInOst).bodyIds).toEqual([]);
  });

  it('gives a member in a personal chat the bodies whose rosters list them, and a coordinator every body', async () => {
    const per = await resolveViewer({ bodies: reader, roster }, { id: 'per', tenantId: 't' }, NOBODY, { kind: 'personal' });
    expect(displayScope(per).bodyIds).toEqual(['bkoord']);
    const coordinatorInChannel = await resolveViewer(
      { bodies: reader, roster },
      { id: 'sigrid', tenantId: 't' },
      { ...NOBODY, coordinator: true },
      { kind: 'channel', channelId: 'c-ost' },
    );
    // What is shown in Øst's channel stays Øst's, even for a coordinator; acting reaches every body.
    expect(displayScope(coordinatorInChannel).bodyIds).toEqual(['bost']);
    expect(actingScope(coordinatorInChannel).bodyIds).toEqual(['bvest', 'bost', 'bkoord']);
  });
});
