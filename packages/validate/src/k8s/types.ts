/** One schema problem in one rendered Kubernetes object. */
export interface SchemaFinding {
  /** Repo-relative file the object came from. */
  readonly file: string;
  /** Kind plus namespace/name, e.g. "Deployment payments/api" or "GlobalNetworkPolicy allow-onprem". */
  readonly object: string;
  /** JSON pointer to the offending value inside the object, e.g. /spec/replicas ("" = the object itself). */
  readonly path: string;
  readonly message: string;
  readonly rule: 'schema';
  /** 1-based line in the file, when the object came from YAML text and the node could be located. */
  readonly line?: number;
}

export interface SchemaValidatorOptions {
  /**
   * Cluster version, e.g. "1.32", "v1.33.2". Picks the vendored OpenAPI set for that minor
   * (or the newest set when the cluster is newer). Defaults to the newest vendored set.
   */
  readonly kubernetesVersion?: string;
  /**
   * Load and store precompiled (ajv standalone) validators in the git-ignored cache
   * (precompiled.ts). False compiles every kind in this process.
   * @default true
   */
  readonly precompiled?: boolean;
}

export type ResourceScope = 'Namespaced' | 'Cluster';

/** apiVersion + kind, as written in manifests ("apps/v1", "Deployment"). */
export interface ApiKind {
  readonly apiVersion: string;
  readonly kind: string;
}

export interface SchemaValidator {
  /** Vendored schema set in use, e.g. "1.32". */
  readonly schemaVersion: string;
  /** The version asked for (undefined = newest vendored set). */
  readonly requestedVersion: string | undefined;
  /** Human-readable notes, e.g. that a newer cluster version fell back to an older schema set. */
  readonly notes: readonly string[];
  validateObject(obj: unknown, where: { file: string }): SchemaFinding[];
  validateYamlFile(file: string, content: string): SchemaFinding[];
  /** Compile statistics, for benchmarks: one entry per apiVersion/kind compiled so far. */
  compileStats(): readonly CompileStat[];
}

export interface CompileStat {
  readonly apiVersion: string;
  readonly kind: string;
  /** Time to load the schema document(s) the first time this kind's group was needed. */
  readonly loadMs: number;
  /** Time to compile this kind's validator (shared definitions compiled earlier are not re-counted). */
  readonly compileMs: number;
  /** True when the validator was loaded from the precompiled cache instead of compiled. */
  readonly precompiled?: boolean;
}
