import type { ChannelKind } from '../domain/bodies';
import { formatMeetingTime } from '../domain/calendar';
import type { CardJson } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { kindAndCount, sharesReadersWarning } from '../i18n/readers';
import { type SchedulerTexts, schedulerText } from '../i18n/scheduler';
import type { PendingJob, RunRecord } from '../storage/table/jobs';
import type { PendingDelivery } from '../storage/table/outbox';
import { renderCard } from './render';

/** Data of cards/status.json. */
export interface StatusCardData {
  readonly title: string;
  readonly run: string;
  readonly runColor: 'Good' | 'Attention' | 'Default';
  readonly queued: string;
  readonly nextTitle: string;
  readonly nextEmpty: string;
  readonly next: readonly { readonly label: string; readonly due: string }[];
  readonly failingTitle: string;
  readonly failingEmpty: string;
  readonly failing: readonly { readonly label: string; readonly reason: string; readonly detail: string }[];
  readonly bodiesTitle: string;
  readonly bodiesEmpty: string;
  readonly bodies: readonly { readonly name: string; readonly readers: string; readonly warning: string }[];
}

/** A body and who reads it, as app/body-readers finds it. */
export interface StatusBody {
  readonly body: { readonly name: string; readonly teamName?: string };
  readonly kind: ChannelKind;
  readonly kindKnown: boolean;
  readonly count?: number;
  readonly sharesWith?: { readonly name: string };
}

export interface StatusInput {
  readonly lastRun?: RunRecord;
  readonly jobs: readonly PendingJob[];
  readonly deliveries: readonly PendingDelivery[];
  /** Body names by id, to name meeting jobs. */
  readonly bodyNames: ReadonlyMap<string, string>;
  readonly now: Date;
  /** Each body's channel kind and member count. */
  readonly readers?: readonly StatusBody[];
}

/** The scheduler counts as stuck when it has not ticked for this long (it ticks every 15 s). */
export const STALE_AFTER_MS = 5 * 60_000;
const MAX_ROWS = 10;

/** The `status` card: last run, next posts due (≤ 10), failing deliveries with reason and attempts, queue length. */
export function statusCard(locale: Locale, input: StatusInput): CardJson {
  const t = pick(locale, schedulerText);
  const s = t.status;
  const when = (iso: string): string => formatMeetingTime(iso, locale);
  let run = s.neverRun;
  let runColor: StatusCardData['runColor'] = 'Attention';
  if (input.lastRun) {
    const stale = input.now.getTime() - Date.parse(input.lastRun.lastRunAt) > STALE_AFTER_MS;
    run = stale ? format(s.stale, { time: when(input.lastRun.lastRunAt) }) : `${s.lastRun} ${when(input.lastRun.lastRunAt)}. ${s.healthy}`;
    runColor = stale ? 'Attention' : 'Good';
  }
  const jobLabel = (j: PendingJob): string => {
    const body = j.bodyId ? input.bodyNames.get(j.bodyId) : undefined;
    // An invitation is per meeting: its label ends with the meeting's date (dd.mm).
    const date = j.kind === 'invitation' ? / (\d{2}\.\d{2})$/.exec(j.label ?? '')?.[1] : undefined;
    return body ? `${t.kinds[j.kind]} – ${body}${date ? ` ${date}` : ''}` : (j.label ?? t.kinds[j.kind] ?? j.kind);
  };
  const failingJobs = input.jobs
    .filter((j) => j.lastError)
    .map((j) => ({
      label: jobLabel(j),
      reason: (j.kind === 'invitation' ? explainGraph(t, j.lastError ?? '') : undefined) ?? `${s.jobFailed}: ${j.lastError}`,
      detail: [format(s.attempts, { n: j.attempts }), ...(j.retryAt ? [format(s.nextAttempt, { time: when(j.retryAt) })] : [])].join(' · '),
    }));
  const failingDeliveries = input.deliveries
    .filter((d) => d.attempts > 0 && (d.state === 'failing' || d.state === 'retrying'))
    .map((d) => ({
      label: d.label,
      reason: explain(t, d.lastError ?? ''),
      detail: [
        s.deliveryState[d.state === 'failing' ? 'failing' : 'retrying'],
        format(s.attempts, { n: d.attempts }),
        format(s.nextAttempt, { time: when(d.nextAttemptAt) }),
      ].join(' · '),
    }));
  const data: StatusCardData = {
    title: s.title,
    run,
    runColor,
    queued: format(s.queued, { n: input.deliveries.length }),
    nextTitle: s.nextTitle,
    nextEmpty: s.nextEmpty,
    // A job that failed is next due when it is tried again, not at its original time.
    next: input.jobs.slice(0, MAX_ROWS).map((j) => ({ label: jobLabel(j), due: when(j.retryAt && j.retryAt > j.dueAt ? j.retryAt : j.dueAt) })),
    failingTitle: s.failingTitle,
    failingEmpty: s.failingEmpty,
    failing: [...failingDeliveries, ...failingJobs].slice(0, MAX_ROWS),
    bodiesTitle: s.bodiesTitle,
    bodiesEmpty: s.bodiesEmpty,
    bodies: (input.readers ?? []).map((r) => ({
      name: r.body.name,
      readers: kindAndCount(locale, r.kind, r.kindKnown, r.count),
      warning: r.sharesWith ? sharesReadersWarning(locale, r.sharesWith.name, r.body.teamName) : '',
    })),
  };
  return renderCard('status', data);
}

/**
 * An invitation job's stored reason ('429 TooManyRequests', 'nett ECONNREFUSED', 'token
 * invalid_client') in words, keeping the code; undefined for a failure that was not Graph's
 * (reading the members from Teams, storage), which is shown as any job's.
 */
export function explainGraph(t: SchedulerTexts, lastError: string): string | undefined {
  const g = t.status.graph;
  const [first = ''] = lastError.split(' ');
  const code = lastError;
  const status = Number(first);
  if (first === 'nett') return format(g.network, { code });
  if (first === 'token') return format(g.token, { code });
  if (!/^\d{3}$/.test(first)) return undefined;
  if (status === 429) return g.throttled;
  if (status === 401 || status === 403) return format(g.forbidden, { code });
  if (status === 404) return format(g.notFound, { code });
  if (status >= 500) return format(g.server, { code });
  return format(g.other, { code });
}

/** A stored reason ('403 BotNotInConversationRoster', 'nett NetworkError') in words, keeping the code. */
export function explain(t: SchedulerTexts, lastError: string): string {
  const r = t.status.reasons;
  const [first = '', ...rest] = lastError.split(' ');
  const code = lastError;
  const status = Number(first);
  if (first === 'nett') return r.network;
  if (first === 'intern') return format(r.internal, { code: rest.join(' ') });
  if (status === 429) return r.throttled;
  if (status === 401 || status === 403) return format(r.forbidden, { code });
  if (status === 404) return format(r.notFound, { code });
  if (status === 400) return format(r.badRequest, { code });
  if (status >= 500) return format(r.server, { code });
  return format(r.other, { code });
}
