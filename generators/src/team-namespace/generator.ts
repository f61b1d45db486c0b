import { logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import { describePlan, planWrite, renderAndValidate } from '@aks-hybrid/gitops';
import { memorySource, SpecError } from '@aks-hybrid/spec';
import { commitOnboarding } from './git-commit.js';
import { normalizeOptions, OnboardingError, teamFilePath, type NormalizedOptions } from './normalize-options.js';
import type { TeamNamespaceGeneratorSchema } from './schema.js';
import { renderTeamFile } from './team-file.js';
import { treeSource } from './tree-source.js';

export interface GeneratorDependencies {
  /** Resolves an Entra group display name to its object ID (Microsoft Graph by default). */
  readonly lookupGroup?: (displayName: string, tenantId: string) => Promise<string>;
  /** Runs git for --commit (injected in tests). */
  readonly git?: (args: string[]) => string;
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
    throw new OnboardingError(`team "${options.name}" already exists in ${teamFile} with other settings; edit that file (and run \`pnpm render\`) instead of onboarding it again`);
  }

  // Render the cluster as if the team file were written: the same code path as the render target.
  const source = memorySource(new Map([[teamFile, content]]), treeSource(tree));
  let outcome;
  try {
    outcome = await renderAndValidate(source, options.cluster);
  } catch (error) {
    if (error instanceof SpecError) throw new OnboardingError(`the team cannot be added: ${error.message}`);
    throw error;
  }
  if (outcome.findings.length > 0) {
    throw new OnboardingError(`the rendered manifests fail validation; nothing was written:\n${outcome.findings.map((f) => `  - ${f.file}: ${f.message}`).join('\n')}`);
  }
  const plan = planWrite(treeSource(tree), options.cluster, outcome.files);
  if (plan.conflicts.length > 0) {
    throw new OnboardingError(`files the kit did not generate are in the way; nothing was written:\n${describePlan(plan)}`);
  }

  // All checks passed: now, and only now, touch the Tree.
  if (existing === null) tree.write(teamFile, content);
  for (const change of plan.writes) tree.write(change.path, change.content);
  for (const path of plan.deletes) tree.delete(path);

  const written = [...(existing === null ? [teamFile] : []), ...plan.writes.map((w) => w.path), ...plan.deletes];
  return () => {
    if (written.length === 0) {
      logger.info(`Team ${options.name} is already onboarded to ${options.cluster}; nothing changed.`);
      return;
    }
    if (options.commit) {
      const branch = commitOnboarding(options, written, deps.git);
      logger.info(`Committed ${written.length} files on branch ${branch}. Push it and open a pull request: git push -u origin ${branch}`);
    } else {
      logger.info(nextSteps(options, written));
    }
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

export default teamNamespaceGenerator;
