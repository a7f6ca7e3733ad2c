import { escalationRefusal } from '../app/escalation-form';
import type { Escalation } from '../domain/escalations';
import { displayScope, resolveViewer } from '../domain/visibility';
import { format, pick } from '../i18n';
import { ESCALATION_TEXTS } from '../i18n/escalations';
import { bodyNames, escalationListCard, type ListSection } from '../views/escalation';
import type { CommandDef } from './types';

/**
 * `saker` / `escalations`: the open matters. In a body's channel: those waiting at this body,
 * and those lifted from here that are still open elsewhere — what this channel may read. In a
 * personal chat: per body the person may read (coordinators: every body), what waits there.
 */
export const escalationsCommand: CommandDef = {
  id: 'escalations',
  words: { nb: 'saker', en: 'escalations' },
  aliases: ['sak', 'matters'],
  audience: 'member',
  describe: {
    nb: 'Viser åpne saker som er løftet på dette nivået.',
    en: 'Shows the open matters lifted at this level.',
  },
  async handle(req, services) {
    const { actor, place, locale } = req;
    const t = pick(locale, ESCALATION_TEXTS);
    const standing = await services.standing(actor, place);
    const viewer = await resolveViewer(services, actor, standing, place);
    const names = bodyNames(viewer.all);
    const scope = displayScope(viewer);
    if (place.kind !== 'personal') {
      const here = viewer.here;
      if (!here) return [{ type: 'text', text: escalationRefusal(place.kind === 'channel' ? 'notABody' : 'notChannel', locale) }];
      if (!viewer.memberOf.has(here.id)) return [{ type: 'text', text: escalationRefusal('notMember', locale, here) }];
      const open = (await services.escalations.listAt(scope, here.id)).map((c) => c.escalation);
      const sections: ListSection[] = [
        { heading: t.listHere, items: open.filter((e) => e.levelBodyId === here.id) },
        { heading: t.listPassed, items: open.filter((e) => e.levelBodyId !== here.id) },
      ];
      return [{ type: 'card', card: escalationListCard(locale, format(t.listTitle, { body: here.name }), sections, names) }];
    }
    const perBody = await Promise.all(scope.bodyIds.map(async (id) => ({ id, open: (await services.escalations.listAt(scope, id)).map((c) => c.escalation) })));
    const sections: ListSection[] = viewer.all
      .filter((b) => scope.bodyIds.includes(b.id))
      .map((b) => ({ heading: b.name, items: (perBody.find((p) => p.id === b.id)?.open ?? []).filter((e: Escalation) => e.levelBodyId === b.id) }));
    return [{ type: 'card', card: escalationListCard(locale, t.listTitleAll, sections, names) }];
  },
};
