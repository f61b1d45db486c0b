/**
 * The desired-state change of one cluster between two sides (a base git ref and the working tree).
 * Plain data, so it serialises to JSON as is and both formatters read the same facts.
 */
export interface ClusterDiff {
  readonly cluster: string;
  /** The base side's label (a git ref), for headings. */
  readonly base: string;
  /** `added`/`removed`: the cluster exists on one side only; `unchanged`: nothing below is non-empty. */
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly objects: ObjectsDiff;
  readonly bicep: BicepDiff;
  /** Generated files that are neither Kubernetes objects, nor parameters, nor templates (docs, JSON). */
  readonly files: readonly FileDelta[];
  readonly sla: SlaDiff;
  /** Things the reader must know about how the diff was made (e.g. the base spec did not load). */
  readonly notes: readonly string[];
  /** Policy findings about the change itself (rules that need the base ref, e.g. KIT-OFFBOARD-001); any makes `kit diff` exit 1. */
  readonly findings: readonly DiffFinding[];
  /** Findings the spec waived with a reasoned exception, shown to the reviewer. */
  readonly waived: readonly WaivedFinding[];
}

/** A policy finding about what the change does (not about one side's files). */
export interface DiffFinding {
  /** Stable rule ID from docs/policies.md. */
  readonly rule: string;
  /** `Namespace payments`. */
  readonly object: string;
  /** Where the reviewer looks: the object's file at the base ref. */
  readonly file: string;
  readonly message: string;
  /** What the facts are (the claims, the quota...). */
  readonly evidence: readonly string[];
  readonly hint: string;
}

export interface WaivedFinding {
  readonly rule: string;
  readonly object: string;
  readonly reason: string;
  /** The spec file that declares the exception. */
  readonly exceptionFile: string;
}

/** A platform policy exception of the head spec (`spec.policyExceptions` of platform.yaml). */
export interface DeclaredPolicyException {
  readonly rule: string;
  /** `Kind/name` or `Kind/namespace/name`, as written in the spec. */
  readonly object: string;
  readonly reason: string;
  readonly file: string;
}

/** A fact that changed: a scalar (`before` -> `after`) or a set (`added` / `removed` members). */
export interface Change {
  /** What it is, in the reviewer's words (`hard requests.cpu`, `subjects`, `egress CIDRs`). */
  readonly what: string;
  readonly before?: string;
  readonly after?: string;
  readonly added?: readonly string[];
  readonly removed?: readonly string[];
  /** For a Bicep parameter field: what AKS does with the change when it cannot apply it in place. */
  readonly impact?: ChangeImpact;
}

/** One fact about an object as it is on one side (for objects that were added or removed). */
export interface Fact {
  readonly what: string;
  /** A scalar, or the members of a set (subjects, CIDRs, rules). */
  readonly value: string | readonly string[];
}

/** One leaf of the structural diff of two values; `path` is dotted, list items keyed by name where they have one. */
export interface FieldChange {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface ObjectRef {
  /** `apiVersion/kind/namespace/name`; objects are matched by this, whatever file they live in. */
  readonly key: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  /** The file that holds the object (on the head side when it exists there). */
  readonly file: string;
}

export interface ObjectSummary extends ObjectRef {
  /** What the object does, for the kinds reviewers care about (subjects, quota, CIDRs...). */
  readonly facts: readonly Fact[];
}

export interface ObjectChange extends ObjectRef {
  /** Set when the object moved to another file. */
  readonly movedFrom?: string;
  /** The changes that matter, summarised for the object's kind; empty for kinds without a summary. */
  readonly highlights: readonly Change[];
  /** Every field that changed. */
  readonly fields: readonly FieldChange[];
}

export interface ObjectsDiff {
  readonly added: readonly ObjectSummary[];
  readonly removed: readonly ObjectSummary[];
  readonly changed: readonly ObjectChange[];
}

export interface ParameterChange {
  readonly name: string;
  readonly kind: 'added' | 'removed' | 'changed';
  /** Field-level changes inside the value (for objects and lists), or one change of the whole value. */
  readonly changes: readonly Change[];
}

/** A parameter change AKS cannot apply in place (azure-change-impact.ts), next to the change it is about. */
export interface ImpactNote extends ChangeImpact {
  /** The changed field, as the parameter list names it (`agentPools[memory].vmSize`). */
  readonly what: string;
}

/** A node pool as the Bicep parameters give it: the columns of the node pool table. */
export interface NodePoolFigures {
  readonly vmSize: string;
  readonly minCount: string;
  readonly maxCount: string;
  readonly zones: string;
}

export interface NodePoolChange {
  /** The parameter that holds it (`primaryAgentPoolProfile`, `agentPools`). */
  readonly parameter: string;
  readonly name: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before?: NodePoolFigures;
  readonly after?: NodePoolFigures;
}

export interface FileDelta {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly linesAdded: number;
  readonly linesRemoved: number;
}

export interface BicepDiff {
  /** The parameters file compared (for headings); absent when neither side has one. */
  readonly parametersFile?: string;
  readonly parameters: readonly ParameterChange[];
  /** Only pools whose table columns changed (size, counts, zones), or that were added or removed. */
  readonly nodePools: readonly NodePoolChange[];
  /** `.bicep` templates and modules, by line counts: their logic is reviewed in the file diff. */
  readonly templates: readonly FileDelta[];
  /** Changed parameters that AKS applies by rebuilding a pool, or refuses (a new cluster is needed). */
  readonly impacts: readonly ImpactNote[];
}

/** The figures of one SLA path, as the SLA model prints them. */
export interface SlaPathFigures {
  /** `cluster:workloads`, `fleet:hybrid`, ...: unique across the cluster's and the fleet's paths. */
  readonly id: string;
  readonly title: string;
  /** Exact availability. */
  readonly availability: string;
  /** Rounded down, as printed. */
  readonly percent: string;
  /** Exact seconds of allowed downtime per (30-day) month. */
  readonly downtimeSecondsPerMonth: string;
  /** Rounded up, for people. */
  readonly downtimePerMonth: string;
}

export interface SlaFigures {
  readonly paths: readonly SlaPathFigures[];
}

export interface SlaPathChange {
  readonly id: string;
  readonly title: string;
  readonly before?: SlaPathFigures;
  readonly after?: SlaPathFigures;
  /** after - before allowed downtime per month, for people (`+4 min 19 s`, `-13 s`); absent when a side is missing. */
  readonly downtimeDelta?: string;
}

export type SlaDiff =
  | { readonly status: 'unchanged' }
  | { readonly status: 'changed'; readonly paths: readonly SlaPathChange[] }
  | { readonly status: 'skipped'; readonly reason: string };

/** What the caller knows beyond the files: names and, when it could compute them, SLA figures. */
export interface DiffContext {
  readonly cluster: string;
  /** Label of the base side; `base` by default. */
  readonly base?: string;
  /** Base figures, or why there are none (e.g. the base spec did not load). */
  readonly slaBefore?: SlaFigures | { readonly skipped: string };
  readonly slaAfter?: SlaFigures | { readonly skipped: string };
  readonly notes?: readonly string[];
  /** The head spec's platform exceptions; only these can waive a diff rule (the removed team's own file is gone). */
  readonly policyExceptions?: readonly DeclaredPolicyException[];
  /**
   * Impact of Bicep parameter changes on AKS (`rebuildsPool`, `newCluster`); default: the kit's
   * table (azure-change-impact.ts). Tests pass their own.
   */
  readonly changeImpact?: (parameterPath: string) => ChangeImpact | undefined;
  /**
   * The parameters of each changed .bicepparam file on both sides, as `bicep build-params` read them
   * (readBicepParameters; diffCluster fills it). A changed parameter file missing here is compared as a file.
   */
  readonly bicepParameters?: ReadonlyMap<string, import('./bicep-params.js').ParameterSides>;
}

/** What AKS does with a parameter change: rebuild the node pool, or refuse (a new cluster is needed). */
export interface ChangeImpact {
  readonly kind: 'rebuildsPool' | 'newCluster';
  /** What the reviewer reads next to the change. */
  readonly summary: string;
  /** Why, with the Microsoft Learn page that says so. */
  readonly detail: string;
  readonly source: string;
}
