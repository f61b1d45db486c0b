import { TENANT_LABEL } from '@aks-hybrid/spec';
import { labelsOf } from './label-selector.js';
import { refOfObject, type ObjectRef } from './object-ref.js';

export type KubeObject = Record<string, unknown>;

/** A rendered object with where it came from. */
export interface IndexedObject {
  readonly object: KubeObject;
  readonly ref: ObjectRef;
  readonly apiVersion: string;
  readonly file: string;
}

/** Label the API server puts on every namespace (Kubernetes >= 1.22). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** The rendered Kubernetes objects of one cluster, by namespace and kind, for the policy rules. */
export class ObjectIndex {
  readonly all: IndexedObject[] = [];
  private readonly byNamespace = new Map<string, IndexedObject[]>();
  private readonly namespaces = new Map<string, IndexedObject>();
  private readonly labelCache = new Map<string, Readonly<Record<string, string>> | undefined>();

  constructor(objectsByFile: ReadonlyMap<string, readonly unknown[]>) {
    for (const [file, objects] of objectsByFile) {
      for (const object of objects) {
        const ref = refOfObject(object);
        if (!ref) continue; // the schema check reports objects without kind or name
        const o = object as KubeObject;
        const entry: IndexedObject = { object: o, ref, apiVersion: typeof o.apiVersion === 'string' ? o.apiVersion : '', file };
        this.all.push(entry);
        if (ref.kind === 'Namespace' && entry.apiVersion === 'v1') this.namespaces.set(ref.name, entry);
        if (ref.namespace) {
          let list = this.byNamespace.get(ref.namespace);
          if (!list) this.byNamespace.set(ref.namespace, (list = []));
          list.push(entry);
        }
      }
    }
  }

  /** The rendered Namespace object of `name`, if the tree has one. */
  namespace(name: string): IndexedObject | undefined {
    return this.namespaces.get(name);
  }

  /**
   * Labels of namespace `name` as the API server would hold them: the rendered labels plus the
   * `kubernetes.io/metadata.name` label it sets itself. Undefined when the tree does not create it.
   */
  namespaceLabels(name: string): Readonly<Record<string, string>> | undefined {
    if (this.labelCache.has(name)) return this.labelCache.get(name);
    const ns = this.namespaces.get(name);
    const labels = ns ? { ...labelsOf(ns.object), [NAMESPACE_NAME_LABEL]: name } : undefined;
    this.labelCache.set(name, labels);
    return labels;
  }

  /** Names of rendered namespaces labelled as tenants, sorted. */
  tenantNamespaces(): string[] {
    return [...this.namespaces.values()]
      .filter((n) => labelsOf(n.object)[TENANT_LABEL] === 'true')
      .map((n) => n.ref.name)
      .sort();
  }

  /** Objects in namespace `namespace`, optionally of one kind and API group (`apps/v1` -> `apps`). */
  inNamespace(namespace: string, kind?: string, group?: string): IndexedObject[] {
    const list = this.byNamespace.get(namespace) ?? [];
    if (kind === undefined) return list;
    return list.filter((e) => e.ref.kind === kind && (group === undefined || groupOf(e.apiVersion) === group));
  }

  ofKind(kind: string, group?: string): IndexedObject[] {
    return this.all.filter((e) => e.ref.kind === kind && (group === undefined || groupOf(e.apiVersion) === group));
  }
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}
