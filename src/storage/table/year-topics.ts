import type { TableClient } from '@azure/data-tables';
import type { TopicFact } from '../../domain/measures/annual';
import type { Direction } from '../../domain/trends';
import type { ReadScope } from '../../domain/visibility';
import { odataString } from './keys';
import { trendPartition } from './trends';

/**
 * The trend topics of a year as the measures feature reads them (issue 17: the focus-area status
 * and the annual report's youth-team topics). A read-only stream over the `trends` table (design in
 * trends.ts): one query per (body in the scope, month) partition — never a scan — selecting the
 * categories, the direction and, only when asked for, the description (never area, age group,
 * service or reporter). Pages are yielded row by row; nothing is collected here.
 */
type TopicRow = { bodyId: string; focusAreaId: string; focusAreaLabel?: string; direction: Direction; description?: string; textErased?: boolean };
const PAGE = 1_000;

export class YearTopics {
  constructor(private readonly trends: TableClient) {}

  async *topics(scope: ReadScope, months: readonly string[], withText: boolean): AsyncGenerator<TopicFact> {
    const select = ['bodyId', 'focusAreaId', 'focusAreaLabel', 'direction', ...(withText ? ['description', 'textErased'] : [])];
    for (const bodyId of scope.bodyIds) {
      for (const month of months) {
        const filter = `PartitionKey eq ${odataString(trendPartition(scope.tenantId, bodyId, month))}`;
        for await (const page of this.trends.listEntities<TopicRow>({ queryOptions: { filter, select } }).byPage({ maxPageSize: PAGE })) {
          for (const r of page)
            yield {
              bodyId: r.bodyId,
              focusAreaId: r.focusAreaId,
              focusAreaLabel: r.focusAreaLabel ?? '',
              direction: r.direction,
              description: withText ? (r.description ?? '') : '',
              erased: !!r.textErased,
            };
        }
      }
    }
  }
}
