/** Human-readable number for titles and tables; undefined metrics (NaN, ±Infinity) read "n/a". */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return 'n/a';
  return Number.isInteger(value) ? String(value) : value.toFixed(digits);
}
