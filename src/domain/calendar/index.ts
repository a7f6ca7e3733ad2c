/**
 * Calendar part of the meetings domain: Oslo time, Norwegian holidays, meeting series, ICS and
 * display formatting. Pure logic — depends only on luxon, date-holidays and ics.
 */

export { type AnnualWheelMarker, annualWheelMarkers } from './annual-wheel';
export { formatDate, formatMeetingTime } from './format';
export {
  firstWorkingDayOfMonth,
  isNorwegianHoliday,
  isWorkingDay,
  type NonWorkingDay,
  nearestWorkingDay,
  nonWorkingReason,
  type WorkingDayMove,
} from './holidays';
export { type MeetingIcsInput, meetingIcs, meetingUid } from './ics';
export { DEFAULT_CADENCE_WEEKS, type PlannedOccurrence, planSeries } from './series';
export { isValidTime, OSLO, osloToday, osloToUtc, utcToOslo, type WallClock } from './time';
export {
  type CalendarError,
  calendarErrorKey,
  calendarErrorText,
  MEETING_LIMITS,
  validateMeetingInput,
} from './validation';
