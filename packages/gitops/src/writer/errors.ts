import { isAbsolute, relative } from 'node:path';

/**
 * The writer refused to touch something (a hand-written file in the way, a manifest entry outside the
 * cluster's outputs, a symbolic link): a problem found in the repository, so exit code 1.
 */
export class WriteRefusedError extends Error {
  readonly exitCode = 1;
}

/**
 * A file system error while writing (EACCES, EROFS, ENOSPC, ...), as a message that names the path,
 * says what state the tree is in and what to do: a runtime error, so exit code 2.
 */
export class WriteFailedError extends Error {
  readonly exitCode = 2;

  static from(error: unknown, root: string, outcome: string): WriteFailedError {
    const e = error as NodeJS.ErrnoException & { dest?: string };
    if (!e?.code) return new WriteFailedError(`write failed: ${e?.message ?? String(error)}; ${outcome}`, { cause: error });
    const path = e.path ? shown(root, e.path) : 'a file';
    const what = e.syscall === 'rename' && e.dest ? `${path} -> ${shown(root, e.dest)}` : path;
    return new WriteFailedError(`cannot write ${what}: ${REASONS[e.code] ?? e.code} (${e.code}); ${outcome}. ${hintFor(e.code, path)}`, { cause: error });
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EMFILE: 'too many open files',
  EBUSY: 'the file is busy',
  EXDEV: 'the staging folder is on another file system',
  EEXIST: 'a file appeared there after the plan was made',
};

function hintFor(code: string, path: string): string {
  if (code === 'EACCES' || code === 'EPERM')
    return `Make ${path} (and its folder) writable for this user, e.g. \`chmod -R u+w ${path.split('/').slice(0, 2).join('/')}\`, and render again.`;
  if (code === 'EROFS') return 'Render in a writable clone of the repository.';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'Free some space and render again.';
  return 'Fix the cause and render again.';
}

const shown = (root: string, path: string) => {
  if (!isAbsolute(path)) return path;
  const rel = relative(root, path);
  return rel.startsWith('..') ? path : rel;
};
