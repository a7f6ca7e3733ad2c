import type { AnnualReport } from '../domain/annual-report';
import { monthsOfYear } from '../domain/annual-report';
import { dayOfInstant } from '../domain/digest';
import { coordinationItems, measuresByLevel, type TreatedMatter, youthTopicsByArea } from '../domain/measures/annual';
import type { Measure } from '../domain/measures/model';
import { type ReadScope, systemScope } from '../domain/visibility';
import type { Locale } from '../i18n';
import type { MeasuresReport } from '../views/measures-report';
import { focusStatusOf } from './focus-status';
import { areasOfYear } from './measures';
import type { Services } from './services';

/**
 * The annual report's parts from the measures register (issue 17): the focus-area status, the
 * year's measures by level, the youth teams' topics per focus area (short descriptions, streamed
 * from the year's trend partitions of the youth teams only) and the coordination group's items
 * from its minutes, merged with the matters that reached it. `scope` is every body of the network
 * (the report is the coordinators'); `register` the network's measures, read once by the caller.
 */
export async function measureReportParts(
  services: Services,
  input: { tenantId: string; year: number; now: Date; locale: Locale; scope: ReadScope; register: readonly Measure[]; report: AnnualReport },
): Promise<MeasuresReport> {
  const { tenantId, year, now, locale, report } = input;
  const bodies = await services.bodies.list(tenantId);
  const youth = bodies.filter((b) => b.kind === 'youthTeam');
  const coordination = bodies.find((b) => b.kind === 'coordinationGroup');
  const [status, areas, minutes] = await Promise.all([
    focusStatusOf(services, tenantId, input.scope, year, now, locale),
    areasOfYear(services, tenantId, year, locale),
    coordination ? services.agendas.listMinutes(tenantId, coordination.id) : Promise.resolve([]),
  ]);
  const topics = await youthTopicsByArea(
    services.yearTopics.topics(
      systemScope(
        tenantId,
        youth.map((b) => b.id),
      ),
      monthsOfYear(year),
      true,
    ),
    areas,
  );
  const matters: TreatedMatter[] = report.coordinationGroup.map((m) => ({
    id: m.id,
    title: m.title,
    originBodyId: m.originBodyId,
    state: m.state,
    raised: m.raised,
    decision: m.decision,
  }));
  return {
    year,
    status,
    byLevel: measuresByLevel(input.register, year, dayOfInstant(now.toISOString())),
    youth: topics,
    coordination: coordinationItems(minutes, year, matters),
  };
}
