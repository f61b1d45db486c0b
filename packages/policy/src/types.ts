import type { ClusterSpec } from '@aks-hybrid/spec';
import type { BicepTree } from './bicep-tree.js';
import type { ObjectIndex } from './object-index.js';
import type { KindName } from './kinds.js';
import type { ObjectRef } from './object-ref.js';

/** How much harm a violation can do; informational (every finding blocks the render). */
export type Severity = 'high' | 'medium' | 'low';

/** What every rule of the catalogue states, whatever engine checks it. */
export interface RuleMeta {
  /** Stable ID, `KIT-<AREA>-<NNN>`; never reused for another meaning. */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** What the rule looks at: Kubernetes kinds, or Azure resource types for the Bicep rules. */
  readonly kinds: readonly string[];
  /** What to change, said to the person who reads the finding. */
  readonly hint: string;
  /** Why the rule exists (the catalogue in docs/policies.md says the same). */
  readonly rationale: string;
}

/** One CEL variable of a ValidatingAdmissionPolicy (`variables.<name>` in expressions). */
export interface CelVariable {
  readonly name: string;
  readonly expression: string;
}

/** One CEL validation: the object passes when `expression` is true. */
export interface CelValidation {
  readonly expression: string;
  /** Static message, used when there is no messageExpression or it fails. */
  readonly message: string;
  /** A CEL string expression that names the offending parts (container, image, subject). */
  readonly messageExpression?: string;
}

/**
 * Which requests a single-object rule applies to:
 * - `tenant-namespaces`: objects in namespaces labelled `kit.aks-hybrid.dev/tenant: "true"` (and
 *   such Namespaces themselves), whoever sends them;
 * - `applied-by-flux`: objects applied by Flux (any ServiceAccount of its namespace: the AKS
 *   extension's `flux-applier`, or kustomize-controller itself), i.e. what this repository declares;
 *   AKS's own controllers and the platform admins are not constrained;
 * - `platform-namespaces`: objects applied by Flux (as `applied-by-flux`) in namespaces NOT labelled as
 *   tenants: what the platform itself declares outside the team namespaces.
 */
export type AdmissionScope = 'tenant-namespaces' | 'applied-by-flux' | 'platform-namespaces';

/** Values from the cluster spec that rules put into their CEL as literals. */
export interface PolicyValues {
  /** The cluster registry's login server first, then `spec.images.allowedRegistries`. */
  readonly registries: readonly string[];
  /** User pool names: the pools workloads may be pinned to. */
  readonly userPools: readonly string[];
  readonly platformAdminGroups: readonly string[];
  /** Team namespaces whose quota allows Services of type LoadBalancer. */
  readonly loadBalancerNamespaces: readonly string[];
  /**
   * Usernames Flux applies the tree as: the AKS extension's `flux-applier` (impersonated by
   * kustomize-controller under multi-tenancy) and plain Flux's `kustomize-controller`. Not the whole
   * flux-system group: the extension's own controllers there must stay free to manage its objects.
   */
  readonly fluxAppliers: readonly string[];
  /** URL prefixes tenant Flux sources must start with (`spec.tenantSources`; none when the spec lists none). */
  readonly tenantSources: { readonly git: readonly string[]; readonly oci: readonly string[]; readonly helm: readonly string[] };
}

/**
 * A single-object rule, written once in CEL: rendered as a ValidatingAdmissionPolicy + binding for
 * the API server, and evaluated from that very policy object in CI.
 */
export interface CelRule extends RuleMeta {
  readonly engine: 'cel';
  /** The kinds it matches (names from kinds.ts): the policy's resourceRules and CI matching both come from this list. */
  readonly kinds: readonly KindName[];
  readonly scope: AdmissionScope;
  readonly variables?: (values: PolicyValues) => readonly CelVariable[];
  readonly validations: (values: PolicyValues) => readonly CelValidation[];
}

/** One violation found by a TypeScript rule, before exceptions are applied. */
export interface Violation {
  readonly ref: ObjectRef;
  /** Repo-relative file of the object (or of the spec, when the object is missing). */
  readonly file: string;
  readonly message: string;
  readonly path?: string;
  readonly line?: number;
}

/** A rule that spans objects (a namespace and its policies, an HPA and its PDB): CI only. */
export interface ObjectsRule extends RuleMeta {
  readonly engine: 'objects';
  check(context: ObjectsContext): Violation[];
}

/** A rule over the rendered Bicep: CI only. */
export interface AzureRule extends RuleMeta {
  readonly engine: 'bicep';
  check(context: AzureContext): AzureCheck;
}

export interface AzureCheck {
  readonly violations: Violation[];
  /** What could not be decided offline (a value behind an expression the checker cannot follow). */
  readonly unknown: string[];
}

/**
 * A rule about what a pull request changes, which needs the base ref as well as the head: `kit diff`
 * checks it (packages/gitops/src/diff), the render gate does not. It is in the catalogue so the
 * spec can declare exceptions for it and docs/policies.md lists it.
 */
export interface DiffRule extends RuleMeta {
  readonly engine: 'diff';
}

export type PolicyRule = CelRule | ObjectsRule | AzureRule | DiffRule;

export interface ObjectsContext {
  readonly spec: ClusterSpec;
  readonly index: ObjectIndex;
  /** The admission policy objects the catalogue generates for this spec (VAPs and bindings). */
  readonly expectedAdmissionObjects: readonly Record<string, unknown>[];
}

export interface AzureContext {
  readonly spec: ClusterSpec;
  readonly bicep: BicepTree;
}

/** An exception from the spec that a finding was waived by; shown in every report. */
export interface AppliedException {
  readonly rule: string;
  /** "Deployment dev/legacy-api", "ClusterRoleBinding ci-readers", "registries registry". */
  readonly object: string;
  readonly reason: string;
  /** The spec file that declares it. */
  readonly file: string;
}
