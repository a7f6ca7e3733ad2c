import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ACTIONS, type Verb } from '../../src/actions';
import { BODY_KINDS, type BodyKind } from '../../src/domain/bodies';
import { DEFAULT_FOCUS_AREAS } from '../../src/domain/focus-areas';
import { CONCLUSIONS, MEASURE_LEVELS, MEASURE_STATES } from '../../src/domain/measures/model';
import { AGE_GROUPS, DIRECTIONS, SERVICES } from '../../src/domain/trends';
import { bodyScope, systemScope } from '../../src/domain/visibility';
import { BOT, CHANNELS, cardAction, channelMessage, PEOPLE, type Person, TEAM_ID, TENANT } from '../support/activities';
import { validateCard } from '../support/card-validator';
import { cardTexts, type Harness, startHarness } from '../support/harness';
import { ROW_CHECKS, rowProblems } from '../support/row-checks';

/**
 * Property-based fuzzing of every card action (every verb of ACTIONS, so a new verb is covered
 * without touching this file): arbitrary JSON-ish data — control characters, `${…}`, strings past
 * the storage limits, numbers, nested objects, arrays, missing and unknown fields — posted as
 * `adaptiveCard/action` invokes through /api/messages by a coordinator (also administrator) and
 * by a plain member, from every kind of place. The bot must answer each with 200 and a valid
 * card or a message (never a 500, never the apology for an unexpected failure), or with a 4xx for
 * a malformed invoke; afterwards every row of the scanned tables must be valid by the domain.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 80);
/**
 * One seed for the whole file, so a failure can be replayed: every property and the row scans
 * name it (`FUZZ_SEED=<n> npx vitest run tests/e2e/fuzz-actions.test.ts`), and fast-check adds
 * the `path` of the shrunk counterexample to its own message (`FUZZ_PATH` replays just that).
 * The properties run in file order against one bot, so the same seed gives the same data.
 */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : (Date.now() ^ Math.floor(Math.random() * 0x1_0000_0000)) | 0;
const FC_OPTIONS = { numRuns: RUNS, seed: SEED, ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH, endOnFailure: true } : {}) };
const REPLAY = `replay with FUZZ_SEED=${SEED}`;
const COORDINATOR = PEOPLE.sigrid;
const MEMBER = PEOPLE.kari;
const PLACES = [CHANNELS.vest, CHANNELS.koord, CHANNELS.styret, CHANNELS.general, null] as const;
const APOLOGY = /^(Beklager, (noe gikk galt|jeg får ikke)|Sorry, (something went wrong|I cannot store))/;

/** Strings that have broken bots before: templates, markup, look-alike numbers, odd whitespace, keys. */
const SPECIALS = [
  '${title}',
  '${1+1}',
  '${$root.title}',
  '${json($root)}',
  '{{x}}',
  '\u0000',
  '\u0007bell',
  '\u202Eevil',
  '\r\n',
  '\t',
  ' ',
  '',
  '<script>x</script>',
  '[lenke](https://example.invalid)',
  '**fet**',
  '@SLT-boten',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'NaN',
  '1e309',
  '-0',
  '0x1F',
  ' 42 ',
  '😀🎉',
  'æøå ÆØÅ',
  "'; drop table --",
  '|',
  'b0000000000000000|e00000000000000000000',
];

const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIALS) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...SPECIALS), fc.string({ maxLength: 20 }), fc.constantFrom(...SPECIALS)).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.constantFrom(2_001, 33_000, 70_000).map((n) => 'å'.repeat(n)) },
);
/** Text a member might really type: passes validation and the guard, so handlers go on to store it. */
const prose = fc.oneof(
  fc.constantFrom(
    'Mer uro ved stasjonen om kvelden.',
    'Flere unge samles ved skolen etter stengetid',
    'Økt salg av snus i friminuttene',
    'Sentrum',
    'Politiet følger opp',
    '  Rus på fest i helgen\n\nmange 15-åringer  ',
  ),
  fc
    .tuple(
      fc.constantFrom('Uro ved', 'Mer rus på', 'Færre unge ved'),
      fc.constantFrom(' ${x}', ' **', ' <b>', ' 😀', ' \u0007', ''),
      fc.constantFrom(' kjøpesenteret', ' banen', ''),
    )
    .map((p) => p.join('')),
);
const numberish = fc.oneof(fc.integer({ min: -10, max: 1_000 }), fc.integer().map(String), fc.double(), fc.constantFrom('', ' 15 ', '1.5', '90'));
const anything: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: text },
  { weight: 2, arbitrary: numberish },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(text, { maxLength: 4 }) },
);
const dateish = fc.oneof(
  fc.constantFrom('2026-11-10', '2026-12-01', '2026-11-02', '2026-02-30', '2025-01-01', '10.11.2026', '2026-11-10T09:00'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

/** Field names of an action's data from its zod schema (objects, also inside pipes and refinements). */
function fieldsOf(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  const inner = (schema as unknown as { def?: { in?: unknown; innerType?: unknown } }).def;
  for (const s of [inner?.in, inner?.innerType]) if (s instanceof z.ZodType) return fieldsOf(s);
  return [];
}

/** Ids that exist after the setup, so generated data also reaches the handlers' deeper paths. */
interface Known {
  bodyIds: string[];
  meetingIds: string[];
  escalationIds: string[];
  measureIds: string[];
}

/** Plausible values for a field by its name, mixed with anything at all. */
function valueFor(field: string, known: Known): fc.Arbitrary<unknown> {
  const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
  const plausible: Record<string, fc.Arbitrary<unknown>> = {
    kind: pick<string>(...BODY_KINDS, 'YouthTeam'),
    role: pick('coordinator', 'admin', 'owner'),
    aadObjectId: pick(MEMBER.aadObjectId, COORDINATOR.aadObjectId, PEOPLE.ola.aadObjectId, 'aad-ny-person', 'ikke gyldig!'),
    meetingId: pick(...known.meetingIds, 'm0000000000000000-1'),
    bodyId: pick(...known.bodyIds, 'b0000000000000000', 'kind-board'),
    escalationId: pick(...known.escalationIds, 'e00000000000000000000'),
    month: pick('2026-10', '2026-11', '2026-13', '1999-01', '2027-05'),
    focusArea: pick(...DEFAULT_FOCUS_AREAS.map((a) => a.id), 'finnes-ikke'),
    direction: pick<string>(...DIRECTIONS),
    ageGroup: pick<string>(...AGE_GROUPS),
    service: pick<string>(...SERVICES),
    by: pick<string>(...SERVICES, 'coordinator'),
    repeat: pick('none', 'cadence'),
    confirm: pick<unknown>('true', 'false', true),
    time: pick('09:00', '23:59', '24:00', '9:5', '02:30'),
    date: dateish,
    due: dateish,
    itemId: pick('police', 'eventuelt', 'trends', 'x'.repeat(90)),
    measureId: pick(...known.measureIds, 'x00000000000000000000'),
    status: pick<string>(...MEASURE_STATES, 'done'),
    level: pick<string>(...MEASURE_LEVELS, 'county'),
    conclusion: pick<string>(...CONCLUSIONS, 'maybe'),
    mode: pick('view', 'edit', 'evaluate', 'new', 'list', 'status', 'areas', 'evaluation', 'delete'),
    focusAreas: pick('drugs', 'drugs,recruitment', 'finnes-ikke', ''),
    responsible: pick('school', 'outreach,police', 'nobody', ''),
    ownerBodyId: pick(...known.bodyIds, 'b0000000000000000'),
    boardMeetingId: pick(...known.meetingIds, 'm0000000000000000-1', ''),
    versions: pick('{}', '{"drugs":1}', 'not json', '{"drugs":-1}'),
    start: dateish,
    end: dateish,
    taskId: pick('t0000abcd', 'tffffffff'),
    items: fc.array(
      fc.record(
        {
          itemId: pick('police', 'eventuelt'),
          decision: text,
          tasks: fc.array(fc.record({ title: text, responsible: anything, due: dateish }), { maxLength: 3 }),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 3 },
    ),
  };
  // Numbers as cards send them (strings) and as scripts might; in range more often than not.
  const numbers: Record<string, fc.Arbitrary<unknown>> = {
    cadenceWeeks: pick<unknown>('6', 4, '', '26'),
    weekday: pick<unknown>('2', 5, ''),
    durationMinutes: pick<unknown>('90', 120, '', '15'),
    count: pick<unknown>('1', 3, ''),
    page: pick<unknown>('1', 2),
    version: pick<unknown>('1', '2', 3, ''),
    year: pick<unknown>('2026', '2027', 2025, ''),
    seen: pick<unknown>('1', 2),
  };
  const number = numbers[field];
  if (number) return fc.oneof({ weight: 2, arbitrary: number }, { weight: 1, arbitrary: numberish });
  return plausible[field] ?? fc.oneof({ weight: 2, arbitrary: prose }, { weight: 1, arbitrary: text });
}

/** An action's data: its own fields (any of them missing), a few unknown ones, sometimes not an object at all. */
function dataFor(verb: Verb, known: Known): fc.Arbitrary<unknown> {
  const fields = [...new Set([...fieldsOf(ACTIONS[verb].schema), 'formId', 'note', 'decision__police', 'task__police', 'text__drugs'])];
  // Either every field plausible (so handlers get past validation and store), or any field anything or missing.
  const likely = fc.record(Object.fromEntries(fields.map((f) => [f, valueFor(f, known)])));
  const mixed = fc.record(
    Object.fromEntries(fields.map((f) => [f, fc.oneof({ weight: 3, arbitrary: valueFor(f, known) }, { weight: 2, arbitrary: anything })])),
    { requiredKeys: [] },
  );
  const record = fc.oneof(likely, mixed);
  const extra = fc.dictionary(fc.string({ maxLength: 12 }), anything, { maxKeys: 2 });
  const object = fc.tuple(record, extra, fc.boolean()).map(([r, e, proto]) => {
    const o: Record<string, unknown> = { ...e, ...r };
    // An own "__proto__" key, as JSON.parse makes it: must not reach any prototype.
    if (proto) Object.defineProperty(o, '__proto__', { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
    return o;
  });
  return fc.oneof({ weight: 12, arbitrary: object }, { weight: 1, arbitrary: anything });
}

interface Reply {
  status: number;
  body: unknown;
}

/** The bot's answer to one invoke is acceptable: 4xx for a malformed invoke, else 200 with a valid card or a message. */
function checkReply(verb: string, res: Reply): void {
  if (res.status >= 400 && res.status < 500) return;
  const where = `${verb}: HTTP ${res.status} ${String(JSON.stringify(res.body)).slice(0, 300)}`;
  if (res.status !== 200) throw new Error(`not 200: ${where}`);
  const body = res.body as { type?: string; value?: unknown };
  if (body?.type === 'application/vnd.microsoft.activity.message') {
    if (typeof body.value !== 'string' || !body.value) throw new Error(`empty message: ${where}`);
    if (APOLOGY.test(body.value)) throw new Error(`unexpected failure: ${where}`);
    return;
  }
  if (body?.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`neither card nor message: ${where}`);
  const problems = validateCard(body.value);
  if (problems.length > 0) throw new Error(`invalid card (${problems.join('; ')}): ${where}`);
  if (cardTexts(body.value).some((t) => APOLOGY.test(t))) throw new Error(`unexpected failure in a card: ${where}`);
}

describe('fuzzing every card action through /api/messages', () => {
  let h: Harness;
  const known: Known = { bodyIds: [], meetingIds: [], escalationIds: [], measureIds: [] };
  const invoke = (verb: string, data: unknown, from: Person, channel: (typeof PLACES)[number], locale = 'nb-NO') => {
    const activity = cardAction(verb, {}, { serviceUrl: h.connector.url, from, channel, locale, replyToId: 'kort-1' });
    return h.send({ ...activity, value: { ...activity.value, action: { ...activity.value.action, data } } });
  };

  beforeAll(async () => {
    h = await startHarness({ env: { SLT_ADMINS: COORDINATOR.aadObjectId } });
    const s = h.app.services;
    const at = '2026-11-02T09:00:00.000Z';
    const register = async (channel: { id: string; name: string }, kind: BodyKind) => {
      const ref = {
        serviceUrl: h.connector.url,
        conversationId: channel.id,
        tenantId: TENANT,
        botId: BOT.id,
        botName: BOT.name,
        teamId: TEAM_ID,
        channelId: channel.id,
      };
      const r = await s.bodies.upsert({
        tenantId: TENANT,
        kind,
        name: channel.name,
        cadenceWeeks: 6,
        durationMinutes: 90,
        channelId: channel.id,
        channelName: channel.name,
        channelType: 'private',
        ref,
        registeredBy: COORDINATOR.aadObjectId,
        at,
      });
      if (!r.ok) throw new Error('setup: registration refused');
      return r.body.id;
    };
    known.bodyIds.push(
      await register(CHANNELS.vest, 'youthTeam'),
      await register(CHANNELS.koord, 'coordinationGroup'),
      await register(CHANNELS.styret, 'board'),
    );
    await s.roles.set(TENANT, COORDINATOR.aadObjectId, 'coordinator', true, 'setup', at, COORDINATOR.name);
    const roster = [MEMBER, COORDINATOR].map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name }));
    for (const id of [CHANNELS.vest.id, CHANNELS.koord.id, CHANNELS.styret.id, TEAM_ID]) h.connector.rosters.set(id, roster);
    // A meeting, a trend and a matter, made the way users make them.
    checkReply('setup', await invoke('meeting.schedule', { date: '2026-11-17', time: '09:00', repeat: 'cadence', count: '3' }, COORDINATOR, CHANNELS.vest));
    checkReply(
      'setup',
      await invoke(
        'trend.submit',
        { focusArea: 'drugs', direction: 'new', description: 'Mer hasj på skolen.', service: 'school', formId: 'f1' },
        MEMBER,
        CHANNELS.vest,
      ),
    );
    checkReply(
      'setup',
      await invoke('escalation.submit', { title: 'Uro i sentrum', description: 'Flere grupper samles sent.', formId: 'f2' }, MEMBER, CHANNELS.vest),
    );
    known.meetingIds.push(...(await s.meetings.upcomingForBody(TENANT, known.bodyIds[0]!, new Date(at))).map((m) => m.id));
    known.escalationIds.push(...(await s.escalations.listAt(bodyScope(TENANT, known.bodyIds[0]!), known.bodyIds[0]!, false)).map((c) => c.escalation.id));
    // An agenda with an added item, so the agendas table has a row for the checks from the start.
    checkReply(
      'setup',
      await invoke('agenda.addItem', { meetingId: known.meetingIds[0], bodyId: known.bodyIds[0], title: 'Sommerjobber for unge' }, COORDINATOR, CHANNELS.vest),
    );
    // A measure in the register, so the measure verbs reach their storing paths.
    checkReply(
      'setup',
      await invoke(
        'measure.save',
        { title: 'Sommerjobb for unge', focusAreas: 'drugs', level: 'group', responsible: 'outreach', formId: 'f3' },
        COORDINATOR,
        null,
      ),
    );
    known.measureIds.push(...(await s.measures.list(systemScope(TENANT, known.bodyIds))).map((m) => m.id));
    expect(known.meetingIds.length).toBeGreaterThan(0);
    expect(known.escalationIds.length).toBeGreaterThan(0);
    expect(known.measureIds.length).toBeGreaterThan(0);
  }, 60_000);
  afterAll(async () => h?.stop());

  /** Every stored row of the checked tables that breaks the domain's rules (and how many rows each table has). */
  async function badRows(): Promise<{ problems: string[]; counts: Record<string, number> }> {
    const problems: string[] = [];
    const counts: Record<string, number> = {};
    for (const table of Object.keys(ROW_CHECKS) as (keyof typeof ROW_CHECKS)[]) {
      for await (const row of h.app.services.store.table(table).listEntities()) {
        counts[table] = (counts[table] ?? 0) + 1;
        const p = rowProblems(table, row as Record<string, unknown>);
        if (p) problems.push(p);
      }
    }
    return { problems, counts };
  }

  for (const verb of Object.keys(ACTIONS) as Verb[]) {
    it(`${verb}: answers any data with a card or a message, never a 500`, async () => {
      await fc.assert(
        fc.asyncProperty(
          dataFor(verb, known),
          fc.constantFrom(COORDINATOR, MEMBER),
          fc.constantFrom(...PLACES),
          fc.constantFrom('nb-NO', 'en-US'),
          async (data, from, place, locale) => {
            checkReply(verb, await invoke(verb, data, from, place, locale));
          },
        ),
        FC_OPTIONS,
      );
      // Checked after each verb, so a bad row is blamed on the verb that stored it.
      expect((await badRows()).problems.slice(0, 5), `${verb} stored invalid rows; ${REPLAY}`).toEqual([]);
    }, 60_000);
  }

  it('answers a malformed invoke (no action, odd verb or type) with a 4xx or a message, never a 500', async () => {
    const envelope = fc.oneof(
      anything,
      fc.record({ action: anything }),
      fc.record({ action: fc.record({ type: fc.constantFrom('Action.Execute', 'Action.Submit', ''), verb: anything, data: anything }, { requiredKeys: [] }) }),
    );
    await fc.assert(
      fc.asyncProperty(envelope, async (value) => {
        const activity = cardAction('x', {}, { serviceUrl: h.connector.url, from: MEMBER, channel: CHANNELS.vest });
        checkReply('envelope', await h.send({ ...activity, value }));
      }),
      FC_OPTIONS,
    );
  });

  it("stores no row that breaks the domain's rules in any checked table (trends … agendas, settings, digests, measures)", async () => {
    const { problems, counts } = await badRows();
    expect(problems.slice(0, 10), REPLAY).toEqual([]);
    // The fuzzing got past validation into the storing paths (the setup stored one trend and one matter).
    expect((counts.trends ?? 0) + (counts.escalations ?? 0), REPLAY).toBeGreaterThan(2);
    expect(counts.agendas ?? 0, `${JSON.stringify(counts)}; ${REPLAY}`).toBeGreaterThan(0);
    expect(counts.measures ?? 0, `${JSON.stringify(counts)}; ${REPLAY}`).toBeGreaterThan(1);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('still answers after the fuzzing', async () => {
    h.connector.clear();
    await h.send(channelMessage('hjelp', { serviceUrl: h.connector.url, from: MEMBER, channel: CHANNELS.vest }));
    expect(h.connector.messages).toHaveLength(1);
  });
});
