/**
 * Times synthClusterManifests for 10, 100 and 1,000 synthetic teams (3 workloads each) built on the
 * example cluster. Run from the repository root:
 *   pnpm exec tsx --conditions=@aks-hybrid/source packages/charts/scripts/bench-synth.ts [repoRoot]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileSystemSource, loadCluster } from '@aks-hybrid/spec';
import { synthClusterManifests, syntheticCluster } from '../src/index.js';

const repoRoot = process.argv[2] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const base = loadCluster(fileSystemSource(repoRoot), 'weu-prod');

// The first, cold run is what a one-shot CLI pays: measure it on its own, then warm runs.
{
  const spec = syntheticCluster(base, { teams: 1000 });
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  synthClusterManifests(spec);
  const used = process.cpuUsage(cpuStart);
  console.log(` cold 1000 teams: wall ${(performance.now() - start).toFixed(0)} ms, CPU ${((used.user + used.system) / 1000).toFixed(0)} ms`);
}

for (const teams of [10, 100, 1000]) {
  const spec = syntheticCluster(base, { teams });
  const runs: number[] = [];
  const cpu: number[] = [];
  let objects = 0;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const units = synthClusterManifests(spec);
    runs.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    objects = units.reduce((n, u) => n + u.files.reduce((m, f) => m + f.objects.length, 0), 0);
  }
  runs.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  console.log(
    `${String(teams).padStart(5)} teams: ${String(objects).padStart(6)} objects, wall median ${runs[1]!.toFixed(0)} ms (min ${runs[0]!.toFixed(0)}, max ${runs[2]!.toFixed(0)}), CPU median ${cpu[1]!.toFixed(0)} ms`,
  );
}
