import { DateTime } from 'luxon';
import type { Body, BodyKind } from '../domain/bodies';
import { type AuditEntry, ESCALATION_VERBS, type Escalation, type EscalationState, levelOf, nextState } from '../domain/escalations';
import type { CardJson, FieldError } from '../handler-types';
import { format, type Locale, pick } from '../i18n';
import { ESCALATION_TEXTS } from '../i18n/escalations';
import { errorMap, keptText } from './form';
import { withRefresh } from './refresh';
import { renderCard } from './render';

/** Names of the bodies of a network by id, and of the unique levels by kind. */
export interface BodyNames {
  readonly byId: ReadonlyMap<string, string>;
  readonly byKind: Partial<Record<BodyKind, string>>;
}

/** The name of the body at a level, or the level's generic name. */
export function levelName(locale: Locale, names: BodyNames, kind: BodyKind | undefined, bodyId?: string): string {
  const t = pick(locale, ESCALATION_TEXTS);
  return (bodyId && names.byId.get(bodyId)) || (kind && names.byKind[kind]) || (kind ? t.kinds[kind] : '');
}

const osloDate = (iso: string): string => DateTime.fromISO(iso, { zone: 'Europe/Oslo' }).toFormat('dd.LL.yyyy');

/** The `løft` form. */
export function escalationFormCard(
  locale: Locale,
  level: string,
  values: Readonly<Record<string, unknown>>,
  errors: readonly FieldError[],
  formId: string,
): CardJson {
  const t = pick(locale, ESCALATION_TEXTS);
  return renderCard(
    'escalation-form',
    {
      title: t.formTitle,
      intro: format(t.formIntro, { level }),
      summary: errors.length > 0 ? t.errorSummary : '',
      labels: {
        title: t.title,
        titlePlaceholder: t.titlePlaceholder,
        description: t.description,
        requestedAction: format(t.requestedAction, { level }),
        submit: t.submit,
      },
      err: errorMap(['title', 'description', 'requestedAction'], errors),
    },
    {
      form: {
        title: keptText(values.title, 1_000),
        description: keptText(values.description, 10_000),
        requestedAction: keptText(values.requestedAction, 5_000),
      },
      formId: keptText(formId, 64),
    },
  );
}

const COLORS: Record<EscalationState, string> = {
  proposed: 'Accent',
  accepted: 'Accent',
  declined: 'Warning',
  resolved: 'Good',
  escalated: 'Accent',
  decided: 'Good',
};

/** Card input ids whose values and errors the status card can show again. */
export const STEP_FIELDS = ['acceptNote', 'declineNote', 'decision', 'measure', 'responsible', 'due', 'escalateNote', 'boardDecision'] as const;

export interface EscalationView {
  readonly escalation: Escalation;
  readonly names: BodyNames;
  readonly history?: readonly AuditEntry[];
  /** Show the buttons of the transitions legal now (the card sits where the matter is, or in a coordinator's chat). */
  readonly actionable: boolean;
  readonly notice?: string;
  readonly values?: Readonly<Record<string, unknown>>;
  readonly errors?: readonly FieldError[];
  /**
   * For a card in a body's channel: that body and the Teams ids Teams should ask
   * `escalation.refresh` for (the coordinators there), plus an "Oppdater" button for anyone
   * else. Undefined (a personal chat): neither.
   */
  readonly refresh?: { readonly bodyId: string; readonly userIds: readonly string[] };
}

/** What `escalation.refresh` carries: the matter and the body whose channel holds the card. */
const refreshTarget = (escalationId: string, bodyId: string): Record<string, string> => ({ escalationId, bodyId });

/**
 * The status card of a matter, updated in place at every step. In a channel everyone gets the
 * read-only view (`actionable` false) with a `refresh` naming the coordinators, who get the
 * view with the steps legal now from `escalation.refresh`.
 */
export function escalationCard(locale: Locale, view: EscalationView): CardJson {
  const t = pick(locale, ESCALATION_TEXTS);
  const e = view.escalation;
  const erased = !!e.textErasedAt;
  const text = (s: string | undefined): string => (erased ? t.erased : (s ?? ''));
  const at = levelName(locale, view.names, levelOf(e.originKind, e.state), e.levelBodyId);
  const facts = [
    { title: t.facts.origin, value: levelName(locale, view.names, e.originKind, e.originBodyId) },
    { title: t.facts.created, value: osloDate(e.createdAt) },
    { title: t.facts.requestedAction, value: e.requestedAction },
    { title: t.facts.acceptNote, value: e.acceptNote },
    { title: t.facts.declineNote, value: e.declineNote },
    { title: t.facts.decision, value: e.decision },
    { title: t.facts.measure, value: e.measure },
    { title: t.facts.responsible, value: e.responsible },
    { title: t.facts.due, value: e.due ? osloDate(e.due) : undefined },
    { title: t.facts.escalateNote, value: e.escalateNote },
    { title: t.facts.boardDecision, value: e.boardDecision },
  ].filter((f): f is { title: string; value: string } => !!f.value);
  const can = Object.fromEntries(ESCALATION_VERBS.map((v) => [v, view.actionable && !!nextState(e.state, v, e.originKind)]));
  const values = view.values ?? {};
  const refreshData = view.refresh ? refreshTarget(e.id, view.refresh.bodyId) : undefined;
  const card = renderCard(
    'escalation',
    {
      title: text(e.title),
      status: format(t.states[e.state], { level: at }),
      statusColor: COLORS[e.state],
      notice: view.notice ?? '',
      description: text(e.description),
      facts,
      history: (view.history ?? []).map((h) => ({ line: format(t.historyLine[h.verb], { date: osloDate(h.at) }) })),
      labels: { history: t.history, verbs: t.verbs, inputs: t.inputs, refresh: t.refresh },
      err: errorMap(STEP_FIELDS, view.errors ?? []),
      can,
      refreshable: !!refreshData,
    },
    {
      form: Object.fromEntries(STEP_FIELDS.map((f) => [f, keptText(values[f], 5_000)])),
      escalationId: e.id,
      refreshData: refreshData ?? {},
    },
  );
  return refreshData ? withRefresh(card, 'escalation.refresh', refreshData, view.refresh?.userIds) : card;
}

export interface ListSection {
  readonly heading: string;
  readonly items: readonly Escalation[];
}

/** `saker`: the open matters, grouped. */
export function escalationListCard(locale: Locale, title: string, sections: readonly ListSection[], names: BodyNames, limit = 25): CardJson {
  const t = pick(locale, ESCALATION_TEXTS);
  let shown = 0;
  let total = 0;
  const out = sections
    .filter((s) => s.items.length > 0)
    .map((s) => {
      total += s.items.length;
      const items = s.items.slice(0, Math.max(0, limit - shown)).map((e) => ({
        title: e.textErasedAt ? t.erased : e.title,
        line: format(t.listLine, {
          state: format(t.states[e.state], { level: levelName(locale, names, levelOf(e.originKind, e.state), e.levelBodyId) }),
          origin: levelName(locale, names, e.originKind, e.originBodyId),
          date: osloDate(e.createdAt),
        }),
      }));
      shown += items.length;
      return { heading: s.heading, items };
    })
    .filter((s) => s.items.length > 0);
  return renderCard('escalation-list', { title, empty: t.listEmpty, sections: out, more: total > shown ? `+ ${total - shown}` : '' });
}

/** The 1:1 note to the requester (and coordinators) after a step. */
export function escalationNoticeCard(locale: Locale, e: Escalation, names: BodyNames, heading?: string): CardJson {
  const t = pick(locale, ESCALATION_TEXTS);
  const level = levelName(locale, names, levelOf(e.originKind, e.state), e.levelBodyId);
  const facts = [
    { title: t.facts.declineNote, value: e.state === 'declined' ? e.declineNote : undefined },
    { title: t.facts.decision, value: e.state === 'resolved' ? e.decision : undefined },
    { title: t.facts.measure, value: e.state === 'resolved' || e.state === 'decided' ? e.measure : undefined },
    { title: t.facts.responsible, value: e.state === 'resolved' || e.state === 'decided' ? e.responsible : undefined },
    { title: t.facts.due, value: (e.state === 'resolved' || e.state === 'decided') && e.due ? osloDate(e.due) : undefined },
    { title: t.facts.boardDecision, value: e.state === 'decided' ? e.boardDecision : undefined },
  ].filter((f): f is { title: string; value: string } => !!f.value);
  return renderCard('notice', {
    title: heading ?? t.notifyTitle,
    text: format(t.notify[e.state], { title: e.title, level }),
    color: e.state === 'declined' ? 'Warning' : 'Default',
    facts,
  });
}

/** Names of a network's bodies for cards. */
export function bodyNames(all: readonly Body[]): BodyNames {
  const byKind: Partial<Record<BodyKind, string>> = {};
  for (const b of all) if (b.kind !== 'youthTeam') byKind[b.kind] = b.name;
  return { byId: new Map(all.map((b) => [b.id, b.name])), byKind };
}
