import { describe, expect, it } from 'vitest';
import { Dec } from './decimal.js';
import { allowedDowntime, formatDuration, formatPercent, MONTH_SECONDS, YEAR_SECONDS } from './format.js';

const d = Dec.parse;

describe('formatPercent rounds down and shows at least 6 significant digits', () => {
  it.each([
    ['0.9995', '99.9500%'], // short figures padded to 6 significant digits
    ['0.99940005', '99.940005%'], // exact when it fits in 8
    ['0.999299610469857516249375', '99.929961%'], // truncated, not rounded (…9610 -> …961)
    ['0.99999999', '99.999999%'], // never rounded up to 100%
    ['1', '100.000%'],
    ['0.995', '99.5000%'],
    ['0.00049975', '0.0499750%'], // small numbers keep 6 significant digits
  ])('%s -> %s', (value, text) => {
    expect(formatPercent(d(value))).toBe(text);
  });
});

describe('downtime', () => {
  it('GIVEN 99.95% WHEN a 30-day month THEN 21 min 36 s exactly', () => {
    // (1 - 0.9995) x 2,592,000 s = 1296 s
    expect(allowedDowntime(d('0.9995'), MONTH_SECONDS).toString()).toBe('1296');
    expect(formatDuration(allowedDowntime(d('0.9995'), MONTH_SECONDS))).toBe('21 min 36 s');
  });

  it('GIVEN 99.9% WHEN a 365-day year THEN 8 h 45 min 36 s', () => {
    // (1 - 0.999) x 31,536,000 s = 31,536 s
    expect(formatDuration(allowedDowntime(d('0.999'), YEAR_SECONDS))).toBe('8 h 45 min 36 s');
  });

  it('rounds downtime up (the mirror of rounding the promise down)', () => {
    expect(formatDuration(d('1555.0704'))).toBe('25 min 56 s');
    expect(formatDuration(d('0.648'))).toBe('0.7 s');
    expect(formatDuration(d('59.99'))).toBe('1 min');
  });

  it('prints days for long outages and drops trailing zero units', () => {
    // Free-tier objective over a year: 0.005 x 31,536,000 = 157,680 s = 1 d 19 h 48 min
    expect(formatDuration(allowedDowntime(d('0.995'), YEAR_SECONDS))).toBe('1 d 19 h 48 min');
    expect(formatDuration(d('7200'))).toBe('2 h');
    expect(formatDuration(Dec.ZERO)).toBe('0 s');
  });
});
