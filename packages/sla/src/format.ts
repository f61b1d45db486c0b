import { Dec } from './decimal.js';

/** Significant digits printed for availabilities (at least 6 are always shown). */
export const SIGNIFICANT_DIGITS = 8;
const MIN_SIGNIFICANT_DIGITS = 6;

/** The SLA month is 30 days (the report's convention), the year 365 days. */
export const MONTH_SECONDS = Dec.of(30n * 24n * 3600n);
export const YEAR_SECONDS = Dec.of(365n * 24n * 3600n);

/**
 * An availability as a percentage, ROUNDED DOWN (a promise must never be overstated): the exact
 * value when it fits in `significant` digits, otherwise truncated to that many; never fewer than 6.
 */
export function formatPercent(availability: Dec, significant = SIGNIFICANT_DIGITS): string {
  const p = availability.shift(2);
  if (p.isZero()) return '0%';
  if (p.isNegative()) throw new Error(`negative availability: ${availability.toString()}`);
  const magnitude = p.floor() > 0n ? p.floor().toString().length - 1 : -leadingFractionZeros(p) - 1;
  const minDecimals = Math.max(0, MIN_SIGNIFICANT_DIGITS - 1 - magnitude);
  const maxDecimals = Math.max(minDecimals, significant - 1 - magnitude);
  const decimals = Math.min(Math.max(p.scale, minDecimals), maxDecimals);
  const truncated = Dec.of(p.shift(decimals).floor()).shift(-decimals);
  return `${fixed(truncated, decimals)}%`;
}

/** A short exact figure as published (`99.95%`): for component figures, which are never rounded. */
export function formatExactPercent(availability: Dec): string {
  return `${availability.shift(2).toString()}%`;
}

/** Downtime that an availability allows over a period, exactly: (1 - a) x period. */
export function allowedDowntime(availability: Dec, periodSeconds: Dec): Dec {
  return availability.complement().mul(periodSeconds);
}

/**
 * A duration for people, ROUNDED UP (allowed downtime is the mirror of the promise): tenths of a
 * second below a minute, whole seconds above, e.g. `4 h 22 min 48 s`.
 */
export function formatDuration(seconds: Dec): string {
  if (seconds.isZero()) return '0 s';
  if (seconds.cmp(Dec.of(60n)) < 0) {
    const tenths = seconds.shift(1).ceil();
    if (tenths < 600n) return `${fixed(Dec.of(tenths).shift(-1), 1)} s`;
  }
  let rest = seconds.ceil();
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86400n],
    ['h', 3600n],
    ['min', 60n],
  ] as const) {
    const count = rest / size;
    rest -= count * size;
    if (count > 0n || parts.length > 0) parts.push(`${count} ${unit}`);
  }
  parts.push(`${rest} s`);
  // Drop zero units at the end ("2 h 0 min 0 s" reads better as "2 h").
  while (parts.length > 1 && /^0 /.test(parts[parts.length - 1]!)) parts.pop();
  return parts.join(' ');
}

function leadingFractionZeros(p: Dec): number {
  const fraction = p.toString().split('.')[1] ?? '';
  return fraction.length - fraction.replace(/^0+/, '').length;
}

function fixed(value: Dec, decimals: number): string {
  const [whole, fraction = ''] = value.toString().split('.');
  return decimals === 0 ? whole! : `${whole}.${fraction.padEnd(decimals, '0')}`;
}
