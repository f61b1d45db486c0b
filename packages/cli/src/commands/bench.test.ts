import { describe, expect, it } from 'vitest';
import { formatGeneratorLine, formatTables, spread, type BenchRow } from './bench.js';

const row = (teams: number, totalMs: number, extra: Partial<BenchRow> = {}): BenchRow => ({
  teams,
  files: teams * 7,
  bytes: teams * 23_000,
  renderMs: totalMs / 2,
  validateMs: totalMs / 4,
  writeMs: totalMs / 4,
  totalMs,
  findings: 0,
  peakRssMiB: 150,
  validateFromDiskMs: totalMs / 2,
  parseOnlyMs: totalMs / 6,
  jsonFloorMs: totalMs / 50,
  kubectlKustomizeMs: totalMs * 20,
  npmKustomizeMs: null,
  ...extra,
});

describe('bench tables', () => {
  it('GIVEN three runs THEN min, median and max are reported', () => {
    expect(spread([3, 1, 2])).toEqual({ min: 1, median: 2, max: 3 });
    expect(spread([4, 1, 2, 3])).toEqual({ min: 1, median: 2.5, max: 4 });
    expect(spread([])).toBeUndefined();
  });

  it('THEN the two tables keep their headers, tools over the time box say so, and a size over its time box is named', () => {
    const text = formatTables(
      [
        { teams: 100, rows: [row(100, 1600), row(100, 1500), row(100, 1700)], timedOut: false },
        { teams: 1000, rows: [row(1000, 17000, { kubectlKustomizeMs: null })], timedOut: true },
        { teams: 10000, rows: [], timedOut: true },
      ],
      3,
      false,
    );
    const lines = text.split('\n');
    expect(lines).toContain('teams  files  MiB   render ms  validate ms  write ms  total ms  peak RSS MiB  findings');
    expect(lines).toContain('teams  validate-from-disk ms  parse-only ms  ratio  kubectl kustomize ms  speed-up');
    expect(text).toMatch(/^\s+100\s+700\s+2\.2\s+800 \(750-850\)/m);
    expect(text).toMatch(/\(1 of 3 runs within the time box\)/);
    expect(text).toMatch(/10000\s+over the \d+ s time box/);
    expect(text).toMatch(/^\s+1000 .*> \d+ s\s+>/m);
    expect(text).toMatch(/100 teams: validation is 40\.0x faster than kubectl kustomize \(target >= 20x\)/);
    expect(text).toMatch(/per-team cost from 100 to 1000 teams: 1\.06x/);
  });

  it("THEN the generator's own share is printed as median (min-max) against its 1 s target, met or not", () => {
    expect(formatGeneratorLine([900, 700, 800])).toMatch(
      /generator's own share of nx g team-namespace --dry-run .*: 800 \(700-900\) ms \(target <= 1000 ms, met\)/,
    );
    expect(formatGeneratorLine([1500, 1200, 1300])).toMatch(/: 1300 \(1200-1500\) ms \(target <= 1000 ms, NOT met\)/);
  });
});
