import type { DigestRepository } from '../storage/table/digests';
import { monthOf, monthsBack } from '../domain/trends';
import type { ArchivedDigest, TabDigestSource } from './digests';

/** How far back the tab lists monthly digests. */
export const ARCHIVE_MONTHS = 24;

/**
 * The tab's digest list over what the `digests` repository offers today: the latest sending of
 * each of the last 24 months (one small key-range read per month). The repository has no
 * web view of a digest and no annual report draft yet, so items carry no link and the draft
 * is absent; when the annual report download (`GET /files/<token>`) is wired in, it replaces
 * `annualReportDraft` here.
 */
export function digestArchiveOver(digests: Pick<DigestRepository, 'latest'>, now: () => Date): TabDigestSource {
  return {
    async list(tenantId) {
      const months = monthsBack(monthOf(now()), ARCHIVE_MONTHS);
      const sends = await Promise.all(months.map((m) => digests.latest(tenantId, m)));
      return sends.flatMap((s): ArchivedDigest[] => (s ? [{ month: s.month, title: titleOf(s.month, s.sendNo), createdAt: s.sentAt }] : []));
    },
    async annualReportDraft() {
      return undefined;
    },
  };
}

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

function titleOf(month: string, sendNo: number): string {
  const [y, m] = month.split('-');
  return `Månedsrapport for ${MONTHS[Number(m) - 1] ?? m} ${y}${sendNo > 1 ? ` (sendt ${sendNo} ganger)` : ''}`;
}
