import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { outputRoots } from '../layout.js';
import type { WritePlan } from './plan.js';

/** Staging area for writes; sits in the repository so renames stay on one file system. Git-ignored. */
export const TXN_DIR = '.kit-txn';
const JOURNAL = 'journal.json';

interface Journal {
  readonly cluster: string;
  /** [staged file, target] pairs, repo-relative. */
  readonly moves: ReadonlyArray<readonly [string, string]>;
  readonly deletes: readonly string[];
}

export interface ApplyOptions {
  /** Test hook: throw after this many moves, as a crash would. */
  readonly crashAfterMoves?: number;
}

/**
 * Applies a plan so that no reader ever sees a half-written tree once the process has finished or
 * been recovered: every file is staged first, then a journal is written (the commit point), then the
 * staged files are renamed into place (each rename is atomic). A crash before the journal leaves
 * the tree untouched; a crash after it is rolled forward by `recoverPendingWrites` on the next run.
 */
export function applyPlan(root: string, plan: WritePlan, options: ApplyOptions = {}): void {
  if (plan.conflicts.length > 0) {
    throw new Error(
      `refusing to overwrite files the kit did not generate:\n${plan.conflicts.map((p) => `  - ${p}`).join('\n')}\n` +
        'move them out of the way (or delete them) and render again',
    );
  }
  recoverPendingWrites(root, plan.cluster);
  if (plan.writes.length === 0 && plan.deletes.length === 0) return;

  const txn = `${TXN_DIR}/${plan.cluster}.${process.pid}.${Date.now()}`;
  mkdirSync(join(root, txn, 'files'), { recursive: true });
  const moves = plan.writes.map((change, i) => {
    const staged = `${txn}/files/${i}`;
    writeFileSync(join(root, staged), change.content);
    return [staged, change.path] as const;
  });
  const journal: Journal = { cluster: plan.cluster, moves, deletes: plan.deletes };
  writeFileSync(join(root, txn, `${JOURNAL}.tmp`), JSON.stringify(journal));
  renameSync(join(root, txn, `${JOURNAL}.tmp`), join(root, txn, JOURNAL));
  rollForward(root, txn, journal, options);
}

/** Finishes (or discards) transactions a crashed run left behind for this cluster. */
export function recoverPendingWrites(root: string, cluster: string): number {
  const base = join(root, TXN_DIR);
  if (!existsSync(base)) return 0;
  let recovered = 0;
  for (const name of readdirSync(base).sort()) {
    if (!name.startsWith(`${cluster}.`)) continue;
    const txn = `${TXN_DIR}/${name}`;
    const journalFile = join(root, txn, JOURNAL);
    if (existsSync(journalFile)) {
      rollForward(root, txn, JSON.parse(readFileSync(journalFile, 'utf8')) as Journal, {});
      recovered++;
    } else {
      rmSync(join(root, txn), { recursive: true, force: true });
    }
  }
  removeIfEmpty(base);
  return recovered;
}

function rollForward(root: string, txn: string, journal: Journal, options: ApplyOptions): void {
  let moved = 0;
  for (const [staged, target] of journal.moves) {
    const from = join(root, staged);
    if (!existsSync(from)) continue; // already moved by an earlier, interrupted roll-forward
    mkdirSync(dirname(join(root, target)), { recursive: true });
    renameSync(from, join(root, target));
    moved++;
    if (options.crashAfterMoves !== undefined && moved >= options.crashAfterMoves) throw new Error('simulated crash');
  }
  const roots = outputRoots(journal.cluster).map((r) => join(root, r));
  for (const path of journal.deletes) {
    const full = join(root, path);
    if (existsSync(full)) unlinkSync(full);
    pruneEmptyParents(dirname(full), roots);
  }
  rmSync(join(root, txn), { recursive: true, force: true });
  removeIfEmpty(join(root, TXN_DIR));
}

/** Removes folders a deleted team leaves empty, never above the cluster's output roots. */
function pruneEmptyParents(dir: string, roots: readonly string[]): void {
  let current = dir;
  while (roots.some((r) => current.startsWith(`${r}/`)) && removeIfEmpty(current)) current = dirname(current);
}

function removeIfEmpty(dir: string): boolean {
  if (!existsSync(dir) || readdirSync(dir).length > 0) return false;
  rmdirSync(dir);
  return true;
}
