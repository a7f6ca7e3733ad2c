import { bodyOfPlace } from '../app/meetings';
import { nearestWorkingDay } from '../domain/calendar';
import { DEFAULT_SERIES_COUNT, nextUsualDate } from '../domain/meetings';
import { scheduleFormCard } from '../views/meetings';
import type { CommandDef } from './types';

/** Time offered when a body has no usual meeting time. */
const DEFAULT_TIME = '09:00';

/**
 * `møte` / `meeting`: the scheduling form for the body of this channel, prefilled from the
 * body's habits (next usual weekday that is a working day, usual time and duration, a series).
 */
export const meetingCommand: CommandDef = {
  id: 'meeting',
  words: { nb: 'møte', en: 'meeting' },
  aliases: ['mote'],
  audience: 'coordinator',
  describe: {
    nb: 'Planlegger et møte eller en møteserie for organet i denne kanalen.',
    en: "Schedules a meeting or a series of meetings for this channel's body.",
  },
  async handle(req, services) {
    const found = await bodyOfPlace(services.bodies, req.place, req.locale);
    if ('text' in found) return [{ type: 'text', text: found.text }];
    const { body } = found;
    const date = nearestWorkingDay(nextUsualDate(req.now, body.weekday), { forwardOnly: true }).date;
    const card = scheduleFormCard(req.locale, body, {
      date,
      time: body.time ?? DEFAULT_TIME,
      durationMinutes: body.durationMinutes,
      location: '',
      repeat: 'cadence',
      count: DEFAULT_SERIES_COUNT,
    });
    return [{ type: 'card', card }];
  },
};
