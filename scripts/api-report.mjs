#!/usr/bin/env node
// API reports (docs/decisions/0014-api-reports.md): one `api/<name>.api.md` per published package, written by
// API Extractor from the declarations of the package's src/index.ts, so that a change to a public surface shows in
// review as a diff of that file.
//   node scripts/api-report.mjs --check    fails when a report is missing or stale (pnpm api:check)
//   node scripts/api-report.mjs --update   rewrites the reports (pnpm api:update)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// One folder per run, so that two runs at once (an update and a check) never read each other's half-written files.
const CACHE = join(ROOT, '.cache', 'api-report', `run-${process.pid}`);
const DTS = join(CACHE, 'dts');
const require = createRequire(import.meta.url);

const mode = process.argv[2];
if (mode !== '--check' && mode !== '--update') {
  console.error('usage: node scripts/api-report.mjs --check|--update');
  process.exit(2);
}
const update = mode === '--update';

/** Every workspace package with a main entry point: packages/<dir> and generators. */
function entryPackages() {
  const dirs = readdirSync(join(ROOT, 'packages'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join('packages', d.name));
  return [...dirs, 'generators']
    .filter((dir) => existsSync(join(ROOT, dir, 'src', 'index.ts')) && existsSync(join(ROOT, dir, 'package.json')))
    .map((dir) => ({ dir, name: JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')).name }));
}

/** The declarations of every entry point, in one compiler run (workspace imports resolve to their sources). */
function emitDeclarations() {
  rmSync(DTS, { recursive: true, force: true });
  const tsc = require.resolve('typescript/bin/tsc');
  const args = [tsc, '-p', join(ROOT, 'scripts', 'api-report.tsconfig.json'), '--outDir', DTS];
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) {
    rmSync(CACHE, { recursive: true, force: true });
    console.error(`${run.stdout}${run.stderr}`);
    console.error('api-report: the declarations do not compile (see above); fix the type errors (pnpm typecheck) and run again');
    process.exit(1);
  }
}

/** API Extractor's settings for one package; the report is written to <dir>/api/<unscoped name>.api.md. */
function configFor({ dir, name }) {
  const unscoped = name.replace(/^@[^/]+\//, '');
  return ExtractorConfig.prepare({
    configObject: {
      projectFolder: join(ROOT, dir),
      mainEntryPointFilePath: join(DTS, dir, 'src', 'index.d.ts'),
      compiler: {
        // Other workspace packages stay external imports in the report: whether they resolve (a build's dist/) or not,
        // API Extractor treats a package specifier as external, and the typecheck is `pnpm typecheck`'s job.
        overrideTsconfig: {
          compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, types: ['node'] },
          include: [join(DTS, dir, 'src', 'index.d.ts')],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: unscoped,
        reportFolder: join(ROOT, dir, 'api'),
        reportTempFolder: join(CACHE, 'temp', unscoped),
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        // The kit does not tag its exports @public/@beta: everything exported is public.
        extractorMessageReporting: {
          'ae-missing-release-tag': { logLevel: 'none', addToApiReportFile: false },
          // A type used by a public signature but not exported shows in the report as such, for the reviewer.
          'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: true },
          // Documentation is not required of every member; the report marks what has none.
          'ae-undocumented': { logLevel: 'none', addToApiReportFile: false },
          default: { logLevel: 'warning', addToApiReportFile: true },
        },
        compilerMessageReporting: { default: { logLevel: 'none', addToApiReportFile: false } },
        tsdocMessageReporting: { default: { logLevel: 'none', addToApiReportFile: false } },
      },
      newlineKind: 'lf',
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: join(ROOT, dir, 'package.json'),
  });
}

const started = Date.now();
emitDeclarations();
const problems = [];
for (const pkg of entryPackages()) {
  mkdirSync(join(ROOT, pkg.dir, 'api'), { recursive: true });
  const config = configFor(pkg);
  const existed = existsSync(config.reportFilePath);
  let result;
  try {
    result = Extractor.invoke(config, {
      localBuild: update,
      messageCallback: (message) => {
        // Only what needs action is printed; the report itself says everything else.
        if (message.logLevel === ExtractorLogLevel.Info || message.logLevel === ExtractorLogLevel.Verbose) message.handled = true;
        if (message.messageId.startsWith('console-api-report')) message.handled = true;
      },
    });
  } catch (error) {
    problems.push(`${pkg.dir}: API Extractor could not read the declarations (${error instanceof Error ? error.message : String(error)})`);
    continue;
  }
  const report = relative(ROOT, config.reportFilePath);
  if (result.errorCount > 0) problems.push(`${report}: API Extractor reported ${result.errorCount} error(s) (above)`);
  else if (result.apiReportChanged && !update)
    problems.push(existed ? `${report}: stale; the public API of ${pkg.name} changed` : `${report}: missing (a new package?)`);
  else if (result.apiReportChanged) console.log(`api-report: updated ${report}`);
}

rmSync(CACHE, { recursive: true, force: true });
if (problems.length > 0) {
  console.error(problems.map((p) => `api-report: ${p}`).join('\n'));
  console.error('api-report: review the change to the public API, then run `pnpm api:update` and commit the api/*.api.md files');
  process.exit(1);
}
console.log(`api-report: ${update ? 'reports written' : 'every report is current'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
