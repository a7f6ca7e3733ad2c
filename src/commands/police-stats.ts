import { policeCard } from '../app/police-stats';
import type { CommandDef } from './types';

/** `politistatistikk` / `police-stats`: the card to paste (or type) the police's figures, with a preview before anything is stored. */
export const policeStatsCommand: CommandDef = {
  id: 'police-stats',
  words: { nb: 'politistatistikk', en: 'police-stats' },
  aliases: ['politi', 'police'],
  audience: 'policeOrCoordinator',
  describe: {
    nb: 'Legg inn politiets statistikk (lim inn tabellene fra regnearket), med forhåndsvisning før noe lagres.',
    en: "Enter the police's statistics (paste the tables from the spreadsheet), with a preview before anything is stored.",
  },
  async handle(req, services) {
    return [{ type: 'card', card: policeCard(req, services, { values: {} }) }];
  },
};
