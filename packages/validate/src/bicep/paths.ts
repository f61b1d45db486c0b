// Repo-relative path handling for module references and `using` targets.
import { posix } from 'node:path';

export function normalizePath(p: string): string {
  return posix.normalize(p.replace(/\\/g, '/')).replace(/^\.\//, '');
}

/** Module sources such as `br:`, `br/public:` or `ts:` point at registries we cannot read offline. */
export function isRegistryReference(ref: string): boolean {
  return /^(br|ts)[:/]/.test(ref);
}

/** Resolves `ref` (as written in `fromFile`) to a repo-relative path. */
export function resolveRelative(fromFile: string, ref: string): string {
  return normalizePath(posix.join(posix.dirname(normalizePath(fromFile)), ref.replace(/\\/g, '/')));
}
