import type { ManifestUnit } from '@aks-hybrid/charts';
import { fluxEntryDir, generatedHeader } from './layout.js';
import { RenderedFiles } from './rendered-files.js';
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
  const layout = new FluxTreeLayout(cluster);
  for (const unit of units) {
    for (const [path, objects] of layout.add(unit)) objectsOut?.set(path, objects);
  }
  return new Map(layout.finish());
}

/**
 * layoutFluxTree one unit at a time, so a render can drop a unit's objects once they are written out
 * (and checked): the files so far as YAML, and the entries of every folder's index.
 */
export class FluxTreeLayout {
  private readonly root: string;
  private readonly header: string;
  private readonly entries = new Map<string, Set<string>>();

  /** `files` receives each file's YAML as it is laid out (a RenderedFiles keeps a large tree out of memory). */
  constructor(
    cluster: string,
    private readonly files: RenderedFiles = new RenderedFiles(),
  ) {
    this.root = fluxEntryDir(cluster);
    this.header = generatedHeader(cluster, '#');
  }

  /** Writes out the unit's files and registers the unit with its parent folders; returns each file's objects by path. */
  add(unit: ManifestUnit): Map<string, readonly unknown[]> {
    const objects = new Map<string, readonly unknown[]>();
    const dir = unit.dir;
    this.entries.set(dir, this.entries.get(dir) ?? new Set());
    for (const file of unit.files) {
      const path = join(this.root, dir, file.name);
      this.files.set(path, toYamlDocuments(file.objects, this.header));
      objects.set(path, file.objects);
      this.addEntry(dir, file.name);
    }
    // Register the unit in its parent chain, except the entry folder: the Flux Kustomizations in the
    // entry folder reconcile infrastructure/, calico-apiserver/, calico/ and teams/ separately, in
    // dependency order (a Calico folder is only there when the spec opts into the Calico API).
    const parts = dir.split('/').filter(Boolean);
    for (let depth = parts.length - 1; depth >= 1; depth--) {
      this.addEntry(parts.slice(0, depth).join('/'), parts[depth]!);
    }
    if (parts.length > 1) this.entries.set(parts[0]!, this.entries.get(parts[0]!) ?? new Set());
    return objects;
  }

  /** Every file added, then a kustomization.yaml per folder: the files given to the constructor, completed. */
  finish(): RenderedFiles {
    for (const [dir, set] of this.entries) {
      const resources = [...set].sort(byFilesThenFolders);
      const kustomization = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources };
      this.files.set(join(this.root, dir, 'kustomization.yaml'), toYamlDocuments([kustomization], this.header));
    }
    return this.files;
  }

  private addEntry(dir: string, entry: string): void {
    const set = this.entries.get(dir) ?? new Set<string>();
    set.add(entry);
    this.entries.set(dir, set);
  }
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
