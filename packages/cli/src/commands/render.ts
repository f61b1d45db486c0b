import { applyPlan, describePlan, planIsEmpty, planWrite, renderAndValidate } from '@aks-hybrid/gitops';
import { fileSystemSource, SpecError } from '@aks-hybrid/spec';
import { declaredPolicyExceptions, formatPolicyExceptions } from '@aks-hybrid/validate';
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
}

/** render / render --check: spec -> checked files -> gitops/ (atomically), or a staleness report. */
export async function renderCommand(args: RenderArgs, log: (line: string) => void): Promise<number> {
  const source = fileSystemSource(args.root);
  let exitCode = 0;
  for (const cluster of selectClusters(source, args.clusters, args.all)) {
    let outcome;
    try {
      outcome = await renderAndValidate(source, cluster);
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      log(`${cluster}: ${error.message}`);
      exitCode = 1;
      continue;
    }
    if (outcome.findings.length > 0) {
      log(`${cluster}: the rendered output fails ${outcome.findings.length} check(s); nothing was written:\n${formatFindings(outcome.findings)}`);
      exitCode = 1;
      continue;
    }
    // The gate passed, so every exception of the spec waived something: show them with their reasons.
    const exceptions = declaredPolicyExceptions(outcome.spec);
    if (exceptions.length > 0) log(`${cluster}: policy exceptions:\n${formatPolicyExceptions(exceptions).map((l) => `  ${l}`).join('\n')}`);
    const plan = planWrite(args.root, cluster, outcome.files);
    if (args.check) {
      if (planIsEmpty(plan)) log(`${cluster}: gitops is up to date with the spec (${plan.unchanged} files)`);
      else {
        log(`${cluster}: the committed files differ from what the spec renders:\n${describePlan(plan)}\nRun \`pnpm render\` and commit the result.`);
        exitCode = 1;
      }
      continue;
    }
    if (args.dryRun) {
      log(planIsEmpty(plan) ? `${cluster}: nothing to change` : `${cluster}: would change:\n${describePlan(plan)}`);
      continue;
    }
    applyPlan(args.root, plan);
    const added = plan.writes.filter((w) => w.kind === 'add').length;
    log(`${cluster}: ${added} added, ${plan.writes.length - added} changed, ${plan.deletes.length} removed, ${plan.unchanged} unchanged; all files passed validation`);
  }
  return exitCode;
}
