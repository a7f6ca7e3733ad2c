import { buildAnnualReport, monthsOfYear } from '../domain/annual-report';
import { countTrends, monthStartUtc } from '../domain/digest';
import { focusAreaLabel } from '../domain/focus-areas';
import { registerLinks, withoutIds } from '../domain/measures/follow-up';
import { systemScope } from '../domain/visibility';
import { annualReportDoc } from '../views/annual-report';
import { toHtml, toMarkdown } from '../views/document';
import { policeChapterSection } from '../views/police-report';
import { measureReportParts } from './measure-report';
import { annualPoliceChapter } from './police-stats';
import type { Services } from './services';

/** How long the download links of a report work. */
export const FILE_TTL_HOURS = 24;

export interface ReportLinks {
  readonly html: string;
  readonly markdown: string;
}

/**
 * Makes the annual report draft of a calendar year for a coordinator: the year's trend
 * partitions, the matters touched in the year and the tasks of the minutes up to the year's end
 * are streamed (never a whole table), the
 * document is written as HTML and Markdown in the network's language, and both are stored as
 * downloads behind fresh unguessable tokens that expire after FILE_TTL_HOURS.
 */
export async function annualReportLinks(services: Services, tenantId: string, year: number, requestedBy: string, now: Date): Promise<ReportLinks> {
  const locale = services.config.defaultLocale;
  const bodies = await services.bodies.list(tenantId);
  const scope = systemScope(
    tenantId,
    bodies.map((b) => b.id),
  );
  const months = monthsOfYear(year);
  const [areas, counts, meetingLists, register, police] = await Promise.all([
    services.focusAreas.forYear(tenantId, year),
    countTrends(services.digestSources.trendFacts(scope, months), months),
    Promise.all(bodies.map(async (b) => [b.id, await services.meetings.listForBody(tenantId, b.id)] as const)),
    services.measures.list(scope),
    annualPoliceChapter(services, tenantId, year),
  ]);
  // Matters and minutes tasks that became register measures are reported there, with their status.
  const links = registerLinks(register);
  const report = await buildAnnualReport({
    year,
    now,
    suppressBelow: services.config.suppressBelow,
    bodies,
    areas: areas.map((a) => ({ id: a.id, label: focusAreaLabel(a, locale) })),
    counts,
    matters: services.digestSources.escalationFacts(scope, { touchedSince: monthStartUtc(`${year}-01`), createdBefore: monthStartUtc(`${year + 1}-01`) }),
    tasks: withoutIds(services.digestSources.taskFacts(scope, { meetingBefore: monthStartUtc(`${year + 1}-01`) }), links.taskIds),
    registered: links.escalationIds,
    meetingsOf: new Map(meetingLists),
  });
  const measures = await measureReportParts(services, { tenantId, year, now, locale, scope, register, report });
  const doc = annualReportDoc(report, locale, { measures, police: policeChapterSection(locale, year, police, services.config.suppressBelow) });
  const expires = new Date(now.getTime() + FILE_TTL_HOURS * 3_600_000);
  const base = `slt-arsrapport-${year}-utkast`;
  const put = (fileName: string, contentType: string, body: string) =>
    services.files.put({ tenantId, createdBy: requestedBy, fileName, contentType, body }, now, expires);
  const [html, markdown] = await Promise.all([
    put(`${base}.html`, 'text/html; charset=utf-8', toHtml(doc)),
    put(`${base}.md`, 'text/markdown; charset=utf-8', toMarkdown(doc)),
  ]);
  return { html: `${services.config.publicUrl}/files/${html}`, markdown: `${services.config.publicUrl}/files/${markdown}` };
}

/** The file behind a download token, for `GET /files/<token>`; undefined when unknown or expired. */
export function fileLookup(
  services: Pick<Services, 'files' | 'clock'>,
): (token: string) => Promise<{ fileName: string; contentType: string; body: string } | undefined> {
  return (token) => services.files.get(token, services.clock.now());
}
