import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { manifestPath, outputRoots } from '../layout.js';
import { ownedPathProblem, symlinkChecker } from './owned-paths.js';
import type { WritePlan } from './plan.js';
import { WriteFailedError, WriteRefusedError } from './errors.js';

/** Staging area for writes; sits in the repository so renames stay on one file system. Git-ignored. */
export const TXN_DIR = '.kit-txn';
const JOURNAL = 'journal.json';
/** Lists the files created in place before the commit point, so recovery can remove them if it never came. */
const ADDING = 'adding.json';
/** Present while a failed apply is being undone: recovery then finishes the roll-back, not a roll-forward. */
const ROLLING_BACK = 'rolling-back';

interface Move {
  /** Repo-relative staged file, target, and where the target's previous content is kept until the end. */
  readonly staged: string;
  readonly target: string;
  readonly backup: string;
  /** The target did not exist when planned: undoing the move deletes it (journals of kit versions that staged new files). */
  readonly added: boolean;
}
interface Add {
  /** Repo-relative new file, created in place (O_EXCL) before the commit point. */
  readonly target: string;
}
interface Delete {
  readonly target: string;
  readonly backup: string;
}
interface Journal {
  readonly cluster: string;
  readonly moves: readonly Move[];
  /** Absent in journals of kit versions that staged new files too. */
  readonly adds?: readonly Add[];
  readonly deletes: readonly Delete[];
}

export interface ApplyOptions {
  /** Test hook: stop dead after this many moves, as a crash (kill -9) would: no roll-back. */
  readonly crashAfterMoves?: number;
  /** Test hook: the error a file system call on this target would fail with (EACCES, ENOSPC, ...). */
  readonly failOn?: (target: string) => NodeJS.ErrnoException | undefined;
  /** Test hook: the error staging or creating this target's new content would fail with (before the commit point). */
  readonly failStagingOn?: (target: string) => NodeJS.ErrnoException | undefined;
  /** Test hook: stop dead after this many new files were created in place, before the commit point: no clean-up. */
  readonly crashAfterAdds?: number;
}

/** Thrown by the crashAfterMoves hook; passes through without the roll-back a real error gets. */
export class SimulatedCrash extends Error {}

/**
 * Applies a plan so that no reader ever sees a half-written tree once the process has finished or been
 * recovered. Before the commit point: changed files are staged, and new files are created in place
 * (`O_EXCL`, after `adding.json` lists them: nothing to rename, and a file that appeared since the plan
 * is never overwritten). Then a journal is written (the commit point), then the staged files are
 * renamed into place (each rename is atomic), keeping a hard link to each replaced file until the end.
 * An I/O error before the commit point removes the new files and the staging area; after it, it rolls
 * back what was applied; both throw a WriteFailedError naming the path. A crash before the journal is
 * undone by `recoverPendingWrites`, a crash after it rolled forward. The caller holds the repository
 * lock and has recovered before planning (`writeCluster` does both); a plan made over a pending
 * transaction is refused as stale. Refusals reject before anything is written.
 */
export async function applyPlan(root: string, plan: WritePlan, options: ApplyOptions = {}): Promise<void> {
  if (plan.conflicts.length > 0) {
    throw new WriteRefusedError(
      `refusing to overwrite files the kit did not generate:\n${plan.conflicts.map((p) => `  - ${p}`).join('\n')}\n` +
        'move them out of the way (or delete them) and render again',
    );
  }
  const links = symlinkChecker(root);
  const refusals = [
    ...plan.refusals,
    ...plan.writes.flatMap((w) => pathRefusal(links, plan.cluster, w.path, 'write')),
    ...plan.deletes.flatMap((path) => pathRefusal(links, plan.cluster, path, 'delete')),
  ];
  if (refusals.length > 0)
    throw new WriteRefusedError(`refusing to write ${plan.cluster}; nothing was changed:\n${[...new Set(refusals)].map((r) => `  - ${r}`).join('\n')}`);
  const pending = pendingTransactions(root, plan.cluster);
  if (pending.length > 0) throw new Error(`${plan.cluster}: a pending write (${pending.join(', ')}) must be recovered before planning; use writeCluster`);
  if (plan.writes.length === 0 && plan.deletes.length === 0) return;
  const writable = writableChecker(root);
  for (const path of [...plan.writes.map((w) => w.path), ...plan.deletes]) writable(path);

  const txn = `${TXN_DIR}/${plan.cluster}.${process.pid}.${Date.now()}`;
  const changes = plan.writes.filter((w) => w.kind === 'change');
  const adds = plan.writes.filter((w) => w.kind === 'add');
  const journal: Journal = {
    cluster: plan.cluster,
    moves: changes.map((change, i) => ({ staged: `${txn}/files/${i}`, target: change.path, backup: `${txn}/old/${i}`, added: false })),
    adds: adds.map((add) => ({ target: add.path })),
    deletes: plan.deletes.map((target, i) => ({ target, backup: `${txn}/deleted/${i}` })),
  };
  const created: string[] = [];
  let creating: string | undefined;
  try {
    for (const dir of ['files', 'old', 'deleted']) mkdirSync(join(root, txn, dir), { recursive: true });
    // Only changed and added files are written (the plan left unchanged ones out); nothing is fsynced: see guarantees.md.
    // One at a time: measured, parallel creates (4 or 16 in flight) cost more kernel time on this
    // 2-core machine, and so did staging new files and renaming them (docs/decisions/0013).
    changes.forEach((change, i) => {
      const fault = options.failStagingOn?.(change.path);
      if (fault) throw fault;
      writeFileSync(join(root, journal.moves[i]!.staged), change.content);
    });
    if (adds.length > 0) {
      // Renamed into place: recovery finds it complete or not at all (then nothing was created yet).
      writeFileSync(join(root, txn, `${ADDING}.tmp`), JSON.stringify({ cluster: plan.cluster, adds: journal.adds }));
      renameSync(join(root, txn, `${ADDING}.tmp`), join(root, txn, ADDING));
    }
    const madeFolders = new Set<string>();
    for (const add of adds) {
      creating = add.path;
      const target = join(root, add.path);
      const folder = dirname(target);
      if (!madeFolders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        madeFolders.add(folder);
      }
      const fault = options.failStagingOn?.(add.path);
      if (fault) throw fault;
      // wx = O_CREAT | O_EXCL: fails on anything already there, a link included, rather than replace it.
      writeFileSync(target, add.content, { flag: 'wx' });
      created.push(add.path);
      creating = undefined;
      if (options.crashAfterAdds !== undefined && created.length >= options.crashAfterAdds) throw new SimulatedCrash('simulated crash');
    }
    writeFileSync(join(root, txn, `${JOURNAL}.tmp`), JSON.stringify(journal));
    renameSync(join(root, txn, `${JOURNAL}.tmp`), join(root, txn, JOURNAL));
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error;
    // Before the commit point only the new files (and their folders) and the staging area changed: remove them.
    removeAdded(root, plan.cluster, created);
    // The folder may have been made for the new file whose creation failed (a file there is not ours).
    if (creating)
      pruneEmptyParents(
        dirname(join(root, creating)),
        outputRoots(plan.cluster).map((r) => join(root, r)),
      );
    rmSync(join(root, txn), { recursive: true, force: true });
    removeIfEmpty(join(root, TXN_DIR));
    throw WriteFailedError.from(error, root, 'nothing was changed');
  }
  try {
    rollForward(root, txn, journal, options);
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error;
    try {
      rollBack(root, txn, journal);
    } catch {
      throw WriteFailedError.from(
        error,
        root,
        `the write was interrupted and could not be undone (the journal is kept in ${txn}); fix the cause and run \`pnpm render\` again to finish it`,
      );
    }
    throw WriteFailedError.from(error, root, 'nothing was changed: the files already written were put back');
  }
}

/** The transactions a crashed run left behind for this cluster (repo-relative folders). */
export function pendingTransactions(root: string, cluster: string): string[] {
  const base = join(root, TXN_DIR);
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .filter((name) => name.startsWith(`${cluster}.`))
    .sort()
    .map((name) => `${TXN_DIR}/${name}`);
}

/**
 * Finishes (or discards) transactions a crashed run left behind for this cluster: one with a journal
 * is rolled forward (or back, when a roll-back had started), one without is discarded with the new
 * files it had created. Call it with
 * the repository lock held, before planning. Returns how many journalled transactions it completed.
 */
export function recoverPendingWrites(root: string, cluster: string): number {
  let recovered = 0;
  for (const txn of pendingTransactions(root, cluster)) {
    const journalFile = join(root, txn, JOURNAL);
    if (!existsSync(journalFile)) {
      // Interrupted before the commit point: the new files it created in place go, the staging area too.
      removeAdded(root, cluster, readAdding(root, txn, cluster));
      rmSync(join(root, txn), { recursive: true, force: true });
      continue;
    }
    const journal = readJournal(root, txn, cluster);
    if (existsSync(join(root, txn, ROLLING_BACK))) rollBack(root, txn, journal);
    else rollForward(root, txn, journal, {});
    recovered++;
  }
  removeIfEmpty(join(root, TXN_DIR));
  return recovered;
}

function readJournal(root: string, txn: string, cluster: string): Journal {
  const journal = JSON.parse(readFileSync(join(root, txn, JOURNAL), 'utf8')) as Journal;
  // The journal names every path it touches: hold it to the same rules as a plan.
  const links = symlinkChecker(root);
  const inTxn = (p: string) => typeof p === 'string' && p.startsWith(`${txn}/`) && !p.split('/').includes('..');
  const bad = [
    ...journal.moves.filter((m) => !inTxn(m.staged) || !inTxn(m.backup)).map((m) => m.staged),
    ...journal.deletes.filter((d) => !inTxn(d.backup)).map((d) => d.backup),
    ...journal.moves.flatMap((m) => pathRefusal(links, cluster, m.target, 'write')),
    ...(journal.adds ?? []).flatMap((a) => pathRefusal(links, cluster, a.target, 'write')),
    ...journal.deletes.flatMap((d) => pathRefusal(links, cluster, d.target, 'delete')),
  ];
  if (journal.cluster !== cluster || bad.length > 0) {
    throw new WriteRefusedError(`${txn}/${JOURNAL} is not a journal the kit wrote for ${cluster}: ${bad.join('; ')}; delete ${txn} and render again`);
  }
  return journal;
}

/** The new files an uncommitted transaction listed before creating them, held to the rules of a plan. */
function readAdding(root: string, txn: string, cluster: string): string[] {
  const file = join(root, txn, ADDING);
  if (!existsSync(file)) return [];
  let adding: { cluster?: unknown; adds?: unknown };
  try {
    adding = JSON.parse(readFileSync(file, 'utf8')) as typeof adding;
  } catch {
    adding = {};
  }
  const targets = Array.isArray(adding.adds) ? adding.adds.map((a) => (a as Partial<Add>)?.target) : undefined;
  const links = symlinkChecker(root);
  const bad = (targets ?? []).flatMap((t) => (typeof t === 'string' ? pathRefusal(links, cluster, t, 'write') : ['an entry without a target']));
  if (adding.cluster !== cluster || targets === undefined || bad.length > 0) {
    throw new WriteRefusedError(`${txn}/${ADDING} is not a list the kit wrote for ${cluster}: ${bad.join('; ')}; delete ${txn} and render again`);
  }
  return targets as string[];
}

function rollForward(root: string, txn: string, journal: Journal, options: ApplyOptions): void {
  let moved = 0;
  const made = new Set<string>();
  for (const move of journal.moves) {
    const staged = join(root, move.staged);
    const target = join(root, move.target);
    if (!existsSync(staged)) continue; // already moved by an earlier, interrupted roll-forward
    injectFault(options, move.target);
    if (exists(target) && !exists(join(root, move.backup))) keepCopy(target, join(root, move.backup));
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    renameSync(staged, target);
    moved++;
    if (options.crashAfterMoves !== undefined && moved >= options.crashAfterMoves) throw new SimulatedCrash('simulated crash');
  }
  const roots = outputRoots(journal.cluster).map((r) => join(root, r));
  for (const del of journal.deletes) {
    const target = join(root, del.target);
    injectFault(options, del.target);
    if (exists(target)) renameSync(target, join(root, del.backup));
    pruneEmptyParents(dirname(target), roots);
  }
  rmSync(join(root, txn), { recursive: true, force: true });
  removeIfEmpty(join(root, TXN_DIR));
}

/** Undoes whatever part of the journal was applied; idempotent, so a crash here is finished by recovery. */
function rollBack(root: string, txn: string, journal: Journal): void {
  writeFileSync(join(root, txn, ROLLING_BACK), '');
  const roots = outputRoots(journal.cluster).map((r) => join(root, r));
  for (const del of [...journal.deletes].reverse()) {
    const backup = join(root, del.backup);
    if (!exists(backup)) continue;
    mkdirSync(dirname(join(root, del.target)), { recursive: true });
    renameSync(backup, join(root, del.target));
  }
  removeAdded(
    root,
    journal.cluster,
    (journal.adds ?? []).map((a) => a.target),
  );
  for (const move of [...journal.moves].reverse()) {
    if (existsSync(join(root, move.staged))) continue; // never moved
    const target = join(root, move.target);
    const backup = join(root, move.backup);
    if (exists(backup)) renameSync(backup, target);
    else if (move.added && exists(target)) {
      unlinkSync(target);
      pruneEmptyParents(dirname(target), roots);
    }
  }
  rmSync(join(root, txn), { recursive: true, force: true });
  removeIfEmpty(join(root, TXN_DIR));
}

/** Why the writer must not touch `path`: outside the cluster's outputs (its manifest may be written, never deleted), or behind a link. */
function pathRefusal(links: (path: string) => string | undefined, cluster: string, path: string, use: 'write' | 'delete'): string[] {
  const owned = use === 'write' && path === manifestPath(cluster) ? undefined : ownedPathProblem(cluster, path);
  if (owned) return [`${JSON.stringify(path)} ${owned}`];
  const link = links(path);
  return link ? [link] : [];
}

/**
 * Fails before the commit point, with the path, when a target's folder is not writable (non-root
 * users). Each folder is looked at once: a render has thousands of files in a few hundred folders.
 */
function writableChecker(root: string): (path: string) => void {
  const checked = new Set<string>();
  return (path) => {
    const folder = dirname(join(root, path));
    if (checked.has(folder)) return;
    let dir = folder;
    while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
    try {
      accessSync(dir, constants.W_OK);
    } catch (error) {
      throw WriteFailedError.from(error, root, 'nothing was changed');
    }
    checked.add(folder);
  };
}

function injectFault(options: ApplyOptions, target: string): void {
  const fault = options.failOn?.(target);
  if (fault) throw fault;
}

/** Keeps the replaced file's content for a roll-back: a hard link costs nothing; a copy where links fail. */
function keepCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes new files this kit created in place, and the folders left empty (one may have been made for a
 * file whose creation then failed); a link or folder at a target is left alone.
 */
function removeAdded(root: string, cluster: string, targets: readonly string[]): void {
  const roots = outputRoots(cluster).map((r) => join(root, r));
  for (const path of [...targets].reverse()) {
    const target = join(root, path);
    let isFile = false;
    try {
      isFile = lstatSync(target).isFile();
    } catch {
      // never created
    }
    if (isFile) unlinkSync(target);
    pruneEmptyParents(dirname(target), roots);
  }
}

/** Removes folders a deleted team leaves empty, never above the cluster's output roots. */
function pruneEmptyParents(dir: string, roots: readonly string[]): void {
  let current = dir;
  while (roots.some((r) => current.startsWith(`${r}/`)) && removeIfEmpty(current)) current = dirname(current);
}

function removeIfEmpty(dir: string): boolean {
  try {
    if (readdirSync(dir).length > 0) return false;
    rmdirSync(dir);
    return true;
  } catch {
    return false; // gone already, or another process just put something in it
  }
}
