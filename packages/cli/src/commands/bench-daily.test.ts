import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { timeDailyCommands } from './bench-daily.js';
import { formatDailyLines } from './bench.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

describe('daily commands in the bench', () => {
  it('GIVEN the bundled example THEN `kit render --check` and `nx g team-namespace --dry-run` run as a user starts them and are timed', () => {
    const times = timeDailyCommands(root, 'weu-prod', true);
    expect(times.renderCheckMs).toBeGreaterThan(0);
    expect(times.nxGenerateMs).toBeGreaterThan(0);
  }, 180_000);

  it('GIVEN a command that fails THEN the bench stops with its message instead of timing the failure', () => {
    expect(() => timeDailyCommands(root, 'no-such-cluster', false)).toThrow(
      /kit render no-such-cluster --check failed \(exit 1\):[\s\S]*cluster "no-such-cluster" does not exist/,
    );
  }, 60_000);

  it('THEN each is printed as median (min-max) against its target, met or not; nothing when none ran', () => {
    const lines = formatDailyLines([
      { renderCheckMs: 800, nxGenerateMs: 2000 },
      { renderCheckMs: 700, nxGenerateMs: 3500 },
      { renderCheckMs: 1200, nxGenerateMs: 3200 },
    ]);
    expect(lines).toEqual([
      'kit render <cluster> --check (fresh process): 800 (700-1200) ms wall (target <= 1000 ms, met)',
      'nx g team-namespace --dry-run (fresh process, no Nx daemon): 3200 (2000-3500) ms wall (target <= 3000 ms, NOT met)',
    ]);
    expect(formatDailyLines([{ renderCheckMs: 1001 }])).toEqual(['kit render <cluster> --check (fresh process): 1001 ms wall (target <= 1000 ms, NOT met)']);
    expect(formatDailyLines([])).toEqual([]);
  });
});
