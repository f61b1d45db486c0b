import { withRepoLock, type LockOptions } from './lock.js';
import { planWrite, type WritePlan } from './plan.js';
import { applyPlan, recoverPendingWrites, type ApplyOptions } from './transaction.js';

export interface WriteClusterOptions extends LockOptions, ApplyOptions {
  /** What holds the lock, for another process's message (default `kit render <cluster>`). */
  readonly command?: string;
}

export interface WriteResult {
  readonly plan: WritePlan;
  /** Transactions an interrupted run left, finished before planning. */
  readonly recovered: number;
}

/**
 * The one safe order for writing a cluster's rendered files: take the repository lock, finish any
 * interrupted write, plan against the recovered tree, apply. Planning before recovery would compare
 * with a half-applied tree, and the roll-forward would then overwrite the fresh plan.
 */
export async function writeCluster(
  root: string,
  cluster: string,
  rendered: ReadonlyMap<string, string>,
  options: WriteClusterOptions = {},
): Promise<WriteResult> {
  return withRepoLock(
    root,
    options.command ?? `kit render ${cluster}`,
    async () => {
      const recovered = recoverPendingWrites(root, cluster);
      if (recovered > 0) options.log?.(`${cluster}: finished ${recovered} interrupted write(s) before planning`);
      const plan = planWrite(root, cluster, rendered);
      await applyPlan(root, plan, options);
      return { plan, recovered };
    },
    options,
  );
}
