import { z } from 'zod';
import { optionalFreeText } from '../app/form-fields';
import { screenFields } from '../app/guard-fields';
import { bodyOfPlace, meetingDeps, withdrawMeeting } from '../app/meetings';
import { MEETING_ID_RE } from '../domain/meetings';
import type { ActionOutcome, ActionRequest, FieldError } from '../handler-types';
import { pick } from '../i18n';
import { meetingTexts } from '../i18n/meetings';
import { meetingCard } from '../views/meetings';
import type { ActionDef } from './types';

const schema = z.object({
  meetingId: z.string().trim().regex(MEETING_ID_RE),
  reason: optionalFreeText(200),
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
    // The reason is posted in the channel: it must not say who is ill or away.
    const refused = screenFields({ reason: req.data.reason }, req.locale);
    if (refused.length > 0) return showForm(req, refused);
    const result = await services.meetings.cancel(body.tenantId, body.id, req.data.meetingId, req.actor.id, req.data.reason, req.now);
    if (!result.ok) return { type: 'message', text: t[result.reason] };
    if (result.changed) services.log.info({ cid: req.correlationId, bodyId: body.id, meetingId: result.meeting.id }, 'meeting cancelled');
    await withdrawMeeting(meetingDeps(services), body, result.meeting, req.now);
    // The card in the channel is everyone's: it speaks the network's language, not the clicker's.
    return { type: 'card', card: meetingCard(services.config.defaultLocale, body, result.meeting, services.config.publicUrl) };
  },
  form: showForm,
};

/**
 * A bad reason is answered with a message to the clicker only: the meeting card is shared by the
 * whole channel, so it is neither replaced nor made to carry the refused text. The client keeps
 * what was typed in the cancel form, so the user edits it and tries again.
 */
async function showForm(req: ActionRequest<object>, errors: readonly FieldError[]): Promise<ActionOutcome> {
  const t = pick(req.locale, meetingTexts);
  const lines = errors.map((e) => (e.field === 'reason' ? `${t.card.reason}: ${e.message}` : t.cancel.notFound));
  return { type: 'message', text: [...new Set(lines)].join('\n') };
}
