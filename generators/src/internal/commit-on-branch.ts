import { execFileSync } from 'node:child_process';

/** Runs git with the given arguments and returns its stdout. */
export type Git = (args: string[]) => string;

/** git in the workspace root (Nx's cwd may be a sub-folder). */
export const gitIn =
  (root: string): Git =>
  (args) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

export interface CommitPlan {
  readonly branch: string;
  /** The branch is the current one (a rerun on it): commit there instead of creating it. */
  readonly onBranchAlready: boolean;
  /** Files of this run that are already changed in the working tree (an earlier run's output). */
  readonly pendingOwnFiles: readonly string[];
}

/**
 * --commit, checked BEFORE anything is written: the branch must be free (or be the current branch), and the
 * working tree clean outside the files the generator owns, since a commit of rendered files next to an
 * uncommitted spec edit would not pass `render --check`. `refuse` makes the generator's own error type.
 */
export function checkCommitOnBranch(branch: string, owned: ReadonlySet<string>, git: Git, refuse: (message: string) => Error): CommitPlan {
  const dirty = dirtyPaths(git);
  const foreign = dirty.filter((path) => !owned.has(path));
  if (foreign.length > 0) {
    throw refuse(
      [
        '--commit needs a working tree without other uncommitted changes; nothing was written. Changed files:',
        ...foreign.slice(0, 20).map((path) => `  - ${path}`),
        ...(foreign.length > 20 ? [`  ... and ${foreign.length - 20} more (git status)`] : []),
        'Commit them, or set them aside with `git stash push --include-untracked` (and `git stash pop` later), then run the generator again.',
      ].join('\n'),
    );
  }
  const current = git(['branch', '--show-current']).trim();
  const exists = git(['branch', '--list', branch]).trim() !== '';
  if (exists && current !== branch) {
    throw refuse(
      `branch ${branch} already exists; nothing was written. Either continue on it (\`git switch ${branch}\`, then run the generator again) ` +
        `or delete it (\`git branch -D ${branch}\`) and run the generator again.`,
    );
  }
  return { branch, onBranchAlready: current === branch, pendingOwnFiles: dirty.filter((path) => owned.has(path)) };
}

/** After Nx has flushed the Tree: one commit on the plan's branch holding exactly these files. Never pushes. */
export function commitOnBranch(plan: CommitPlan, files: readonly string[], message: string, git: Git): void {
  if (!plan.onBranchAlready) git(['switch', '-c', plan.branch]);
  git(['add', '--all', '--', ...files]);
  git(['commit', '-m', message, '--', ...files]);
}

/** Repo-relative paths with staged, unstaged or untracked changes (`git status --porcelain -z`). */
function dirtyPaths(git: Git): string[] {
  const fields = git(['status', '--porcelain=v1', '-z', '--untracked-files=all']).split('\0').filter(Boolean);
  const paths: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i]!;
    paths.push(entry.slice(3));
    // A rename or copy is followed by its source path.
    if (entry[0] === 'R' || entry[0] === 'C') paths.push(fields[++i]!);
  }
  return paths;
}
