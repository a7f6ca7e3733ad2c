import { agendaCommand } from './agenda';
import { annualReportCommand } from './annual-report';
import { coordinatorCommand } from './coordinator';
import { digestCommand } from './digest';
import { escalateCommand } from './escalate';
import { escalationsCommand } from './escalations';
import { helpCommand } from './help';
import { measuresCommand } from './measures';
import { meetingCommand } from './meeting';
import { meetingsCommand } from './meetings';
import { minutesCommand } from './minutes';
import { policeStatsCommand } from './police-stats';
import { registerCommand } from './register';
import { statusCommand } from './status';
import { trendCommand } from './trend';
import type { CommandDef } from './types';

/**
 * The one table of text commands. A command word matches exactly (first word, case and
 * surrounding whitespace ignored) — never by substring.
 */
export const COMMANDS: readonly CommandDef[] = [
  helpCommand(() => COMMANDS),
  registerCommand,
  coordinatorCommand,
  meetingCommand,
  meetingsCommand,
  agendaCommand,
  minutesCommand,
  trendCommand,
  escalateCommand,
  escalationsCommand,
  statusCommand,
  digestCommand,
  annualReportCommand,
  policeStatsCommand,
  measuresCommand,
];

/** Folds case and Unicode form so `HJELP`, `Hjelp` and a decomposed `ø` all match. */
export function normaliseWord(word: string): string {
  return word.normalize('NFC').toLocaleLowerCase('nb-NO');
}

const byWord = new Map<string, CommandDef>();
for (const c of COMMANDS) {
  for (const w of [c.words.nb, c.words.en, ...(c.aliases ?? [])]) {
    const key = normaliseWord(w);
    const clash = byWord.get(key);
    if (clash && clash !== c) throw new Error(`command word ${w} used by ${clash.id} and ${c.id}`);
    byWord.set(key, c);
  }
}

/** Splits a message into its command and the rest, or undefined for an unknown first word. */
export function findCommand(text: string): { command: CommandDef; args: string } | { command: undefined; word: string } {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const command = byWord.get(normaliseWord(first));
  if (!command) return { command: undefined, word: first };
  return { command, args: rest.join(' ').trim() };
}
