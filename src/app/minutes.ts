import type { Body } from '../domain/bodies';
import { formatMeetingTime, osloToday } from '../domain/calendar';
import type { Meeting } from '../domain/meetings';
import { applyMinutes, type Minutes, markTaskDone } from '../domain/minutes';
import type { CardJson, FieldError } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { AGENDA_TEXTS } from '../i18n/agenda';
import { meetingTexts } from '../i18n/meetings';
import type { MinutesRecord } from '../storage/table/agendas';
import { itemTitle } from '../views/agenda-items';
import { type MinutesFormItem, minutesCard, minutesFormCard } from '../views/minutes';
import { agendaChanged, agendaLabel, loadAgenda } from './agenda';
import { syncLivingCard } from './living-card';
import { parseMinutesInput } from './minutes-input';
import type { Services } from './services';

/**
 * Minutes after a meeting: the coordinator's form (sent 1:1 by the minutes-prompt job, and
 * returned after each save), recording (guarded free text, ETag-guarded write, a repeat writes
 * nothing), the minutes card in the body's channel — posted at the first save and updated in
 * place after — and marking a task done, which also takes it off the next agenda.
 */

/** The agenda items of a meeting as the minutes list them (as the agenda stood when it began). */
export async function minutesItems(services: Services, body: Body, meeting: Meeting, now: Date, locale: Locale): Promise<MinutesFormItem[]> {
  const asOf = new Date(Math.max(now.getTime(), Date.parse(meeting.startUtc)));
  const { agenda } = await loadAgenda(services, body, meeting, asOf);
  return agenda.items.map((i) => ({ itemId: i.id, number: i.number, title: itemTitle(locale, i) }));
}

/** The coordinator's minutes form for a meeting. */
export async function minutesFormFor(
  services: Services,
  body: Body,
  meeting: Meeting,
  now: Date,
  locale: Locale,
  extra: { values?: Readonly<Record<string, unknown>>; errors?: readonly FieldError[]; notice?: string; noticeColor?: 'Good' | 'Attention' } = {},
): Promise<CardJson> {
  const [items, stored] = await Promise.all([
    minutesItems(services, body, meeting, now, locale),
    services.agendas.getMinutes(body.tenantId, body.id, meeting.id),
  ]);
  const jobs = pick(locale, meetingTexts).jobs;
  const intro = format(now.getTime() < Date.parse(meeting.endUtc) ? jobs.minutesDuring : jobs.minutes, {
    body: body.name,
    when: formatMeetingTime(meeting.startUtc, locale),
  });
  return minutesFormCard(locale, { body, meeting, intro, items, minutes: stored?.minutes, ...extra });
}

/** Posts the minutes card in the body's channel, or updates it in place. */
export async function syncMinutesCard(services: Services, body: Body, meeting: Meeting, record: MinutesRecord, now: Date): Promise<void> {
  const outcome = await syncLivingCard(services.outbox, {
    tenantId: body.tenantId,
    target: body.ref,
    keyBase: `minutes:${meeting.id}`,
    card: minutesCard(services.config.defaultLocale, body, meeting, record.minutes),
    record,
    sink: services.agendas.minutesSink(body.tenantId, body.id, meeting.id),
    label: agendaLabel('referat', body, meeting),
    mayPost: true,
    note: (hash) => services.agendas.noteMinutesPosted(body.tenantId, body.id, meeting.id, hash, now.toISOString()),
  });
  // The first post has not come back with its id yet: the next save or task change updates it.
  if (outcome === 'pending') services.log.info({ meetingId: meeting.id }, 'minutes card not yet posted; update left for the next change');
}

/** Records a submission. Returns the form to show next. */
export async function recordMinutes(
  services: Services,
  req: {
    readonly actor: { readonly id: string };
    readonly locale: Locale;
    readonly now: Date;
    readonly correlationId: string;
    readonly data: Readonly<Record<string, unknown>>;
  },
  body: Body,
  meeting: Meeting,
): Promise<CardJson> {
  const { locale, now } = req;
  const t = pick(locale, AGENDA_TEXTS).minutes;
  // Titles are stored in the network's language: the minutes are read in the channel.
  const items = await minutesItems(services, body, meeting, now, services.config.defaultLocale);
  const parsed = parseMinutesInput(
    req.data,
    items.map((i) => i.itemId),
    locale,
    osloToday(meeting.startUtc),
  );
  if (parsed.errors.length > 0) {
    services.log.info({ cid: req.correlationId, fields: parsed.errors.map((e) => e.field.split('__')[0]) }, 'minutes refused');
    // Errors about the submission as a whole (too many items, an item not on the agenda) have no field to stand at.
    const general = [...new Set(parsed.errors.filter((e) => e.field === 'items').map((e) => e.message))];
    const notice = general.length > 0 ? general.join(' ') : t.errorSummary;
    return minutesFormFor(services, body, meeting, now, locale, { values: req.data, errors: parsed.errors, notice, noticeColor: 'Attention' });
  }
  const base = { tenantId: body.tenantId, bodyId: body.id, meetingId: meeting.id, meetingStartUtc: meeting.startUtc };
  let changed = false;
  let empty = false;
  const written = await services.agendas.changeMinutes(body.tenantId, body.id, meeting.id, (current: Minutes | undefined) => {
    // Minutes with no decision and no task would post an empty card in the channel: a slip, not minutes.
    empty = !current && !parsed.entries.some((e) => e.decision || e.tasks.length > 0);
    if (empty) return undefined;
    const applied = applyMinutes(current, base, items, parsed.entries, req.actor.id, now.toISOString());
    changed = applied.changed;
    return applied.changed ? applied.next : undefined;
  });
  if (empty) {
    services.log.info({ cid: req.correlationId, meetingId: meeting.id }, 'minutes refused: empty');
    return minutesFormFor(services, body, meeting, now, locale, { values: req.data, notice: t.empty, noticeColor: 'Attention' });
  }
  if (written.record) await syncMinutesCard(services, body, meeting, written.record, now);
  if (changed) await agendaChanged(services, body.tenantId, [body.id], now);
  services.log.info({ cid: req.correlationId, meetingId: meeting.id, changed, version: written.record?.minutes.version }, 'minutes recorded');
  return minutesFormFor(services, body, meeting, now, locale, { notice: changed ? t.saved : t.unchanged });
}

/**
 * Marks a task of any earlier minutes of the body done. The minutes card shows it done, and the
 * task leaves the next agenda. Returns 'done', 'already' or 'notFound'.
 */
export async function completeTask(services: Services, body: Body, taskId: string, actorId: string, now: Date): Promise<'done' | 'already' | 'notFound'> {
  const all = await services.agendas.listMinutes(body.tenantId, body.id);
  const owner = all.find((m) => m.tasks.some((t) => t.id === taskId));
  if (!owner) return 'notFound';
  let outcome = 'notFound' as 'done' | 'already' | 'notFound';
  const written = await services.agendas.changeMinutes(body.tenantId, body.id, owner.meetingId, (current) => {
    if (!current) return undefined;
    const r = markTaskDone(current, taskId, actorId, now.toISOString());
    outcome = !r.found ? 'notFound' : r.changed ? 'done' : 'already';
    return r.changed ? r.next : undefined;
  });
  const meeting = await services.meetings.get(body.tenantId, body.id, owner.meetingId);
  if (written.record && meeting) await syncMinutesCard(services, body, meeting, written.record, now);
  if (outcome === 'done') await agendaChanged(services, body.tenantId, [body.id], now);
  return outcome;
}
