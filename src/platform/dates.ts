/** Today's date in UTC as YYYY-MM-DD, the form dates are stored and compared in. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
