import type { Tree } from '@nx/devkit';
import { manifestPath, parseManifest, sha256, type WritePlan } from '@aks-hybrid/gitops';

/**
 * Generated files whose content is not what the kit last wrote: the manifest records a hash per file,
 * so a file that differs from its hash was edited by hand and must not be silently overwritten or deleted.
 */
export function handEditedFiles(tree: Tree, plan: WritePlan): string[] {
  const manifestFile = manifestPath(plan.cluster);
  const text = tree.read(manifestFile, 'utf8');
  if (text === null) return [];
  const recorded = parseManifest(plan.cluster, text).files;
  const touched = [...plan.writes.filter((w) => w.kind === 'change').map((w) => w.path), ...plan.deletes];
  return touched.filter((path) => {
    if (path === manifestFile || recorded[path] === undefined) return false;
    const current = tree.read(path, 'utf8');
    return current !== null && sha256(current) !== recorded[path];
  });
}
