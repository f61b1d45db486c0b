import { parseArgs } from 'node:util';
import { reportError } from './output.js';
import { findRepoRoot, UsageError } from './repo.js';

const USAGE = `kit: render, check and inspect the clusters of this repository

Usage:
  kit render [cluster...] [--all] [--check] [--dry-run]  spec -> gitops/ (validated, atomic); --check fails when gitops/ is stale
  kit validate [cluster...] [--all] [--json] [--timings] validate the committed gitops/ tree (schemas, indexes, Bicep compiler + linter, policies, kustomize build); --timings: Bicep compile time per file
  (render, validate: --as-of YYYY-MM-DD checks the Kubernetes version's AKS support as of that day instead of today)
  kit sla [cluster...] [--all] [--json]                  composite SLA summary; writes docs/<cluster>/sla.md
  kit verify [cluster] [--json]                          compare the live AKS cluster with the spec (exit 0 in sync, 1 drift, 2 error)
  kit preflight [cluster] [--json]                       check the Kubernetes version and VM sizes are offered in the region
  kit diff [cluster...] [--all] --base <git-ref> [--json] [--output <file>]  desired-state change since a git ref (ref... = since the merge base)
  kit schemas [--check]                                  write (or check) packages/spec/schemas/*.json
  kit codeowners [--check]                               write (or check) .github/CODEOWNERS from the specs' metadata.codeowners
  kit bicep <args...>                                    run the located Bicep CLI (KIT_BICEP, pinned .cache/bicep, PATH, ~/.azure/bin)
  kit bench [--teams 10,100,1000,10000] [--runs 3] [--with-bicep]  time render + validate + write on synthetic clusters (min/median/max of each size's runs)

Exit codes: 0 success, 1 problems found (spec errors, findings, stale files, drift), 2 usage or runtime errors.
--debug adds the stack trace to an error message.`;

async function main(argv: string[]): Promise<number> {
  // Everything after `bicep` belongs to the Bicep CLI (its own --version, --help, ...), so it skips parseArgs.
  if (argv[0] === 'bicep') return (await import('./commands/bicep.js')).bicepCommand(argv.slice(1));
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      all: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      base: { type: 'string' },
      teams: { type: 'string' },
      runs: { type: 'string' },
      'with-bicep': { type: 'boolean', default: false },
      output: { type: 'string' },
      'as-of': { type: 'string' },
      timings: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      debug: { type: 'boolean', default: false },
    },
  });
  const [command, ...clusters] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const log = (line: string) => console.log(line);
  const root = findRepoRoot();
  const common = { root, clusters, all: values.all, json: values.json };
  switch (command) {
    case 'render':
      return (await import('./commands/render.js')).renderCommand({ ...common, check: values.check, dryRun: values['dry-run'], asOf: values['as-of'] }, log);
    case 'validate':
      return (await import('./commands/validate.js')).validateCommand({ ...common, asOf: values['as-of'], timings: values.timings }, log);
    case 'sla':
      return (await import('./commands/sla.js')).slaCommand(common, log);
    case 'verify':
      return (await import('./commands/live.js')).verifyCommand(common, log);
    case 'preflight':
      return (await import('./commands/live.js')).preflightCommand(common, log);
    case 'diff':
      if (!values.base) throw new UsageError('diff needs --base <git-ref>, e.g. --base origin/main');
      return (await import('./commands/diff.js')).diffCommand({ ...common, base: values.base, ...(values.output ? { output: values.output } : {}) }, log);
    case 'schemas':
      return (await import('./commands/schemas.js')).schemasCommand({ root, check: values.check }, log);
    case 'codeowners':
      return (await import('./commands/codeowners.js')).codeownersCommand({ root, check: values.check }, log);
    case 'bench':
      return (await import('./commands/bench.js')).benchCommand(
        { root, teams: (values.teams ?? '10,100,1000,10000').split(',').map(Number), runs: Number(values.runs ?? 3), bicep: values['with-bicep'] },
        log,
      );
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS_')) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    // The one error boundary: a message and the README's exit code; the stack trace only with --debug.
    const report = reportError(error, process.argv.includes('--debug'));
    console.error(report.message);
    process.exitCode = report.exitCode;
  },
);
// Errors outside the command's promise chain (a helper process's pipe closing, say) get the same treatment.
process.on('uncaughtException', (error) => {
  const report = reportError(error, process.argv.includes('--debug'));
  console.error(report.message);
  process.exit(report.exitCode);
});
