import {
  describePlan,
  pendingTransactions,
  planIsEmpty,
  planWrite,
  renderAndValidate,
  withRepoLock,
  writeCluster,
  WriteRefusedError,
  type WritePlan,
} from '@aks-hybrid/gitops';
import { fileSystemSource, formatIssue, SpecError } from '@aks-hybrid/spec';
import { declaredPolicyExceptions, formatPolicyExceptions } from '@aks-hybrid/policy';
import { bicepNotCompiledNotice } from '@aks-hybrid/validate';
import { kubernetesLifecycleGate, resolveAsOf } from '../as-of.js';
import { selectClusters } from '../clusters.js';
import { formatFindings } from '../output.js';

export interface RenderArgs {
  readonly root: string;
  readonly clusters: readonly string[];
  readonly all: boolean;
  /** Write nothing; exit 1 when the committed tree differs from what the spec renders. */
  readonly check: boolean;
  /** Write nothing; show what would change. */
  readonly dryRun: boolean;
  /** YYYY-MM-DD the AKS support calendar is read for (default: today, UTC). */
  readonly asOf?: string | undefined;
}

/** render / render --check: spec -> checked files -> gitops/ (atomically), or a staleness report. */
export async function renderCommand(args: RenderArgs, log: (line: string) => void): Promise<number> {
  const source = fileSystemSource(args.root);
  const asOf = resolveAsOf(args.asOf);
  let exitCode = 0;
  // Render still works without a Bicep CLI, and says so once (validate and CI fail instead).
  const bicepNotice = bicepNotCompiledNotice();
  if (bicepNotice) log(bicepNotice);
  for (const cluster of selectClusters(source, args.clusters, args.all)) {
    const unsupported = kubernetesLifecycleGate(source, cluster, asOf, log);
    if (unsupported) {
      log(unsupported);
      exitCode = 1;
      continue;
    }
    let outcome: Awaited<ReturnType<typeof renderAndValidate>>;
    try {
      outcome = await renderAndValidate(source, cluster);
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      log(`${cluster}: ${error.message}`);
      exitCode = 1;
      continue;
    }
    for (const warning of outcome.spec.warnings ?? []) log(`${cluster}: warning: ${formatIssue(warning)}`);
    if (outcome.findings.length > 0) {
      log(`${cluster}: the rendered output fails ${outcome.findings.length} check(s); nothing was written:\n${formatFindings(outcome.findings)}`);
      exitCode = 1;
      continue;
    }
    // The gate passed, so every exception of the spec waived something: show them with their reasons.
    const exceptions = declaredPolicyExceptions(outcome.spec);
    if (exceptions.length > 0)
      log(
        `${cluster}: policy exceptions:\n${formatPolicyExceptions(exceptions)
          .map((l) => `  ${l}`)
          .join('\n')}`,
      );
    if (args.check || args.dryRun) {
      // Readers take the lock too, so they never compare with a tree a render is half-way through.
      const reading = await withRepoLock(
        args.root,
        `kit render ${cluster} ${args.check ? '--check' : '--dry-run'}`,
        () => ({
          pending: pendingTransactions(args.root, cluster),
          plan: planWrite(args.root, cluster, outcome.files),
        }),
        { log },
      );
      if (reading.pending.length > 0) {
        log(`${cluster}: an interrupted write is pending (${reading.pending.join(', ')}); run \`pnpm render\` to finish it, then check again`);
        exitCode = 1;
        continue;
      }
      if (!reportPlan(cluster, reading.plan, args.check, log)) exitCode = 1;
      continue;
    }
    let result: Awaited<ReturnType<typeof writeCluster>>;
    try {
      result = await writeCluster(args.root, cluster, outcome.files, { log });
    } catch (error) {
      if (!(error instanceof WriteRefusedError)) throw error;
      log(`${cluster}: ${error.message}`);
      exitCode = 1;
      continue;
    }
    const { plan } = result;
    const added = plan.writes.filter((w) => w.kind === 'add').length;
    log(
      `${cluster}: ${added} added, ${plan.writes.length - added} changed, ${plan.deletes.length} removed, ${plan.unchanged} unchanged; all files passed validation`,
    );
  }
  return exitCode;
}

/** --check and --dry-run: what a render would change, and whether that is a problem. */
function reportPlan(cluster: string, plan: WritePlan, check: boolean, log: (line: string) => void): boolean {
  if (plan.refusals.length > 0) {
    log(`${cluster}: the kit refuses to touch these paths; nothing would be written:\n${plan.refusals.map((r) => `  - ${r}`).join('\n')}`);
    return false;
  }
  if (check) {
    if (planIsEmpty(plan)) log(`${cluster}: gitops is up to date with the spec (${plan.unchanged} files)`);
    else log(`${cluster}: the committed files differ from what the spec renders:\n${describePlan(plan)}\nRun \`pnpm render\` and commit the result.`);
    return planIsEmpty(plan);
  }
  log(planIsEmpty(plan) ? `${cluster}: nothing to change` : `${cluster}: would change:\n${describePlan(plan)}`);
  return true;
}
