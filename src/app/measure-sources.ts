import { shortText } from '../domain/agenda-youth';
import { dayOfInstant } from '../domain/digest';
import type { Escalation } from '../domain/escalations';
import { screenText } from '../domain/guard';
import { MAX_MEASURE_TITLE } from '../domain/measures/model';
import { changeKey, type MeasureActor, planCreate } from '../domain/measures/rules';
import { serviceOfText } from '../domain/measures/services';
import type { ActionOutcome, ActionRequest } from '../handler-types';
import { pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import { SERVICE_LABELS } from '../i18n/trends';
import { MeasureRepository } from '../storage/table/measures';
import { measureFormFor, measureScene } from './measures';
import type { Services } from './services';

/**
 * Where measures come from besides the register's own form (issue 17): a lifted matter resolved
 * or decided with a measure, and a minutes task («Gjør til tiltak»). Each becomes a measure once:
 * its id derives from the matter or from body, meeting and task, and creating is insert-only.
 */
const actorOf = (req: { readonly actor: { readonly id: string; readonly name: string } }): MeasureActor => ({ id: req.actor.id, name: req.actor.name });

/** «Gjør til tiltak»: a task of a body's minutes becomes a measure linked to its meeting (once). */
export async function measureFromTask(
  services: Services,
  req: ActionRequest<{ readonly bodyId: string; readonly meetingId: string; readonly taskId: string }>,
): Promise<ActionOutcome> {
  const { locale } = req;
  const t = pick(locale, MEASURE_TEXTS);
  const scene = await measureScene(services, req);
  if (!scene.coordinator) return { type: 'message', text: t.command.coordinatorsOnly };
  const body = scene.viewer.all.find((b) => b.id === req.data.bodyId);
  const minutes = body ? await services.agendas.getMinutes(body.tenantId, body.id, req.data.meetingId) : undefined;
  const task = minutes?.minutes.tasks.find((k) => k.id === req.data.taskId);
  if (!body || !minutes || !task || !screenText(task.title).ok) return { type: 'message', text: t.notices.taskNotFound };
  const tenantId = body.tenantId;
  const id = MeasureRepository.forTask(tenantId, body.id, minutes.minutes.meetingId, task.id);
  const key = changeKey('create', req.actor.id, { title: task.title }, undefined);
  const planned = planCreate(
    {
      tenantId,
      id,
      fields: {
        title: shortText(task.title, MAX_MEASURE_TITLE),
        description: '',
        focusAreas: [],
        responsible: [task.responsible],
        ownerBodyId: body.id,
        start: dayOfInstant(minutes.minutes.meetingStartUtc),
        end: task.due >= dayOfInstant(minutes.minutes.meetingStartUtc) ? task.due : undefined,
      },
      state: task.doneAt ? 'completed' : 'ongoing',
      source: { kind: 'task', bodyId: body.id, meetingId: minutes.minutes.meetingId, meetingStartUtc: minutes.minutes.meetingStartUtc, taskId: task.id },
    },
    actorOf(req),
    req.now.toISOString(),
    key,
  );
  if (!planned.ok) return { type: 'message', text: t.notices.taskNotFound };
  const stored = await services.measures.create(planned.measure, planned.log);
  services.log.info({ cid: req.correlationId, measure: id, created: stored.created }, 'measure from a minutes task');
  const card = await measureFormFor(services, locale, scene, 'edit', stored.measure, { notice: stored.created ? t.notices.fromTask : t.notices.already });
  return { type: 'card', card };
}

/**
 * A matter resolved by the coordination group (or decided by the board) with a measure: the
 * measure enters the register once (its id derives from the matter, which is how the matter finds
 * it), owned by the body that decided it, with the deadline and — when the responsible written in
 * the decision names a known service — that service. Never fails the step: a failure is logged,
 * and repeating the step (or the next one) registers it.
 */
export async function measureFromMatter(services: Services, e: Escalation, actor: MeasureActor, at: string): Promise<void> {
  if (!e.measure || (e.state !== 'resolved' && e.state !== 'decided')) return;
  try {
    const labels = [pick('nb', SERVICE_LABELS), pick('en', SERVICE_LABELS)];
    const service = e.responsible ? serviceOfText(e.responsible, labels) : undefined;
    const title = [e.measure, e.title, 'Tiltak'].map((x) => shortText(x, MAX_MEASURE_TITLE)).find((x) => x && screenText(x).ok) ?? 'Tiltak';
    const planned = planCreate(
      {
        tenantId: e.tenantId,
        id: MeasureRepository.forEscalation(e.tenantId, e.id),
        fields: {
          title,
          description: title === e.measure ? '' : e.measure,
          focusAreas: [],
          responsible: service ? [service] : [],
          responsibleText: service ? undefined : e.responsible,
          ownerBodyId: e.levelBodyId,
          // A deadline before the decision day (recorded late) moves the start back, so start ≤ end.
          start: e.due && e.due < dayOfInstant(at) ? e.due : dayOfInstant(at),
          end: e.due,
        },
        state: 'planned',
        source: { kind: 'escalation', escalationId: e.id, bodyId: e.levelBodyId },
      },
      actor,
      at,
      changeKey('create', actor.id, { title }, undefined),
    );
    if (planned.ok) await services.measures.create(planned.measure, planned.log);
  } catch (err) {
    services.log.warn({ escalation: e.id, err: (err as Error).message }, 'measure of a matter not registered; the next step registers it');
  }
}
