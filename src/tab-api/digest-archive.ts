import type { ReportLinks } from '../app/annual-report';
import { monthOf, monthsBack } from '../domain/trends';
import type { DigestRepository } from '../storage/table/digests';
import type { ArchivedDigest, TabDigestSource } from './digests';

/** How far back the tab lists monthly digests. */
export const ARCHIVE_MONTHS = 24;

/**
 * The tab's Digests section over the digest feature: the latest sending of each of the last 24
 * months (one small key-range read per month), the content of one of them to read in the tab,
 * and the annual report draft made on request by the same code as «årsrapport».
 */
export function digestArchiveOver(
  digests: Pick<DigestRepository, 'latest'>,
  now: () => Date,
  annualReport: (tenantId: string, year: number, requestedBy: string) => Promise<ReportLinks>,
): TabDigestSource {
  return {
    async list(tenantId) {
      const months = monthsBack(monthOf(now()), ARCHIVE_MONTHS);
      const sends = await Promise.all(months.map((m) => digests.latest(tenantId, m)));
      return sends.flatMap((s): ArchivedDigest[] => (s ? [{ month: s.month, title: titleOf(s.month, s.sendNo), createdAt: s.sentAt }] : []));
    },
    async read(tenantId, month) {
      const s = await digests.latest(tenantId, month);
      return s && { month: s.month, content: s.content, sentAt: s.sentAt, sentBy: s.sentBy, sentByName: s.sentByName };
    },
    annualReport,
  };
}

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

function titleOf(month: string, sendNo: number): string {
  const [y, m] = month.split('-');
  return `Månedsrapport for ${MONTHS[Number(m) - 1] ?? m} ${y}${sendNo > 1 ? ` (sendt ${sendNo} ganger)` : ''}`;
}
