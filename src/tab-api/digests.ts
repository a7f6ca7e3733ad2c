import type { Standing } from '../domain/access';
import type { DigestsResponse } from './contract';

/** One archived monthly digest, as the tab lists it. */
export interface ArchivedDigest {
  /** YYYY-MM. */
  readonly month: string;
  readonly title: string;
  readonly createdAt?: string;
}

/** The latest sending of a month as the archive keeps it: the digest's content (JSON) and who sent it when. */
export interface ArchivedSending {
  readonly month: string;
  readonly content: string;
  readonly sentAt: string;
  readonly sentBy: string;
  readonly sentByName: string;
}

/**
 * What the tab needs of the digest archive (issue: monthly digest archive and annual report).
 * Implemented over the `digests` repository by the composition root; absent until that lands.
 */
export interface TabDigestSource {
  /** Archived monthly digests of a network, newest first. */
  list(tenantId: string): Promise<readonly ArchivedDigest[]>;
  /** The latest sending of a month, to read in the tab; undefined when the month was never sent. */
  read?(tenantId: string, month: string): Promise<ArchivedSending | undefined>;
  /** Makes the annual report draft of a year now and returns its download links (coordinators only). */
  annualReport?(tenantId: string, year: number, requestedBy: string): Promise<{ readonly html: string; readonly markdown: string }>;
}

/** Who reads the digests: the same people as the `rapport` command (coordinators, board). */
export function mayReadDigests(s: Standing): boolean {
  return s.coordinator || s.admin || s.boardMember;
}

/** The Digests section: the archive, and for coordinators the years an annual report draft can be made for. */
export async function digestsFor(archive: TabDigestSource | undefined, standing: Standing, tenantId: string, year: number): Promise<DigestsResponse> {
  if (!mayReadDigests(standing)) return { allowed: false, items: [], source: archive ? 'archive' : 'unavailable' };
  if (!archive) return { allowed: true, items: [], source: 'unavailable' };
  const items = await archive.list(tenantId);
  const coordinator = standing.coordinator || standing.admin;
  return { allowed: true, items: [...items], annualReport: coordinator && archive.annualReport ? { years: [year - 1, year] } : undefined, source: 'archive' };
}
