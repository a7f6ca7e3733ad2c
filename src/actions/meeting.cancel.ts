import { z } from 'zod';
import type { ActionDef, FieldError } from './types';
import type { ActionOutcome, ActionRequest } from '../app/types';
import type { Services } from '../app/services';
import { MEETING_ID_RE } from '../domain/meetings';
import { bodyOfPlace, meetingDeps, withdrawMeeting } from '../app/meetings';
import { meetingCard } from '../views/meetings';
import { pick } from '../i18n';
import { meetingTexts } from '../i18n/meetings';

const schema = z.object({
  meetingId: z.string().trim().regex(MEETING_ID_RE),
  reason: z.string().trim().max(200).optional(),
});

/**
 * `meeting.cancel` (from the meeting card's cancel form): marks the meeting cancelled, drops its
 * jobs and updates the posted card in place to show AVLYST and the reason. Cancelling again
 * changes nothing but still makes sure jobs and card are in step (a crash may have come between).
 */
export const meetingCancel: ActionDef<typeof schema> = {
  audience: 'coordinator',
  schema,
  async handle(req, services) {
    const t = pick(req.locale, meetingTexts).cancel;
    const found = await bodyOfPlace(services.bodies, req.place, req.locale);
    if ('text' in found) return { type: 'message', text: t.notHere };
    const { body } = found;
    const result = await services.meetings.cancel(body.tenantId, body.id, req.data.meetingId, req.actor.id, req.data.reason, req.now);
    if (!result.ok) return { type: 'message', text: t[result.reason] };
    if (result.changed) services.log.info({ cid: req.correlationId, bodyId: body.id, meetingId: result.meeting.id }, 'meeting cancelled');
    await withdrawMeeting(meetingDeps(services), body, result.meeting);
    // The card in the channel is everyone's: it speaks the network's language, not the clicker's.
    return { type: 'card', card: meetingCard(services.config.defaultLocale, body, result.meeting, services.config.publicUrl) };
  },
  form: showForm,
};

/** The meeting card again with the reason kept and its error shown (the reason is the only free field). */
async function showForm(req: ActionRequest<object>, errors: readonly FieldError[], services: Services): Promise<ActionOutcome> {
  const t = pick(req.locale, meetingTexts).cancel;
  const data = req.data as Record<string, unknown>;
  const found = await bodyOfPlace(services.bodies, req.place, req.locale);
  const meetingId = typeof data.meetingId === 'string' ? data.meetingId : '';
  const meeting = 'body' in found ? await services.meetings.get(found.body.tenantId, found.body.id, meetingId) : undefined;
  if (!('body' in found) || !meeting) return { type: 'message', text: 'body' in found ? t.notFound : t.notHere };
  const reason = typeof data.reason === 'string' ? data.reason : '';
  const error = errors.find((e) => e.field === 'reason')?.message ?? errors[0]?.message;
  return { type: 'card', card: meetingCard(services.config.defaultLocale, found.body, meeting, services.config.publicUrl, { reason, error }) };
}
