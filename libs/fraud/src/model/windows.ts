const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A half-open time range [start, end) in epoch ms. */
export interface TimeWindow {
  start: number;
  end: number;
}

/** Parses YYYY-MM-DD as the start of that UTC day. */
export function parseUtcDay(value: string, flag: string): number {
  const time = DATE.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  if (Number.isNaN(time)) throw new Error(`${flag} must be a date like 2018-07-25 (got "${value}")`);
  return time;
}

/** An inclusive range of UTC days, e.g. 2018-07-25..2018-07-31, as [start, end). */
export function dayWindow(from: string, until: string, flags: [string, string]): TimeWindow {
  const start = parseUtcDay(from, flags[0]);
  const end = parseUtcDay(until, flags[1]) + DAY_MS;
  if (end <= start) throw new Error(`${flags[1]} (${until}) is before ${flags[0]} (${from})`);
  return { start, end };
}

export function inWindow(timestamp: number, window: TimeWindow): boolean {
  return timestamp >= window.start && timestamp < window.end;
}

export function windowDays(window: TimeWindow): number {
  return Math.round((window.end - window.start) / DAY_MS);
}

/**
 * Splits a labelled window in time: the earlier part fits the model, the later part
 * tunes it (early stopping, decision thresholds), as the model will meet later data.
 */
export function splitLabelledWindow(window: TimeWindow, validationDays: number): { fit: TimeWindow; validation: TimeWindow } {
  const days = windowDays(window);
  if (validationDays < 1 || validationDays >= days) {
    throw new Error(`the validation part (${validationDays} days) must be shorter than the training window (${days} days)`);
  }
  const boundary = window.end - validationDays * DAY_MS;
  return { fit: { start: window.start, end: boundary }, validation: { start: boundary, end: window.end } };
}

export function formatDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
