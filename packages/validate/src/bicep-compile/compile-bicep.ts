import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import {
  BicepNotFoundError,
  BicepRunError,
  HOW_TO_GET_BICEP,
  locateBicep,
  requireBicep,
  sharedBicepSession,
  type BicepDiagnostic,
  type BicepLocation,
  type BicepSession,
} from '@aks-hybrid/bicep';
import type { Finding } from '@aks-hybrid/policy';
import { compileResultCache, compileResultKey } from './result-cache.js';

/** The resources one `.bicepparam` would deploy, as `bicep snapshot` predicts them. */
export interface PredictedDeployment {
  /** Repo path of the .bicepparam file. */
  readonly file: string;
  readonly resources: readonly PredictedResource[];
}

/** One predicted resource: ARM's resource shape (`type`, `name`, `properties`, ...), values evaluated. */
export interface PredictedResource {
  readonly type: string;
  readonly name: string;
  readonly [property: string]: unknown;
}

export interface BicepCompilation {
  /** Every compiler and linter Error or Warning; a missing CLI when the compiler is required. */
  readonly findings: Finding[];
  /** Info diagnostics, and "not compiled" when the CLI is missing and not required. */
  readonly notes: string[];
  readonly deployments: PredictedDeployment[];
  /** False when no Bicep CLI was found. */
  readonly compiled: boolean;
  /** Milliseconds spent compiling, linting and snapshotting each .bicepparam's deployment. */
  readonly timings: ReadonlyMap<string, number>;
  /** Files whose result came from the on-disk cache of compiler results (same compiler, same sources). */
  readonly cached: readonly string[];
}

export interface CompileBicepOptions {
  /** A missing CLI is a finding (validate, CI) rather than a note (render). @default bicepRequired() */
  readonly required?: boolean;
  /** Reuse compiler results from the on-disk cache (result-cache.ts). @default true */
  readonly cache?: boolean;
}

export const BICEP_COMPILER_RULE = 'bicep-compiler';

/** CI and `kit validate` need the compiler: KIT_REQUIRE_BICEP=1 (set by .ci/run) or CI=true. */
export function bicepRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.KIT_REQUIRE_BICEP === '1' || env.CI === 'true';
}

/** The one line a command that carries on without the compiler (render) prints; undefined when a CLI is found. */
export function bicepNotCompiledNotice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return locateBicep(env) ? undefined : `The Bicep was not compiled: no Bicep CLI found. ${HOW_TO_GET_BICEP}`;
}

const AZURE_ROOT = 'gitops/azure/';
/** A deployable entry point: a .bicep file directly in a folder of gitops/azure/ (modules live below it). */
const ENTRY_TEMPLATE = /^gitops\/azure\/[^/]+\/[^/]+\.bicep$/;

/**
 * Compiles the rendered Bicep with the real compiler before anything is written: the files (in memory) go to a
 * temporary folder laid out as in the repository, each `.bicepparam` is built (`bicep build-params`) and
 * snapshotted (`bicep snapshot`), each entry template is linted under its bicepconfig.json. Every Error and
 * Warning is a finding naming the repository path, the line and the BCP code or linter rule.
 */
export async function compileBicep(files: ReadonlyMap<string, string>, options: CompileBicepOptions = {}): Promise<BicepCompilation> {
  // By path first: only the Azure files' text is read (a large render keeps the rest out of memory).
  const azure = [...files.keys()].filter((path) => path.startsWith(AZURE_ROOT)).map((path) => [path, files.get(path)!] as const);
  const params = azure
    .map(([path]) => path)
    .filter((path) => path.endsWith('.bicepparam'))
    .sort();
  const templates = azure
    .map(([path]) => path)
    .filter((path) => ENTRY_TEMPLATE.test(path))
    .sort();
  const empty = { findings: [], notes: [], deployments: [], compiled: true, timings: new Map(), cached: [] };
  if (params.length === 0 && templates.length === 0) return empty;

  let location: BicepLocation;
  try {
    location = requireBicep();
  } catch (error) {
    if (!(error instanceof BicepNotFoundError)) throw error;
    const message = `the Bicep was not compiled, so neither the compiler and linter nor the policy gate's Azure rules checked it: ${error.message}`;
    const required = options.required ?? bicepRequired();
    return {
      ...empty,
      compiled: false,
      findings: required ? [{ file: params[0] ?? templates[0]!, rule: BICEP_COMPILER_RULE, message }] : [],
      notes: required ? [] : [message],
    };
  }

  const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'kit-bicep-')));
  try {
    for (const [path, content] of azure) {
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      writeFileSync(join(scratch, path), content);
    }
    const seen = new Set<string>();
    const findings: Finding[] = [];
    const notes: string[] = [];
    const report = (diagnostics: readonly BicepDiagnostic[]) => {
      for (const d of diagnostics) {
        const file = repoPath(scratch, d.file);
        const key = `${file}:${d.line}:${d.column}:${d.code}:${d.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const where = `${d.level} at line ${d.line}, column ${d.column}`;
        if (d.level === 'Info') notes.push(`${file}:${d.line}:${d.column} bicep ${d.code}: ${d.message}`);
        else findings.push({ file, line: d.line, rule: d.code, message: `${where}: ${d.message}` });
      }
    };
    const deployments: PredictedDeployment[] = [];
    const timings = new Map<string, number>();
    const cached: string[] = [];
    const disk = options.cache === false ? undefined : compileResultCache();
    // Started only on a cache miss: a render whose Bicep did not change never pays the CLI's start-up.
    let session: BicepSession | undefined;
    const compiler = () => (session ??= sharedBicepSession());
    const toRepo = (diagnostics: readonly BicepDiagnostic[]) => diagnostics.map((d) => ({ ...d, file: repoPath(scratch, d.file) }));
    for (const path of params) {
      const started = performance.now();
      const key = compileResultKey(location, `snapshot\0${path}`, templateSourcesDigest(azure, path));
      let compiled = disk?.get<{ diagnostics: BicepDiagnostic[]; predictedResources: unknown[] }>(key);
      if (compiled) cached.push(path);
      else {
        const fresh = await guarded(path, findings, () => compiler().snapshot(join(scratch, path)));
        if (fresh) {
          compiled = { diagnostics: toRepo(fresh.diagnostics), predictedResources: fresh.predictedResources };
          disk?.set(key, compiled);
        }
      }
      if (compiled) {
        report(compiled.diagnostics);
        // Parameters that do not build predict nothing; the policy gate must not read that as "no resources".
        if (!compiled.diagnostics.some((d) => d.level === 'Error'))
          deployments.push({ file: path, resources: compiled.predictedResources as PredictedResource[] });
      }
      timings.set(path, performance.now() - started);
    }
    for (const path of templates) {
      const started = performance.now();
      // Clusters share one template: with the cache on, it is linted once per set of Bicep sources.
      const key = compileResultKey(location, `lint\0${path}`, templateSourcesDigest(azure, path));
      let diagnostics = disk?.get<BicepDiagnostic[]>(key);
      if (diagnostics) cached.push(path);
      else {
        const found = await guarded(path, findings, () => compiler().lint(join(scratch, path)));
        if (found) {
          diagnostics = toRepo(found);
          disk?.set(key, diagnostics);
        }
      }
      if (diagnostics) report(diagnostics);
      timings.set(path, performance.now() - started);
    }
    findings.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.rule.localeCompare(b.rule));
    return { findings, notes, deployments, compiled: true, timings, cached };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Digest of what a template or parameter file can read: every .bicep and bicepconfig.json, and every file of its
 * own folder (loadJsonContent, loadTextContent). Other clusters' own files do not change it.
 */
function templateSourcesDigest(files: readonly (readonly [string, string])[], template: string): string {
  const folder = `${dirname(template)}/`;
  const hash = createHash('sha256');
  for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (path.endsWith('.bicep') || path.endsWith('/bicepconfig.json') || path.startsWith(folder)) hash.update(`${path}\0${content}\0`);
  }
  return hash.digest('hex');
}

/** Runs one compiler request; a crash or time-out of the CLI becomes a finding on that file, not an exception. */
async function guarded<T>(file: string, findings: Finding[], request: () => Promise<T>): Promise<T | undefined> {
  try {
    return await request();
  } catch (error) {
    if (!(error instanceof BicepRunError)) throw error;
    findings.push({ file, rule: BICEP_COMPILER_RULE, message: `the Bicep compiler failed: ${error.message}` });
    return undefined;
  }
}

/** The repository path of a file the compiler names inside the scratch folder (others, e.g. registry modules, as given). */
function repoPath(scratch: string, file: string): string {
  if (!isAbsolute(file)) return file;
  const inside = relative(scratch, file);
  return inside.startsWith('..') || isAbsolute(inside) ? file : inside.split(sep).join('/');
}
