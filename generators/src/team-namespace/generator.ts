import { logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import { manifestPath, renderAndValidate } from '@aks-hybrid/gitops';
import { formatIssue, memorySource, SpecError } from '@aks-hybrid/spec';
import { checkCommitPreconditions, commitOnboarding, gitIn, type Git } from './git-commit.js';
import { normalizeOptions, OnboardingError, teamFilePath, type NormalizedOptions } from './normalize-options.js';
import type { TeamNamespaceGeneratorSchema } from './schema.js';
import { renderTeamFile } from './team-file.js';
import { treeSource } from './tree-source.js';
import { guardedWritePlan } from '../internal/guarded-write-plan.js';

export interface GeneratorDependencies {
  /** Resolves an Entra group display name to its object ID (Microsoft Graph by default). */
  readonly lookupGroup?: (displayName: string, tenantId: string) => Promise<string>;
  /** Runs git for --commit (injected in tests); default: git in the workspace root. */
  readonly git?: Git;
}

/**
 * `nx g team-namespace`: writes the team spec and the cluster's re-rendered GitOps tree. Everything
 * is rendered and validated in memory first; the Tree is touched only when all checks passed, so bad
 * input writes nothing and --dry-run shows exactly what `render` would write.
 */
export async function teamNamespaceGenerator(tree: Tree, schema: TeamNamespaceGeneratorSchema, deps: GeneratorDependencies = {}): Promise<GeneratorCallback> {
  const options = await normalizeOptions(tree, schema, deps.lookupGroup ?? lookupGroupInGraph);
  const teamFile = teamFilePath(options);
  const content = renderTeamFile(options);
  const existing = tree.read(teamFile, 'utf8');
  if (existing !== null && existing !== content) {
    throw new OnboardingError(
      `team "${options.name}" already exists in ${teamFile} with other settings; edit that file (and run \`pnpm render\`) instead of onboarding it again`,
    );
  }

  // Render the cluster as if the team file were written: the same code path as the render target.
  const source = memorySource(new Map([[teamFile, content]]), treeSource(tree));
  let outcome: Awaited<ReturnType<typeof renderAndValidate>>;
  try {
    outcome = await renderAndValidate(source, options.cluster);
  } catch (error) {
    if (error instanceof SpecError) throw new OnboardingError(`the team cannot be added: ${error.message}`);
    throw error;
  }
  if (outcome.findings.length > 0) {
    throw new OnboardingError(
      `the rendered manifests fail validation; nothing was written:\n${outcome.findings.map((f) => `  - ${f.file}: ${f.message}`).join('\n')}`,
    );
  }
  // One writer at a time (`kit render`, other generators): the lock is held from planning until Nx has flushed
  // the Tree, released in the callback below or, when the generator stops early or runs --dry-run, on exit.
  const { plan, releaseLock } = await guardedWritePlan(tree, options.cluster, outcome.files, {
    command: `nx g team-namespace ${options.name}`,
    refuse: (message) => new OnboardingError(message),
    retry: 'onboard again',
    overwrite: 'onboarding would overwrite the edits',
    fix: 'Generated files change only through the spec: move the change into apps/ (or undo it with `git checkout -- <file>`), run `pnpm render`, then run the generator again.',
  });

  // --commit: the branch and the working tree are checked before anything is written.
  const git = deps.git ?? gitIn(tree.root);
  const owned = new Set([teamFile, manifestPath(options.cluster), ...outcome.files.keys(), ...plan.deletes]);
  const commitPlan = options.commit ? checkCommitPreconditions(options, owned, git) : undefined;

  // All checks passed: now, and only now, touch the Tree.
  if (existing === null) tree.write(teamFile, content);
  for (const change of plan.writes) tree.write(change.path, change.content);
  for (const path of plan.deletes) tree.delete(path);

  const written = [...(existing === null ? [teamFile] : []), ...plan.writes.map((w) => w.path), ...plan.deletes];
  const warnings = (outcome.spec.warnings ?? []).map((w) => `warning: ${formatIssue(w)}`);
  return () => {
    releaseLock(); // Nx has flushed the Tree by now
    for (const warning of warnings) logger.warn(warning);
    if (commitPlan) {
      // What this run wrote, plus this onboarding's files an earlier run left uncommitted.
      const files = [...new Set([...written, ...commitPlan.pendingOwnFiles])].sort();
      if (files.length === 0) {
        logger.info(`Team ${options.name} is already onboarded to ${options.cluster} and committed; nothing to commit.`);
        return;
      }
      commitOnboarding(options, commitPlan, files, git);
      logger.info(`Committed ${files.length} files on branch ${commitPlan.branch}. Push it and open a pull request: git push -u origin ${commitPlan.branch}`);
      return;
    }
    if (written.length === 0) {
      logger.info(`Team ${options.name} is already onboarded to ${options.cluster}; nothing changed.`);
      return;
    }
    logger.info(nextSteps(options, written));
  };
}

function nextSteps(options: NormalizedOptions, written: readonly string[]): string {
  return [
    `Team ${options.name} onboarded to ${options.cluster}: ${written.length} files written (spec, namespace, quota, RBAC, network policies, indexes).`,
    'Next:',
    `  git switch -c onboard/${options.name}`,
    `  git add apps/${options.cluster} gitops docs`,
    `  git commit -m "Onboard team ${options.name} to ${options.cluster}"`,
    `  git push -u origin onboard/${options.name}   # then open a pull request`,
    'CI re-renders and validates the change; after the merge Flux creates the namespace and its policies.',
    '(Or run the generator with --commit to create the branch and commit for you.)',
  ].join('\n');
}

/** Loaded only when --group is used: the GUID path never touches the network or a credential. */
async function lookupGroupInGraph(displayName: string, tenantId: string): Promise<string> {
  const { resolveGroupObjectId } = await import('@aks-hybrid/azure');
  return resolveGroupObjectId(displayName, {
    tenantId,
    ...(process.env.KIT_GRAPH_ENDPOINT ? { graphEndpoint: process.env.KIT_GRAPH_ENDPOINT } : {}),
  });
}
