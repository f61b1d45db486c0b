import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { syntheticCluster } from '@aks-hybrid/charts';
import { applyPlan, fluxEntryDir, outputRoots, planWrite, renderCluster } from '@aks-hybrid/gitops';
import { fileSystemSource, listClusters, loadCluster } from '@aks-hybrid/spec';
import { validateRendered } from '@aks-hybrid/validate';
import { readTree } from '../read-tree.js';

interface BenchRow {
  readonly teams: number;
  readonly files: number;
  readonly bytes: number;
  readonly renderMs: number;
  readonly validateMs: number;
  readonly writeMs: number;
  readonly totalMs: number;
  readonly findings: number;
  readonly peakRssMiB: number;
  /** Validation of the written tree from disk (parse + schemas + indexes + Bicep). */
  readonly validateFromDiskMs: number;
  /** Reading and parsing the same YAML files only: the floor for any validator. */
  readonly parseOnlyMs: number;
  /** `kubectl kustomize` over the teams folder, when kubectl is installed; null = timed out. */
  readonly kubectlKustomizeMs?: number | null;
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * Renders, validates and writes a synthetic cluster of `teams` teams (3 workloads each) on top of the
 * first example cluster, in a temporary folder. Each size runs in a child process so the peak memory
 * figure is that size's own.
 */
export async function benchCommand(args: { root: string; teams: readonly number[] }, log: (line: string) => void): Promise<number> {
  if (process.env.KIT_BENCH_ONE) {
    log(JSON.stringify(await benchOnce(args.root, Number(process.env.KIT_BENCH_ONE))));
    return 0;
  }
  const rows: BenchRow[] = [];
  for (const teams of args.teams) {
    const child = spawnSync(process.execPath, [fileURLToPath(new URL('../../bin/kit.mjs', import.meta.url)), 'bench'], {
      cwd: args.root,
      env: { ...process.env, KIT_BENCH_ONE: String(teams) },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`bench with ${teams} teams failed:\n${child.stderr}`);
    rows.push(JSON.parse(child.stdout.trim().split('\n').pop()!) as BenchRow);
  }
  log(formatTable(rows));
  return rows.some((r) => r.findings > 0) ? 1 : 0;
}

async function benchOnce(root: string, teams: number): Promise<BenchRow> {
  const source = fileSystemSource(root);
  const base = loadCluster(source, listClusters(source)[0]!);
  const spec = syntheticCluster(base, { teams, workloadsPerTeam: 3 });
  const out = mkdtempSync(join(tmpdir(), 'kit-bench-'));
  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const t0 = process.hrtime.bigint();
    const objects = new Map<string, readonly unknown[]>();
    const files = renderCluster(spec, [spec], objects);
    const renderMs = ms(t0);
    const t1 = process.hrtime.bigint();
    const findings = await validateRendered(files, spec, { objects });
    const validateMs = ms(t1);
    const t2 = process.hrtime.bigint();
    applyPlan(out, planWrite(out, spec.name, files));
    const writeMs = ms(t2);
    const totalMs = ms(t0);

    // Validation from disk vs. parse only vs. kubectl kustomize, over the same written tree.
    const t3 = process.hrtime.bigint();
    const onDisk = readTree(out, outputRoots(spec.name));
    await validateRendered(onDisk, spec);
    const validateFromDiskMs = ms(t3);
    const t4 = process.hrtime.bigint();
    for (const [path, content] of readTree(out, outputRoots(spec.name))) if (path.endsWith('.yaml')) parseAllDocuments(content);
    const parseOnlyMs = ms(t4);
    const kubectlKustomizeMs = timeKubectlKustomize(join(out, fluxEntryDir(spec.name), 'teams'));
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      teams,
      files: files.size,
      bytes: [...files.values()].reduce((sum, c) => sum + Buffer.byteLength(c), 0),
      renderMs,
      validateMs,
      writeMs,
      totalMs,
      findings: findings.length,
      peakRssMiB: Math.round(peak / 2 ** 20),
      validateFromDiskMs,
      parseOnlyMs,
      ...(kubectlKustomizeMs !== undefined ? { kubectlKustomizeMs } : {}),
    };
  } finally {
    clearInterval(sample);
    rmSync(out, { recursive: true, force: true });
  }
}

/** kubectl is slow on large trees; give up after this long and report it as "more than". */
const KUBECTL_TIMEOUT_MS = 120_000;

function timeKubectlKustomize(dir: string): number | undefined {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  const start = process.hrtime.bigint();
  try {
    execFileSync('kubectl', ['kustomize', dir], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1024 * 1024 * 1024, timeout: KUBECTL_TIMEOUT_MS });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ETIMEDOUT') throw error;
    return Infinity;
  }
  return ms(start);
}

function formatTable(rows: readonly BenchRow[]): string {
  const f = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  const lines = [
    'teams  files  MiB   render ms  validate ms  write ms  total ms  peak RSS MiB  findings',
    ...rows.map((r) =>
      [String(r.teams).padStart(5), String(r.files).padStart(6), (r.bytes / 2 ** 20).toFixed(1).padStart(5), f(r.renderMs).padStart(10), f(r.validateMs).padStart(12), f(r.writeMs).padStart(9), f(r.totalMs).padStart(9), String(r.peakRssMiB).padStart(13), String(r.findings).padStart(9)].join(' '),
    ),
    '',
    'teams  validate-from-disk ms  parse-only ms  ratio  kubectl kustomize ms  speed-up',
    ...rows.map((r) =>
      [
        String(r.teams).padStart(5),
        f(r.validateFromDiskMs).padStart(22),
        f(r.parseOnlyMs).padStart(14),
        `${(r.validateFromDiskMs / r.parseOnlyMs).toFixed(2)}x`.padStart(6),
        (r.kubectlKustomizeMs === undefined ? 'n/a (no kubectl)' : r.kubectlKustomizeMs === null ? `> ${KUBECTL_TIMEOUT_MS / 1000} s` : f(r.kubectlKustomizeMs)).padStart(21),
        (r.kubectlKustomizeMs === undefined ? '-' : `${r.kubectlKustomizeMs === null ? '>' : ''}${((r.kubectlKustomizeMs ?? KUBECTL_TIMEOUT_MS) / r.validateFromDiskMs).toFixed(2)}x`).padStart(9),
      ].join(' '),
    ),
  ];
  const last = rows[rows.length - 1];
  if (last && rows.length > 1) {
    const first = rows[0]!;
    lines.push('', `growth ${first.teams} -> ${last.teams} teams: ${(last.totalMs / first.totalMs).toFixed(1)}x time for ${(last.teams / first.teams).toFixed(0)}x teams`);
  }
  return lines.join('\n');
}
