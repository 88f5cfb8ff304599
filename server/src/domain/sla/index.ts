export {
  addBusinessMinutes,
  businessMinutesBetween,
  businessSpansFrom,
  businessSpansWithin,
  calendarProblems,
  daySpans,
  isBusinessTime,
  parseHhMm,
  weeklyHoursProblems,
  type BusinessCalendar,
  type CalendarProblem,
  type Span,
  type WeeklyHours,
} from './calendar.js';
export * from './clock.js';
export { addDays, formatDate, isValidTimeZone, localTime, offsetAt, weekdayOf, WEEKDAYS, zonedToUtc, type LocalDate, type LocalTime, type Weekday } from './zoned.js';
