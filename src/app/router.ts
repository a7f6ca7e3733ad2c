import { findAction } from '../actions';
import { findCommand } from '../commands';
import type { Audience } from '../domain/access';
import { allows, needsStanding } from '../domain/access';
import type { ActionOutcome, ActionRequest, CommandRequest, Reply } from '../handler-types';
import { type Catalogue, format, type Locale, pick } from '../i18n';
import type { Services } from './services';
import { callForTopicsReply } from './thread-replies';
import { toFieldErrors } from './validation';

const text: Catalogue<{ unknown: string; empty: string; refused: string; unknownAction: string; roles: Record<Audience, string> }> = {
  nb: {
    unknown: 'Jeg kjenner ikke kommandoen «{word}». Skriv «hjelp» for å se hva du kan gjøre.',
    empty: 'Hei! Skriv «hjelp» for å se hva jeg kan gjøre for deg.',
    refused: 'Dette krever rollen {role}, og den har du ikke. Ta kontakt med en SLT-koordinator eller administrator hvis du trenger den.',
    unknownAction: 'Denne handlingen er ikke lenger tilgjengelig. Skriv «hjelp» for å se hva du kan gjøre.',
    roles: {
      everyone: 'bruker',
      member: 'medlem',
      coordinator: 'SLT-koordinator',
      admin: 'administrator',
      board: 'medlem av SLT-styret',
      coordinatorOrBoard: 'SLT-koordinator eller medlem av SLT-styret',
      policeOrCoordinator: 'politikontakt eller SLT-koordinator',
    },
  },
  en: {
    unknown: 'I don\'t know the command "{word}". Type "help" to see what you can do.',
    empty: 'Hi! Type "help" to see what I can do for you.',
    refused: 'This needs the role {role}, which you do not have. Contact an SLT coordinator or administrator if you need it.',
    unknownAction: 'This action is no longer available. Type "help" to see what you can do.',
    roles: {
      everyone: 'user',
      member: 'member',
      coordinator: 'SLT coordinator',
      admin: 'administrator',
      board: 'SLT board member',
      coordinatorOrBoard: 'SLT coordinator or SLT board member',
      policeOrCoordinator: 'police contact or SLT coordinator',
    },
  },
};

/** The refusal text naming the role needed. */
export function refusal(locale: Locale, audience: Audience): string {
  const t = pick(locale, text);
  return format(t.refused, { role: t.roles[audience] });
}

/** Routes a message (mention already stripped) to its command, checking the role first. */
export async function routeMessage(req: Omit<CommandRequest, 'args'> & { text: string }, services: Services): Promise<Reply[]> {
  const t = pick(req.locale, text);
  if (!req.text.trim()) return [{ type: 'text', text: t.empty }];
  const found = findCommand(req.text);
  if (!found.command) return (await callForTopicsReply(req, services)) ?? [{ type: 'text', text: format(t.unknown, { word: found.word.slice(0, 40) }) }];
  const { command, args } = found;
  if (needsStanding(command.audience)) {
    const standing = await services.standing(req.actor, req.place);
    if (!allows(command.audience, standing)) return [{ type: 'text', text: refusal(req.locale, command.audience) }];
  }
  services.log.info({ cid: req.correlationId, command: command.id }, 'command');
  return command.handle({ ...req, args }, services);
}

/** Routes a card action: role check, zod validation (form back with input kept), handler. */
export async function routeAction(req: ActionRequest<Record<string, unknown>>, services: Services): Promise<ActionOutcome> {
  const def = findAction(req.verb);
  if (!def) return { type: 'message', text: pick(req.locale, text).unknownAction };
  if (needsStanding(def.audience)) {
    const standing = await services.standing(req.actor, req.place);
    if (!allows(def.audience, standing)) return { type: 'message', text: refusal(req.locale, def.audience) };
  }
  const parsed = def.schema.safeParse(req.data);
  if (!parsed.success) {
    services.log.info({ cid: req.correlationId, verb: req.verb, fields: parsed.error.issues.map((i) => i.path.join('.')) }, 'action invalid');
    return def.form(req, toFieldErrors(parsed.error, req.locale, req.data), services);
  }
  services.log.info({ cid: req.correlationId, verb: req.verb }, 'action');
  return def.handle({ ...req, data: parsed.data }, services);
}
