import { type MeasureView, showMeasures } from '../app/measure-navigation';
import { pick } from '../i18n';
import { MEASURE_TEXTS } from '../i18n/measures';
import type { CommandDef } from './types';

/** The view the words after `tiltak` ask for; undefined when they make no sense. */
export function measureViewOf(args: string): MeasureView | undefined {
  const [first = '', second = '', ...rest] = args.toLocaleLowerCase('nb-NO').split(/\s+/).filter(Boolean);
  if (rest.length > 0) return undefined;
  const year = second ? (/^\d{4}$/.test(second) ? Number(second) : Number.NaN) : undefined;
  if (Number.isNaN(year)) return undefined;
  if (!first) return { kind: 'list', filter: { kind: 'active' } };
  if (/^\d{4}$/.test(first) && !second) return { kind: 'list', filter: { kind: 'year', year: Number(first) } };
  if ((first === 'alle' || first === 'all') && !second) return { kind: 'list', filter: { kind: 'all' } };
  if ((first === 'ny' || first === 'new' || first === 'nytt') && !second) return { kind: 'new' };
  if (first === 'status') return { kind: 'status', year };
  if (first === 'innsatsområder' || first === 'innsatsomrader' || first === 'focus-areas') return { kind: 'areas', year };
  if (first === 'evaluering' || first === 'evaluation') return { kind: 'evaluation', year };
  return undefined;
}

/**
 * `tiltak` / `measures` (contract): the measures register. Everyone in a body reads its measures
 * (in a channel: that body's; in a personal chat: every body the person belongs to); coordinators
 * also register, change and evaluate them, write the focus-area status and record the board's
 * focus areas for a year. The cards' buttons go through `measure.show`.
 */
export const measuresCommand: CommandDef = {
  id: 'measures',
  words: { nb: 'tiltak', en: 'measures' },
  audience: 'member',
  argHint: { nb: ' [ny | status | ÅÅÅÅ | alle]', en: ' [new | status | YYYY | all]' },
  describe: {
    nb: 'Tiltaksregisteret: tiltak med status, evaluering og status per innsatsområde.',
    en: 'The measures register: measures with status, evaluation and status per focus area.',
  },
  async handle(req, services) {
    const view = measureViewOf(req.args);
    if (!view) return [{ type: 'text', text: pick(req.locale, MEASURE_TEXTS).command.badArgs }];
    const shown = await showMeasures(services, req, view);
    return [shown];
  },
};
