import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasureState } from '../../src/domain/measures/model';
import { planCreate } from '../../src/domain/measures/rules';
import { systemScope } from '../../src/domain/visibility';
import { MeasureRepository } from '../../src/storage/table/measures';
import type {
  ErrorResponse,
  FocusStatusStaleResponse,
  FocusStatusWriteResponse,
  MeasureStaleResponse,
  MeasuresResponse,
  MeasureWriteResponse,
} from '../../src/tab-api/contract';
import { TENANT } from '../support/activities';
import { ROLES, type SeededYear, seedYear } from '../support/tab-fixture';
import { type ProductionTab, startProductionTab } from '../support/tab-sso';

/**
 * The tab's writes to the measures register (issue 17: «… og i fanen»), in production mode with
 * SSO tokens, against Azurite: `POST /api/tab/measure-save`, `measure-status` and `focus-status`
 * hold a coordinator to the rules of the card verbs — the same Norwegian message per field, the
 * guard after the length check, the version guard with the stored values returned, one effect
 * for a double submit, every change in the measure's log — and refuse everyone else.
 */
const OTHER_TENANT = '0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a';

type Answer<T> = { status: number; body: T };

describe('tab API: registering and changing measures', () => {
  let tab: ProductionTab;
  let seeded: SeededYear;
  let amina: Record<string, string>;
  let kari: Record<string, string>;

  const call = async <T>(method: string, route: string, headers: Record<string, string>, body?: unknown): Promise<Answer<T>> => {
    const res = await fetch(`${tab.h.baseUrl}/api/tab/${route}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  const post = <T = ErrorResponse>(route: string, headers: Record<string, string>, body?: unknown) => call<T>('POST', route, headers, body);
  const history = (id: string) => tab.h.app.services.measures.history(TENANT, id);

  beforeAll(async () => {
    tab = await startProductionTab();
    seeded = await seedYear(tab.h.app.services, tab.h.connector);
    amina = { authorization: `Bearer ${await tab.token(ROLES.coordinator)}` };
    kari = { authorization: `Bearer ${await tab.token(ROLES.vestMember)}` };
  }, 60_000);
  afterAll(async () => tab?.stop());

  const newMeasure = {
    formId: 'form-1',
    title: 'Natteravner ved kjøpesenteret',
    description: 'Voksne i gangene fredag og lørdag kveld.',
    focusAreas: ['public-space', 'youth-networks'],
    level: 'area',
    responsible: ['outreach', 'volunteer'],
    plan: 'Handlingsplan mot ungdomskriminalitet, tiltak 4',
    start: '2026-09-01',
    end: '2026-12-15',
    status: 'ongoing',
  };
  let id = '';

  it('refuses without a token, refuses a member, and answers GET with 405', async () => {
    for (const route of ['measure-save', 'measure-status', 'focus-status']) {
      expect((await post(route, {}, {})).status, route).toBe(401);
      const member = await post(route, kari, { year: 2026 });
      expect(member, route).toMatchObject({ status: 403, body: { error: 'forbidden', message: 'Dette kan bare SLT-koordinatorene gjøre.' } });
      expect((await call('GET', route, amina)).status, route).toBe(405);
    }
    // A member reads the register without forms.
    const read = await call<MeasuresResponse>('GET', 'measures?year=2026', kari);
    expect(read.status).toBe(200);
    expect(read.body.form).toBeUndefined();
    expect(read.body.areas.every((a) => a.edit === undefined)).toBe(true);
    expect(await history(MeasureRepository.idFor(TENANT, 'manual', `${ROLES.vestMember.aadObjectId}|form-1`))).toEqual([]);
  });

  it('takes JSON only, and a JSON object', async () => {
    const form = await fetch(`${tab.h.baseUrl}/api/tab/measure-save`, {
      method: 'POST',
      headers: { ...amina, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'title=Natteravner',
    });
    expect(form.status).toBe(415);
    expect(await post('measure-save', amina, ['title'])).toMatchObject({ status: 400, body: { error: 'invalid', fields: { body: 'Send et JSON-objekt.' } } });
  });

  it('gives the card verb’s Norwegian message per field, the length before the guard, and keeps nothing', async () => {
    const bad = await post('measure-save', amina, { ...newMeasure, start: '2026-02-30', level: 'national', responsible: ['police', 'mayor'] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('Noe må rettes før tiltaket kan lagres – se feltene under.');
    expect(bad.body.fields).toEqual({ start: 'Ugyldig verdi.', level: 'Velg en av de oppgitte verdiene.', responsible: 'Ugyldig verdi.' });
    const untitled = await post('measure-save', amina, { ...newMeasure, title: '  ' });
    expect(untitled).toMatchObject({ status: 400, body: { fields: { title: 'Skriv et kort navn på tiltaket.' } } });
    // Too long: said as such, not screened (the identity number in it is not what is reported).
    const long = await post('measure-save', amina, { ...newMeasure, title: `Tiltak for 01010012356 ${'x'.repeat(190)}` });
    expect(long).toMatchObject({ status: 400, body: { fields: { title: 'Kan ha høyst 200 tegn (nå 213).' } } });
    // Within the limit, the guard reads it and names what identifies a person.
    const named = await post('measure-save', amina, { ...newMeasure, description: 'Ring Kari på 912 34 567 før fredag.' });
    expect(named.status).toBe(400);
    expect(named.body.fields?.description).toContain('telefonnummer');
    const order = await post('measure-save', amina, { ...newMeasure, start: '2026-12-01', end: '2026-11-01' });
    expect(order).toMatchObject({ status: 400, body: { fields: { end: 'Slutt eller frist må være samme dag som starten eller senere.' } } });
    const area = await post('measure-save', amina, { ...newMeasure, focusAreas: ['astrology'] });
    expect(area).toMatchObject({ status: 400, body: { fields: { focusAreas: 'Velg innsatsområder fra listen for 2026.' } } });
    const network = systemScope(
      TENANT,
      Object.values(seeded.bodies).map((b) => b.id),
    );
    expect(await tab.h.app.services.measures.list(network)).toEqual([]);
  });

  it('registers a measure once, however often the same form is sent, logged with who did it', async () => {
    const first = await post<MeasureWriteResponse>('measure-save', amina, newMeasure);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      outcome: 'created',
      message: 'Tiltaket er registrert.',
      measure: {
        title: 'Natteravner ved kjøpesenteret',
        focusAreas: ['Kriminalitet i det offentlige rom', 'Kriminelle ungdomsnettverk'],
        ownerBodyName: 'Koordineringsgruppen',
        standing: 'ongoing',
        statusText: 'Pågår',
        edit: { version: 1, state: 'ongoing' },
      },
    });
    id = first.body.measure.id;
    const again = await post<MeasureWriteResponse>('measure-save', amina, newMeasure);
    expect(again).toMatchObject({ status: 200, body: { outcome: 'already', message: 'Tiltaket var allerede registrert.', measure: { id } } });
    expect(await history(id)).toEqual([expect.objectContaining({ seq: 1, verb: 'create', toState: 'ongoing', actorName: ROLES.coordinator.name })]);
    // In the register, with the values the edit form starts from.
    const read = await call<MeasuresResponse>('GET', 'measures?year=2026', amina);
    const item = read.body.levels.flatMap((l) => l.items).find((m) => m.id === id);
    expect(item?.edit?.values).toMatchObject({
      title: newMeasure.title,
      focusAreas: newMeasure.focusAreas,
      responsible: newMeasure.responsible,
      end: '2026-12-15',
    });
    expect(read.body.form?.states.map((s) => s.label)).toEqual(['Planlagt', 'Pågår', 'Fullført', 'Avsluttet']);
    expect(read.body.form?.defaultOwner).toBe(seeded.bodies.koord.id);
  });

  it('changes a measure against its version; the same change twice is one change', async () => {
    const change = {
      ...newMeasure,
      measureId: id,
      version: 1,
      formId: undefined,
      status: undefined,
      end: '2027-01-31',
      evaluationMethod: 'Telling av henvendelser',
    };
    const saved = await post<MeasureWriteResponse>('measure-save', amina, change);
    expect(saved).toMatchObject({ status: 200, body: { outcome: 'saved', message: 'Endringene er lagret.', measure: { edit: { version: 2 } } } });
    const twice = await post<MeasureWriteResponse>('measure-save', amina, change);
    expect(twice).toMatchObject({ status: 200, body: { measure: { edit: { version: 2 } } } });
    const log = await history(id);
    expect(log).toHaveLength(2);
    expect(log[1]).toMatchObject({ verb: 'update', fields: ['end', 'evaluationMethod'], actorName: ROLES.coordinator.name });
  });

  it('refuses a save from a stale version with the stored values and the fields changed meanwhile, storing nothing', async () => {
    const stale = await post<MeasureStaleResponse>('measure-save', amina, {
      ...newMeasure,
      formId: undefined,
      measureId: id,
      version: 1,
      title: 'Natteravner i sentrum',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('stale');
    expect(stale.body.message).toBe(
      `Tiltaket ble endret av ${ROLES.coordinator.name} 2. november 2026 mens du skrev (frist, evalueringsmetode). Det du skrev er ikke lagret, men står i skjemaet: se over og trykk «Lagre» igjen for å erstatte det som er lagret.`,
    );
    expect(stale.body.changed).toEqual(['end', 'evaluationMethod']);
    expect(stale.body.current.edit).toMatchObject({ version: 2, values: { title: 'Natteravner ved kjøpesenteret', end: '2027-01-31' } });
    expect(await history(id)).toHaveLength(2);
    // Sent again against the version it was shown: replaces what is stored, knowingly.
    const replaced = await post<MeasureWriteResponse>('measure-save', amina, {
      ...newMeasure,
      formId: undefined,
      measureId: id,
      version: 2,
      title: 'Natteravner i sentrum',
    });
    expect(replaced).toMatchObject({ status: 200, body: { outcome: 'saved', measure: { title: 'Natteravner i sentrum', edit: { version: 3 } } } });
  });

  it('sets the status against the version shown: «Fullført» once, a stale one refused with the status as it is', async () => {
    const done = await post<MeasureWriteResponse>('measure-status', amina, { measureId: id, status: 'completed', version: 3 });
    expect(done).toMatchObject({
      status: 200,
      body: {
        outcome: 'set',
        message: 'Status er satt til «Fullført».',
        measure: { standing: 'completed', statusText: 'Fullført 2. november 2026', edit: { version: 4 } },
      },
    });
    expect((await post('measure-status', amina, { measureId: id, status: 'completed', version: 3 })).status).toBe(200);
    const stale = await post<MeasureStaleResponse>('measure-status', amina, { measureId: id, status: 'ended', version: 3 });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toBe(
      `Tiltaket ble endret av ${ROLES.coordinator.name} 2. november 2026 etter at du åpnet det. Statusen er ikke endret. Nå er den «Fullført»; velg på nytt hvis endringen fortsatt trengs.`,
    );
    expect(stale.body.current).toMatchObject({ standing: 'completed', edit: { state: 'completed', version: 4 } });
    const log = await history(id);
    expect(log.map((e) => e.verb)).toEqual(['create', 'update', 'update', 'status']);
    expect(log[3]).toMatchObject({ fromState: 'ongoing', toState: 'completed', actorName: ROLES.coordinator.name });
    const bad = await post('measure-status', amina, { measureId: id, status: 'done', version: 4 });
    expect(bad).toMatchObject({ status: 400, body: { fields: { status: 'Velg en av de oppgitte verdiene.' } } });
  });

  it("never finds another network's measure, for a save or a status", async () => {
    const otherId = MeasureRepository.idFor(OTHER_TENANT, 'manual', 'other');
    const planned = planCreate(
      {
        tenantId: OTHER_TENANT,
        id: otherId,
        fields: { title: 'Et annet nettverks tiltak', description: '', focusAreas: [], responsible: [], ownerBodyId: 'b0000000000000000' },
        state: 'planned' as MeasureState,
        source: { kind: 'manual' },
      },
      { id: 'someone', name: 'Noen' },
      '2026-10-01T08:00:00.000Z',
      'other',
    );
    if (!planned.ok) throw new Error('fixture');
    await tab.h.app.services.measures.create(planned.measure, planned.log);
    const notFound = 'Fant ikke tiltaket. Det kan høre til et annet nettverk, eller et organ du ikke er med i.';
    expect(await post('measure-status', amina, { measureId: otherId, status: 'completed', version: 1 })).toMatchObject({
      status: 404,
      body: { error: 'notFound', message: notFound },
    });
    expect(await post('measure-save', amina, { measureId: otherId, version: 1, title: 'Kapret' })).toMatchObject({ status: 404, body: { message: notFound } });
    expect(await tab.h.app.services.measures.history(OTHER_TENANT, otherId)).toHaveLength(1);
  });

  it('writes the status text of a focus area against its version: screened, once, a stale one refused with the stored text', async () => {
    const text = 'Natteravnene er i gang, og uroen ved kjøpesenteret har avtatt.';
    const saved = await post<FocusStatusWriteResponse>('focus-status', amina, { year: 2026, focusAreaId: 'public-space', text, version: 0 });
    expect(saved).toMatchObject({ status: 200, body: { outcome: 'saved', message: 'Statusteksten er lagret.', version: 1 } });
    const twice = await post<FocusStatusWriteResponse>('focus-status', amina, { year: 2026, focusAreaId: 'public-space', text, version: 0 });
    expect(twice).toMatchObject({ status: 200, body: { outcome: 'unchanged', version: 1 } });
    const stale = await post<FocusStatusStaleResponse>('focus-status', amina, {
      year: 2026,
      focusAreaId: 'public-space',
      text: 'Et annet forslag.',
      version: 0,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.version).toBe(1);
    expect(stale.body.fields?.text).toBe(
      `Teksten ble endret av ${ROLES.coordinator.name} 2. november 2026 mens du skrev. Nå står det: «${text}». Ditt forslag står i feltet; lagre igjen for å erstatte teksten.`,
    );
    const named = await post('focus-status', amina, { year: 2026, focusAreaId: 'drugs', text: 'Kontakt ola@example.no om gruppen.', version: 0 });
    expect(named.status).toBe(400);
    expect(named.body.fields?.text).toContain('e-postadresse');
    const long = await post('focus-status', amina, { year: 2026, focusAreaId: 'drugs', text: `ola@example.no ${'x'.repeat(1500)}`, version: 0 });
    expect(long).toMatchObject({ status: 400, body: { fields: { text: 'Kan ha høyst 1500 tegn (nå 1515).' } } });
    const unknown = await post('focus-status', amina, { year: 2026, focusAreaId: 'astrology', text: 'Tekst.', version: 0 });
    expect(unknown).toMatchObject({ status: 400, body: { fields: { focusAreaId: 'Velg innsatsområder fra listen for 2026.' } } });
    const read = await call<MeasuresResponse>('GET', 'measures?year=2026', amina);
    expect(read.body.areas.find((a) => a.id === 'public-space')).toMatchObject({ text, edit: { text, version: 1 } });
    expect(read.body.areas.find((a) => a.id === 'drugs')?.edit).toEqual({ text: '', version: 0 });
    const member = await call<MeasuresResponse>('GET', 'measures?year=2026', kari);
    expect(member.body.areas.find((a) => a.id === 'public-space')).toMatchObject({ text });
  });
});
