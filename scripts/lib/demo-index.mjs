// The demo's sample index: the sample minutes are from 2020, so every deadline in the fixture is years past
// ("6 y overdue" on every badge). For `npm start` only, the deadlines move by whole days so that the 27 August
// 2020 meeting (the page the demo opens) took place ten days before today: one document is overdue, most are
// due within the week, the delivered one a few weeks on. The fixture itself (tests/fixtures/sample-index.json)
// is left as it is; the tests read it unchanged.
import { addDays, daysBetween, localToday } from '../../utils/shared/calendar.ts';

/** The meeting whose minutes the demo opens first (minutes-4.html). */
export const DEMO_MEETING = '2020-08-27';
/** How long ago that meeting seems to have been, in the demo. */
export const DAYS_SINCE_MEETING = 10;

/**
 * The whole days to add to every 2020 date so that DEMO_MEETING falls DAYS_SINCE_MEETING days before `today`.
 * @param {string} today YYYY-MM-DD
 */
export function demoShift(today) {
  return daysBetween(DEMO_MEETING, addDays(today, -DAYS_SINCE_MEETING));
}

/**
 * A copy of an interchange file with every document's deadline (and meeting date) moved by `demoShift(today)`.
 * @param {{ documents: Array<Record<string, unknown>> } & Record<string, unknown>} file
 * @param {string} [today] YYYY-MM-DD; the local date by default
 */
export function shiftDeadlines(file, today = localToday()) {
  const shift = demoShift(today);
  const move = (/** @type {unknown} */ day) =>
    typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? addDays(day, shift) : day;
  return {
    ...file,
    documents: file.documents.map((d) => {
      const out = { ...d };
      if (out.deadline !== undefined) out.deadline = move(out.deadline);
      if (out.sourceDate !== undefined) out.sourceDate = move(out.sourceDate);
      return out;
    }),
  };
}
