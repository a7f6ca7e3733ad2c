import { annualReportLinks, FILE_TTL_HOURS } from '../app/annual-report';
import { replyPrivately } from '../app/reply-privately';
import { osloYear } from '../domain/cadence';
import { format, pick } from '../i18n';
import { ANNUAL_REPORT_TEXTS } from '../i18n/annual-report';
import { renderCard } from '../views/render';
import type { CommandDef } from './types';

/**
 * `årsrapport [ÅÅÅÅ]` / `annual-report [YYYY]` (coordinators): the annual report draft of a year
 * (default: last year) as HTML and Markdown downloads, shown only to the asker — the links work
 * for anyone who has them, so in a channel they go to the coordinator 1:1.
 */
export const annualReportCommand: CommandDef = {
  id: 'annualReport',
  words: { nb: 'årsrapport', en: 'annual-report' },
  aliases: ['arsrapport', 'aarsrapport', 'annualreport'],
  audience: 'coordinator',
  argHint: { nb: ' [ÅÅÅÅ]', en: ' [YYYY]' },
  describe: {
    nb: 'Utkast til årsrapport for et år (standard: i fjor) som HTML og Markdown til nedlasting.',
    en: 'Draft annual report for a year (default: last year) as HTML and Markdown downloads.',
  },
  async handle(req, services) {
    const t = pick(req.locale, ANNUAL_REPORT_TEXTS);
    const current = osloYear(req.now);
    const arg = req.args.trim();
    const year = arg ? Number(arg) : current - 1;
    if (!/^\d{4}$/.test(arg || String(year)) || year < 2000 || year > current) return [{ type: 'text', text: t.badYear }];
    const links = await annualReportLinks(services, req.actor.tenantId, year, req.actor.id, req.now);
    services.log.info({ cid: req.correlationId, year }, 'annual report draft made');
    const card = renderCard(
      'file-links',
      { title: format(t.card.title, { year }), text: format(t.card.text, { year }), note: format(t.card.note, { hours: FILE_TTL_HOURS }) },
      // Bot-built URLs and labels: bound unescaped (escaping would break the token's `_`).
      {
        links: [
          { title: t.card.html, url: links.html },
          { title: t.card.markdown, url: links.markdown },
        ],
      },
    );
    return replyPrivately(req, services.outbox, [{ type: 'card', card }], t.privateNotice, `årsrapport ${year}`);
  },
};
