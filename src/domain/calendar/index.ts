/**
 * Calendar part of the meetings domain: Oslo time, Norwegian holidays, meeting series, ICS and
 * display formatting. Pure logic — depends only on luxon, date-holidays and ics.
 */
export { OSLO, osloToUtc, utcToOslo, osloToday, isValidTime, type WallClock } from './time';
export {
  isNorwegianHoliday,
  isWorkingDay,
  nearestWorkingDay,
  nonWorkingReason,
  firstWorkingDayOfMonth,
  type NonWorkingDay,
  type WorkingDayMove,
} from './holidays';
export {
  validateMeetingInput,
  calendarErrorKey,
  calendarErrorText,
  MEETING_LIMITS,
  type CalendarError,
} from './validation';
export { planSeries, DEFAULT_CADENCE_WEEKS, type PlannedOccurrence } from './series';
export { meetingIcs, meetingUid, type MeetingIcsInput } from './ics';
export { formatMeetingTime, formatDate } from './format';
export { annualWheelMarkers, type AnnualWheelMarker } from './annual-wheel';
