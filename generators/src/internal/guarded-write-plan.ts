import { existsSync } from 'node:fs';
import { logger, type Tree } from '@nx/devkit';
import { acquireRepoLock, describePlan, pendingTransactions, planWrite, type WritePlan } from '@aks-hybrid/gitops';
import { treeSource } from '../team-namespace/tree-source.js';
import { handEditedFiles } from './hand-edited-files.js';

export interface GuardedWritePlanOptions {
  /** The run, as the repository lock names its holder, e.g. `nx g team-source dev`. */
  readonly command: string;
  /** Makes the generator's own error type. */
  readonly refuse: (message: string) => Error;
  /** Ends the message about a pending write: `onboard again`, `run this again`. */
  readonly retry: string;
  /** What the run would do to hand edits, e.g. `onboarding would overwrite the edits`. */
  readonly overwrite: string;
  /** The last line of the hand-edit message. Default: move the change into apps/, render, run again. */
  readonly fix?: string;
}

/**
 * The checks every generator runs between rendering in memory and touching the Tree, in this order:
 * one writer at a time (the repository lock, as `kit render`), no interrupted render pending, no file
 * the kit did not generate in the way, no generated file edited by hand. Returns the plan and the
 * lock's release: the generator calls it in its callback, once Nx has flushed the Tree; when the
 * generator stops early or runs --dry-run, the process exit releases it.
 */
export async function guardedWritePlan(
  tree: Tree,
  cluster: string,
  files: ReadonlyMap<string, string>,
  options: GuardedWritePlanOptions,
): Promise<{ plan: WritePlan; releaseLock: () => void }> {
  const { refuse } = options;
  const onDisk = existsSync(tree.root);
  const releaseLock = onDisk ? await acquireRepoLock(tree.root, options.command, { log: (line) => logger.info(line) }) : () => {};
  const pending = onDisk ? pendingTransactions(tree.root, cluster) : [];
  if (pending.length > 0)
    throw refuse(`an interrupted render left a pending write (${pending.join(', ')}); run \`pnpm render\` to finish it, then ${options.retry}`);
  const plan = planWrite(treeSource(tree), cluster, files, { root: tree.root });
  if (plan.conflicts.length > 0 || (plan.refusals ?? []).length > 0) {
    throw refuse(`files the kit did not generate are in the way; nothing was written:\n${describePlan(plan)}`);
  }
  const edited = handEditedFiles(tree, plan);
  if (edited.length > 0) {
    throw refuse(
      [
        `generated files were edited by hand since the last render; ${options.overwrite}, so nothing was written:`,
        ...edited.map((path) => `  - ${path}`),
        options.fix ?? 'Move the change into apps/ (or undo it with `git checkout -- <file>`), run `pnpm render`, then run the generator again.',
      ].join('\n'),
    );
  }
  return { plan, releaseLock };
}
