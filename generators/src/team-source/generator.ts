import { logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import { manifestPath, renderAndValidate } from '@aks-hybrid/gitops';
import { memorySource, SpecError } from '@aks-hybrid/spec';
import { gitIn, type Git } from '../internal/commit-on-branch.js';
import { guardedWritePlan } from '../internal/guarded-write-plan.js';
import { treeSource } from '../team-namespace/tree-source.js';
import type { TeamSourceGeneratorSchema } from './schema.js';
import { checkSourceCommit, commitSource } from './source-commit.js';
import { normalizeSourceOptions, TeamSourceError } from './source-options.js';
import { withSource } from './team-file-edit.js';

export interface TeamSourceDependencies {
  /** Runs git for --commit (injected in tests); default: git in the workspace root. */
  readonly git?: Git;
}

/**
 * `nx g team-source`: adds or replaces one source of a team's spec.delivery and re-renders the cluster
 * through the same renderAndValidate as `kit render`. The spec checks (allow-list, names, refs,
 * credentials) and the schema and policy validation all run in memory first; the Tree is touched only
 * when everything passed, so a refused URL writes nothing and --dry-run shows exactly what `render` would.
 */
export async function teamSourceGenerator(tree: Tree, schema: TeamSourceGeneratorSchema, deps: TeamSourceDependencies = {}): Promise<GeneratorCallback> {
  const { cluster, team, entry, commit } = normalizeSourceOptions(tree, schema);
  const teamFile = team.file;
  const existing = tree.read(teamFile, 'utf8')!;
  const content = withSource(existing, entry);

  const source = memorySource(new Map([[teamFile, content]]), treeSource(tree));
  let outcome: Awaited<ReturnType<typeof renderAndValidate>>;
  try {
    outcome = await renderAndValidate(source, cluster);
  } catch (error) {
    if (error instanceof SpecError) throw new TeamSourceError(`the source cannot be added: ${error.message}`);
    throw error;
  }
  if (outcome.findings.length > 0) {
    throw new TeamSourceError(
      `the rendered manifests fail validation; nothing was written:\n${outcome.findings.map((f) => `  - ${f.file}: ${f.message}`).join('\n')}`,
    );
  }
  // One writer at a time (`kit render`, the other generators), as team-namespace.
  const { plan, releaseLock } = await guardedWritePlan(tree, cluster, outcome.files, {
    command: `nx g team-source ${team.name}`,
    refuse: (message) => new TeamSourceError(message),
    retry: 'run this again',
    overwrite: 'this run would overwrite the edits',
  });

  const git = deps.git ?? gitIn(tree.root);
  const owned = new Set([teamFile, manifestPath(cluster), ...outcome.files.keys(), ...plan.deletes]);
  const commitPlan = commit ? checkSourceCommit(team.name, entry.name, owned, git) : undefined;

  // All checks passed: now, and only now, touch the Tree.
  if (content !== existing) tree.write(teamFile, content);
  for (const change of plan.writes) tree.write(change.path, change.content);
  for (const path of plan.deletes) tree.delete(path);
  const written = [...(content !== existing ? [teamFile] : []), ...plan.writes.map((w) => w.path), ...plan.deletes];

  return () => {
    releaseLock(); // Nx has flushed the Tree by now
    if (commitPlan) {
      const files = [...new Set([...written, ...commitPlan.pendingOwnFiles])].sort();
      if (files.length === 0) {
        logger.info(`Team ${team.name} already delivers source ${entry.name} as asked, and it is committed; nothing to commit.`);
        return;
      }
      commitSource(team.name, cluster, entry.name, commitPlan, files, git);
      logger.info(`Committed ${files.length} files on branch ${commitPlan.branch}. Push it and open a pull request: git push -u origin ${commitPlan.branch}`);
      return;
    }
    if (written.length === 0) {
      logger.info(`Team ${team.name} already delivers source ${entry.name} as asked; nothing changed.`);
      return;
    }
    logger.info(
      [
        `Team ${team.name} delivers source ${entry.name} on ${cluster}: ${written.length} files written (${teamFile}, ${`gitops/clusters/${cluster}/teams/${team.name}/delivery.yaml`}, indexes).`,
        'Next: open a pull request; after the merge Flux fetches the source and applies it in the team namespace as flux-reconciler.',
        ...(entry.credentials
          ? [`Before the merge, create the Secret ${entry.credentials.secretRef} in namespace ${team.name} (outside git; see docs/onboarding.md).`]
          : []),
        `Check it with: flux get sources all -n ${team.name} && flux get kustomizations -n ${team.name}`,
      ].join('\n'),
    );
  };
}
