import type { Services } from '../app/services';
import type { Audience } from '../domain/access';
import type { CommandRequest, Reply } from '../handler-types';
import type { Catalogue } from '../i18n';

/** One text command: its words in both locales, who may use it, and its handler. */
export interface CommandDef {
  readonly id: string;
  /** The command word per locale; both words work in either locale. */
  readonly words: Catalogue<string>;
  /** Extra accepted spellings (e.g. ASCII `mote` for `møte`). */
  readonly aliases?: readonly string[];
  readonly audience: Audience;
  /** One line for the help card; `{word}`-free. */
  readonly describe: Catalogue<string>;
  /** Argument hint shown on the help card, e.g. ' [ÅÅÅÅ-MM]'. */
  readonly argHint?: Catalogue<string>;
  handle(req: CommandRequest, services: Services): Promise<Reply[]>;
}
