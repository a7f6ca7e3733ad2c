/** The parts of a Bot Framework mention entity we read. */
export interface MentionEntity {
  type?: string;
  text?: string;
  mentioned?: { id?: string; name?: string };
}

/**
 * The command text of a message: every mention of the bot removed (Teams puts
 * `<at>SLT-boten</at>` into the text; `removeRecipientMention` removes only the first),
 * HTML entities and tags Teams adds decoded/stripped, whitespace collapsed.
 * Mentions of other people stay in the text — they are the user's words.
 */
export function commandText(text: string | undefined, entities: readonly MentionEntity[] | undefined, botId: string): string {
  let out = text ?? '';
  for (const e of entities ?? []) {
    if (e.type === 'mention' && e.mentioned?.id === botId && e.text) out = out.split(e.text).join(' ');
  }
  // A bot mention Teams did not list as an entity (seen in some clients) — strip the tag too.
  out = out.replace(/<at>[^<]*<\/at>/gi, (m) => (entities?.some((e) => e.type === 'mention' && e.text === m && e.mentioned?.id !== botId) ? m : ' '));
  out = out
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;/gi, "'")
    .replace(/&amp;/gi, '&');
  return out.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}
