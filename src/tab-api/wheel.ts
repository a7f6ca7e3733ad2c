import { annualWheelMarkers, utcToOslo } from '../domain/calendar';
import { isHeld, type Meeting } from '../domain/meetings';
import type { MeetingRepository } from '../storage/table/meetings';
import type { WheelMeeting, WheelResponse } from './contract';
import type { TabViewer } from './viewer';

/**
 * The annual wheel (*årshjul*) of an Oslo calendar year: the seasonal markers of DOMAIN.md
 * "The year" and the meetings — held, planned and cancelled — of every body the viewer may read
 * (the bot's `møter` in a personal chat shows the same bodies). One partition read per body.
 */
export async function wheelFor(
  meetings: Pick<MeetingRepository, 'listForBody'>,
  v: TabViewer,
  year: number,
  now: Date,
  locale: 'nb' | 'en',
): Promise<WheelResponse> {
  const lists = await Promise.all(v.bodies.map(async (b) => ({ body: b, list: await meetings.listForBody(v.scope.tenantId, b.id) })));
  const out: WheelMeeting[] = [];
  for (const { body, list } of lists) {
    for (const m of list) {
      const oslo = utcToOslo(m.startUtc);
      if (!oslo.date.startsWith(`${year}-`)) continue;
      out.push({
        id: m.id,
        bodyId: body.id,
        bodyName: body.name,
        kind: body.kind,
        date: oslo.date,
        time: oslo.time,
        status: statusOf(m, now),
        location: m.location,
      });
    }
  }
  out.sort((a, b) => `${a.date}${a.time}`.localeCompare(`${b.date}${b.time}`));
  return {
    year,
    today: utcToOslo(now.toISOString()).date,
    markers: annualWheelMarkers(year).map(({ nb, en, ...rest }) => ({ ...rest, label: locale === 'en' ? en : nb })),
    meetings: out,
  };
}

function statusOf(m: Meeting, now: Date): WheelMeeting['status'] {
  if (m.status === 'cancelled') return 'cancelled';
  return isHeld(m, now) ? 'held' : 'planned';
}
