import { randomUUID } from 'node:crypto';
import type { Body } from '../domain/bodies';
import { formatMeetingTime } from '../domain/calendar';
import { focusAreaLines, parseFocusAreaLines } from '../domain/focus-areas';
import { type Meeting, meetingDate } from '../domain/meetings';
import type { ActionOutcome, ActionRequest, CardJson, FieldError } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import { TREND_TEXTS } from '../i18n/trends';
import { focusAreasYearCard } from '../views/focus-area-cards';
import { screenFields } from './guard-fields';
import { type MeasureScene, measureScene, nameOf } from './measures';
import type { Services } from './services';

/**
 * Focus areas by year, set by the board (issue 17): `tiltak innsatsområder [ÅÅÅÅ]` shows the list
 * in force for a year with the board meetings that could have decided it, and `focusAreas.set`
 * with a `year` stores that year's list with the meeting (ETag-guarded, a repeat writes nothing).
 * Trend topics and measures keep the focus area of their year.
 */

/** The board and its meetings that may have decided a year's list: from the year before through the year, newest first. */
export async function boardMeetingsFor(services: Services, all: readonly Body[], year: number): Promise<{ board?: Body; meetings: Meeting[] }> {
  const board = all.find((b) => b.kind === 'board');
  if (!board) return { meetings: [] };
  const meetings = (await services.meetings.listForBody(board.tenantId, board.id))
    .filter((m) => m.status !== 'cancelled' && meetingDate(m) >= `${year - 1}-01-01` && meetingDate(m) <= `${year}-12-31`)
    .sort((a, b) => b.startUtc.localeCompare(a.startUtc))
    .slice(0, 16);
  return { board, meetings };
}

export async function focusAreasYearCardFor(
  services: Services,
  locale: Locale,
  scene: MeasureScene,
  year: number,
  extra: { values?: Readonly<Record<string, unknown>>; errors?: readonly FieldError[]; notice?: string; noticeColor?: 'Good' | 'Attention' } = {},
): Promise<CardJson> {
  const tenantId = scene.viewer.tenantId;
  const [areas, versions, board] = await Promise.all([
    services.focusAreas.forYear(tenantId, year),
    services.focusAreas.versions(tenantId),
    boardMeetingsFor(services, scene.viewer.all, year),
  ]);
  const own = versions.find((v) => v.year === year);
  const formId = typeof extra.values?.formId === 'string' && extra.values.formId ? extra.values.formId : randomUUID();
  return focusAreasYearCard(locale, {
    year,
    areasText: focusAreaLines(areas, locale),
    meetings: board.meetings.map((m) => ({ id: m.id, title: `${board.board?.name ?? ''} ${formatMeetingTime(m.startUtc, locale)}` })),
    versions,
    bodyName: nameOf(scene.viewer.all),
    decidedMeetingId: own?.decided?.meetingId,
    formId,
    ...extra,
  });
}

/** `focusAreas.set` with a `year`: the board's list for that year and the meeting that decided it. */
export async function setFocusAreasForYear(
  services: Services,
  req: ActionRequest<{ readonly areas: string; readonly year: number; readonly boardMeetingId?: string }>,
): Promise<ActionOutcome> {
  const { locale } = req;
  const t = pick(locale, MEASURE_TEXTS).areasYear;
  const tt = pick(locale, TREND_TEXTS);
  const scene = await measureScene(services, req);
  const tenantId = scene.viewer.tenantId;
  const { year } = req.data;
  const raw = req.data as unknown as Record<string, unknown>;
  const again = (errors: FieldError[]) =>
    focusAreasYearCardFor(services, locale, scene, year, {
      values: raw,
      errors,
      notice: pick(locale, MEASURE_TEXTS).notices.errorSummary,
      noticeColor: 'Attention',
    });
  const parsed = parseFocusAreaLines(req.data.areas, await services.focusAreas.forYear(tenantId, year));
  const errors: FieldError[] = [];
  if (!parsed.ok)
    errors.push({ field: 'areas', message: parsed.reason === 'empty' ? tt.areasEmpty : parsed.reason === 'tooMany' ? tt.areasTooMany : tt.areasTooLong });
  else errors.push(...screenFields({ areas: parsed.areas.map((a) => a.nb).join('\n') }, locale));
  const { board, meetings } = await boardMeetingsFor(services, scene.viewer.all, year);
  const meeting = meetings.find((m) => m.id === req.data.boardMeetingId);
  if (req.data.boardMeetingId && !meeting) errors.push({ field: 'boardMeetingId', message: t.unknownMeeting });
  else if (!meeting && meetings.length > 0) errors.push({ field: 'boardMeetingId', message: t.meetingRequired });
  if (errors.length > 0 || !parsed.ok) return { type: 'card', card: await again(errors) };
  const decided = meeting && board ? { meetingId: meeting.id, day: meetingDate(meeting), bodyId: board.id } : undefined;
  const changed = await services.focusAreas.setForYear(tenantId, year, parsed.areas, req.actor.id, req.now.toISOString(), decided);
  services.log.info({ cid: req.correlationId, year, count: parsed.areas.length, changed, decided: !!decided }, 'focus areas of a year set');
  return {
    type: 'card',
    card: await focusAreasYearCardFor(services, locale, scene, year, { notice: format(changed ? t.saved : t.unchanged, { year }) }),
  };
}
