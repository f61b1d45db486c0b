import type { ManifestUnit } from '@aks-hybrid/charts';
import { fluxEntryDir, generatedHeader } from './layout.js';
import { toYamlDocuments } from './yaml.js';

/**
 * Lays the chart units out as the cluster's Flux tree: one file per ManifestFile, and in every folder
 * a kustomization.yaml that lists exactly its files and its direct sub-folders that hold units.
 */
export function layoutFluxTree(
  cluster: string,
  units: readonly ManifestUnit[],
  /** Filled with the objects behind each file, so validation need not parse the YAML again. */
  objectsOut?: Map<string, readonly unknown[]>,
): Map<string, string> {
  const root = fluxEntryDir(cluster);
  const files = new Map<string, string>();
  const header = generatedHeader(cluster, '#');
  const entries = new Map<string, Set<string>>();
  const addEntry = (dir: string, entry: string) => {
    const set = entries.get(dir) ?? new Set<string>();
    set.add(entry);
    entries.set(dir, set);
  };

  for (const unit of units) {
    const dir = unit.dir;
    entries.set(dir, entries.get(dir) ?? new Set());
    for (const file of unit.files) {
      const path = join(root, dir, file.name);
      files.set(path, header + toYamlDocuments(file.objects));
      objectsOut?.set(path, file.objects);
      addEntry(dir, file.name);
    }
    // Register the unit in its parent chain, except the entry folder: the Flux Kustomizations in the
    // entry folder reconcile infrastructure/, calico-apiserver/, calico/ and teams/ separately, in
    // dependency order (a Calico folder is only there when the spec opts into the Calico API).
    const parts = dir.split('/').filter(Boolean);
    for (let depth = parts.length - 1; depth >= 1; depth--) {
      addEntry(parts.slice(0, depth).join('/'), parts[depth]!);
    }
    if (parts.length > 1) entries.set(parts[0]!, entries.get(parts[0]!) ?? new Set());
  }

  for (const [dir, set] of entries) {
    const resources = [...set].sort(byFilesThenFolders);
    const kustomization = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources };
    files.set(join(root, dir, 'kustomization.yaml'), header + toYamlDocuments([kustomization]));
  }
  return files;
}

function join(...parts: string[]): string {
  return parts.filter(Boolean).join('/');
}

/** Files first (stable), then folders, each alphabetical: the order kustomize applies them in. */
function byFilesThenFolders(a: string, b: string): number {
  const fa = a.endsWith('.yaml') ? 0 : 1;
  const fb = b.endsWith('.yaml') ? 0 : 1;
  return fa - fb || (a < b ? -1 : a > b ? 1 : 0);
}
