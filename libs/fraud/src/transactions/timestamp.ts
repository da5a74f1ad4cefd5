/**
 * Timestamp parsing without Date.parse, which reads "2018-04-01 00:00:31" as local time while
 * fraud data sets (the Fraud Detection Handbook's among them) mean UTC.
 */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const DIGITS = /^\d+$/;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (y: number, m: number): number => (m === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[m] ?? 0));

function isValidDateTime(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h <= 23 && mi <= 59 && s <= 59;
}

/** Offset of a zone designator in minutes ("Z", "+02", "+0200", "-05:30"). */
function zoneMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const m = digits.length > 2 ? Number(digits.slice(2)) : 0;
  return h <= 23 && m <= 59 ? sign * (h * 60 + m) : undefined;
}

function parseIso(s: string): number | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (!isValidDateTime(year, month, day, hour, minute, second)) return undefined;
  const offset = zoneMinutes(m[8]);
  if (offset === undefined) return undefined;
  const millis = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
}

/** Value of the two-digit number at `at`, or -1. */
function twoDigits(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

let cachedDate = -1;
let cachedDayMs = 0;

/** Milliseconds of an optional ".sss" at 19 followed by an optional "Z", or -1. */
function commonSuffix(s: string): number {
  let at = 19;
  let millis = 0;
  if (s.charCodeAt(at) === 46 /* . */) {
    const hundreds = s.charCodeAt(20) - 48;
    const rest = twoDigits(s, 21);
    if (hundreds < 0 || hundreds > 9 || rest < 0) return -1;
    millis = hundreds * 100 + rest;
    at = 23;
  }
  if (s.charCodeAt(at) === 90 /* Z */) at++;
  return at === s.length ? millis : -1;
}

/**
 * The layouts files almost always use — "YYYY-MM-DD HH:MM:SS" or with "T", optional ".sss"
 * and "Z" — read by character codes, a few times faster than the general regex.
 */
function parseCommonLayout(s: string): number | undefined {
  const sep = s.charCodeAt(10);
  const dashes = s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45;
  const colons = s.charCodeAt(13) === 58 && s.charCodeAt(16) === 58;
  if (!dashes || !colons || (sep !== 32 /* space */ && sep !== 84) /* T */) return undefined;
  const millis = commonSuffix(s);
  const century = twoDigits(s, 0);
  const yy = twoDigits(s, 2);
  const year = century * 100 + yy;
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  if (millis < 0 || century < 0 || yy < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  if (!isValidDateTime(year, month, day, hour, minute, second)) return undefined;
  // Rows come in time order, so consecutive ones nearly always share the day.
  const date = year * 10_000 + month * 100 + day;
  if (date !== cachedDate) {
    cachedDate = date;
    cachedDayMs = Date.UTC(year, month - 1, day);
  }
  return cachedDayMs + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
}

/** Epoch milliseconds from an ISO 8601 string, a string of digits (epoch ms) or a number. */
export function toEpochMs(v: string | number): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  return parseCommonLayout(v) ?? (DIGITS.test(v) ? Number(v) : parseIso(v));
}

const DAY_MS = 86_400_000;
const pad = (width: number, count: number): string[] =>
  Array.from({ length: count }, (_, i) => String(i).padStart(width, '0'));
const PAD2 = pad(2, 60);
const PAD3 = pad(3, 1000);
let formatDayStart = Number.NaN;
let formatDayPrefix = '';

/**
 * ISO 8601 UTC with milliseconds, as Date#toISOString (the CSV writer's largest cost when it
 * used that): the date part is made once per day, the time from lookup tables.
 */
export function formatTimestamp(ms: number): string {
  const t = Math.trunc(ms);
  let offset = t - formatDayStart;
  if (!(offset >= 0 && offset < DAY_MS)) {
    formatDayStart = t - (((t % DAY_MS) + DAY_MS) % DAY_MS);
    formatDayPrefix = new Date(formatDayStart).toISOString().slice(0, 11);
    offset = t - formatDayStart;
  }
  const seconds = Math.floor(offset / 1000);
  const hhmmss = `${PAD2[Math.floor(seconds / 3600)]}:${PAD2[Math.floor(seconds / 60) % 60]}:${PAD2[seconds % 60]}`;
  return `${formatDayPrefix}${hhmmss}.${PAD3[offset % 1000]}Z`;
}
