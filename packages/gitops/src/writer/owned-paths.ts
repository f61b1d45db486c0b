import { lstatSync, readlinkSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { outputRoots } from '../layout.js';

/**
 * Why `path` is not a file this cluster's render owns, or undefined when it is. Purely lexical, so it
 * runs before a manifest entry (or a rendered path) is used for anything: a repo-relative, `/`-separated
 * path with no empty, `.` or `..` segment, under one of the cluster's output roots.
 */
export function ownedPathProblem(cluster: string, path: unknown): string | undefined {
  if (typeof path !== 'string' || path === '') return 'is not a file path';
  if (path.includes('\0')) return 'contains a NUL byte';
  if (path.includes('\\')) return 'contains a backslash (manifest paths use "/")';
  if (isAbsolute(path) || /^[A-Za-z]:/.test(path)) return 'is an absolute path';
  if (path.split('/').some((s) => s === '' || s === '.' || s === '..')) return 'has an empty, "." or ".." segment';
  const roots = outputRoots(cluster);
  if (!roots.some((r) => path.startsWith(`${r}/`))) return `is outside the outputs of ${cluster} (${roots.join(', ')})`;
  return undefined;
}

/**
 * The first component of a repo-relative path that is a symbolic link, described for a person, or
 * undefined when every existing component below the root is a real folder or file. The writer never
 * reads, writes or prunes through a link: one inside gitops/ could point anywhere, outside the repo too.
 */
export function symlinkProblem(root: string, path: string): string | undefined {
  return symlinkChecker(root)(path);
}

/**
 * symlinkProblem for many paths of one tree: each folder is looked at once (a render has thousands
 * of files in a few hundred folders).
 */
export function symlinkChecker(root: string): (path: string) => string | undefined {
  /** Per component: a problem, 'ok' (a real folder), or 'stop' (missing or a file: nothing below to follow). */
  const seen = new Map<string, string>();
  const check = (rel: string): string => {
    const known = seen.get(rel);
    if (known !== undefined) return known;
    const full = join(root, rel);
    let verdict: string;
    try {
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) {
        const target = readlinkSync(full);
        const where = isInside(root, resolve(dirname(full), target)) ? 'inside the repository' : 'outside the repository';
        verdict = `${rel} is a symbolic link (to ${target}, ${where}); the kit never reads, writes or prunes through links: replace the link with a real folder or file and render again`;
      } else verdict = stat.isDirectory() ? 'ok' : 'stop';
    } catch (error) {
      if (!isMissing(error)) throw error;
      verdict = 'stop';
    }
    seen.set(rel, verdict);
    return verdict;
  };
  return (path) => {
    let rel = '';
    for (const segment of path.split('/')) {
      rel = rel ? `${rel}/${segment}` : segment;
      const verdict = check(rel);
      if (verdict === 'stop') return undefined;
      if (verdict !== 'ok') return verdict;
    }
    return undefined;
  };
}

const isMissing = (error: unknown) => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

function isInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
