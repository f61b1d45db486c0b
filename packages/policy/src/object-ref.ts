import { isClusterScopedKind } from './kinds.js';

/** An object a finding or an exception is about: a Kubernetes object or a Bicep resource. */
export interface ObjectRef {
  readonly kind: string;
  /** Unset for cluster-scoped objects and Bicep resources. */
  readonly namespace?: string;
  readonly name: string;
}

/** `Kind/namespace/name` or `Kind/name`: how exceptions are matched. */
export function refKey(ref: ObjectRef): string {
  return ref.namespace ? `${ref.kind}/${ref.namespace}/${ref.name}` : `${ref.kind}/${ref.name}`;
}

/** "Deployment dev/legacy-api", "ClusterRoleBinding kit-platform-admins": as schema findings name objects. */
export function refLabel(ref: ObjectRef): string {
  return ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The ref of a rendered Kubernetes object; undefined when it has no kind or name. */
export function refOfObject(object: unknown): ObjectRef | undefined {
  if (!isObj(object) || typeof object.kind !== 'string') return undefined;
  const meta = isObj(object.metadata) ? object.metadata : {};
  if (typeof meta.name !== 'string' || meta.name === '') return undefined;
  const namespace = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined;
  return namespace ? { kind: object.kind, namespace, name: meta.name } : { kind: object.kind, name: meta.name };
}

/**
 * Reads an exception's `object` field. In a team file `Kind/name` means the object in the team's
 * namespace (or, for a cluster-scoped kind, that object itself); in platform.yaml `Kind/ns/name` is
 * namespaced and `Kind/name` cluster-scoped (or a Bicep resource, `registries/registry`).
 */
export function parseExceptionObject(text: string, teamNamespace?: string): ObjectRef | { readonly error: string } {
  const parts = text.split('/');
  if (parts.some((p) => p === '') || parts.length < 2 || parts.length > 3) {
    return { error: `"${text}" is not of the form Kind/name${teamNamespace ? '' : ' or Kind/namespace/name'}` };
  }
  const [kind, a, b] = parts as [string, string, string | undefined];
  if (b !== undefined) {
    if (teamNamespace) return { error: `"${text}": a team file names objects of its own namespace as Kind/name` };
    return { kind, namespace: a, name: b };
  }
  if (teamNamespace && !isClusterScopedKind(kind)) return { kind, namespace: teamNamespace, name: a };
  return { kind, name: a };
}
