import type { Body } from '../domain/bodies';
import type { Meeting } from '../domain/meetings';
import { format, type Locale, pick } from '../i18n';
import { meetingTexts } from '../i18n/meetings';
import { movedNote } from './meetings';

/** HTML-escapes text for the invitation's body (body and channel names, places are typed by people). */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The body of a meeting's Outlook invitation, in the network's language: which body meets, where
 * its agenda will be (a link the bot serves, so it stays right when the agenda is posted later:
 * the body is written once — Teams adds its meeting blob to it, so it is never updated), and a
 * holiday move. No member names, no free text beyond body, channel and place.
 */
export function invitationHtml(locale: Locale, body: Pick<Body, 'name' | 'channelName'>, m: Meeting, agendaUrl: string): string {
  const t = pick(locale, meetingTexts).invitation;
  const link = `<a href="${html(agendaUrl)}">${html(agendaUrl)}</a>`;
  const lines = [format(t.intro, { body: `<b>${html(body.name)}</b>` }), format(t.agenda, { channel: `«${html(body.channelName ?? body.name)}»`, link })];
  const moved = movedNote(m, locale);
  if (moved) lines.push(html(format(t.moved, { moved })));
  return lines.map((l) => `<p>${l}</p>`).join('\n');
}

/** The comment sent with a cancellation: the reason given on the card (screened by the guard), or a plain sentence. */
export function cancellationComment(locale: Locale, m: Pick<Meeting, 'cancelReason'>): string {
  const t = pick(locale, meetingTexts);
  return m.cancelReason ? `${t.invitation.cancelled} ${t.card.reason}: ${m.cancelReason}` : t.invitation.cancelled;
}
