import { logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import { fluxEntryDir, manifestPath, renderAndValidate } from '@aks-hybrid/gitops';
import { memorySource, SpecError } from '@aks-hybrid/spec';
import { gitIn, type Git } from '../internal/commit-on-branch.js';
import { treeSource } from '../team-namespace/tree-source.js';
import { checkOffboardCommit, commitOffboarding } from './offboard-commit.js';
import { normalizeOffboardOptions, OffboardingError } from './offboard-options.js';
import { offboardingRunbook, runbookPath } from './runbook.js';
import type { TeamRemoveGeneratorSchema } from './schema.js';
import { guardedWritePlan } from '../internal/guarded-write-plan.js';

export interface TeamRemoveDependencies {
  /** Runs git for --commit (injected in tests); default: git in the workspace root. */
  readonly git?: Git;
}

/**
 * `nx g team-remove`: deletes the team's spec file and re-renders the cluster without it, through
 * the same renderAndValidate as `kit render`, so the writer's manifest prunes the team's generated
 * files. Everything is checked in memory first; the Tree is touched only when all checks passed.
 * The namespace itself stays (Flux prune protection): the irreversible steps are a runbook, printed
 * or, with --runbook, written to docs/offboarding/.
 */
export async function teamRemoveGenerator(tree: Tree, schema: TeamRemoveGeneratorSchema, deps: TeamRemoveDependencies = {}): Promise<GeneratorCallback> {
  const options = normalizeOffboardOptions(tree, schema);
  const { name, cluster, teamFile, team, spec } = options;
  if (!team) {
    // Unknown, or removed by an earlier run: say so, write nothing (a second run is a no-op).
    const folder = `${fluxEntryDir(cluster)}/teams/${name}`;
    const leftovers = tree.exists(folder) ? tree.children(folder) : [];
    if (leftovers.length > 0) {
      throw new OffboardingError(
        `${teamFile} does not exist but ${folder}/ still holds generated files; run \`pnpm render\` to prune them. Nothing was written.`,
      );
    }
    const teams = spec.teams.map((t) => t.name).join(', ') || '(none)';
    // Said now, not in the callback, so that --dry-run says it too.
    logger.info(`Team ${name} is not a team of ${cluster} (teams: ${teams}); nothing to remove.`);
    return () => {};
  }

  // Render the cluster as if the team file were gone: the same code path as the render target.
  const source = memorySource(new Map([[teamFile, undefined]]), treeSource(tree));
  let outcome: Awaited<ReturnType<typeof renderAndValidate>>;
  try {
    outcome = await renderAndValidate(source, cluster);
  } catch (error) {
    if (error instanceof SpecError) throw new OffboardingError(`the cluster does not load without team ${name}; nothing was written:\n${error.message}`);
    throw error;
  }
  if (outcome.findings.length > 0) {
    throw new OffboardingError(
      `the cluster fails validation without team ${name} (e.g. a platform exception still names its objects); nothing was written:\n${outcome.findings.map((f) => `  - ${f.file}: ${f.message}`).join('\n')}`,
    );
  }
  // One writer at a time, as team-namespace: held until Nx has flushed the Tree (callback) or the process exits.
  const { plan, releaseLock } = await guardedWritePlan(tree, cluster, outcome.files, {
    command: `nx g team-remove ${name}`,
    refuse: (message) => new OffboardingError(message),
    retry: 'run this again',
    overwrite: 'offboarding would overwrite or delete the edits',
  });

  const runbook = offboardingRunbook(spec, team);
  const runbookFile = runbookPath(cluster, name);
  const git = deps.git ?? gitIn(tree.root);
  const owned = new Set([teamFile, manifestPath(cluster), ...outcome.files.keys(), ...plan.deletes, ...(options.runbook ? [runbookFile] : [])]);
  const commitPlan = options.commit ? checkOffboardCommit(name, owned, git) : undefined;

  // All checks passed: now, and only now, touch the Tree.
  tree.delete(teamFile);
  for (const change of plan.writes) tree.write(change.path, change.content);
  for (const path of plan.deletes) tree.delete(path);
  if (options.runbook) tree.write(runbookFile, runbook);
  const changed = [teamFile, ...plan.writes.map((w) => w.path), ...plan.deletes, ...(options.runbook ? [runbookFile] : [])];
  // Printed here, not in the callback: Nx skips callbacks on --dry-run, and the runbook is what a dry run is for.
  logger.info(options.runbook ? `The runbook of the irreversible steps goes to ${runbookFile}: follow it after the merge.` : runbook);

  return () => {
    releaseLock(); // Nx has flushed the Tree by now
    logger.info(`Team ${name} removed from ${cluster}: ${changed.length} files changed (its spec, its generated files, the indexes).`);
    if (!commitPlan) return;
    const files = [...new Set([...changed, ...commitPlan.pendingOwnFiles])].sort();
    commitOffboarding(name, cluster, commitPlan, files, git);
    logger.info(`Committed ${files.length} files on branch ${commitPlan.branch}. Push it and open a pull request: git push -u origin ${commitPlan.branch}`);
  };
}
