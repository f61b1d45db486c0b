import type { AppliedException, Finding } from '@aks-hybrid/policy';
import type { ClusterSpec, Team } from '@aks-hybrid/spec';
import { compileBicep } from './bicep-compile/index.js';
import { createSchemaValidator, type SchemaValidator } from './k8s/index.js';
import { parseYamlDocuments } from './k8s/yaml-documents.js';
import { checkKustomizationIndexes } from './kustomize/index.js';
import { PolicyGate } from './policy/index.js';

export interface ValidateOptions {
  /**
   * The objects behind each rendered YAML file, when the caller still has them: validating objects
   * skips re-parsing the YAML, which is most of the cost. Without it the files are parsed.
   */
  readonly objects?: ReadonlyMap<string, readonly unknown[]>;
  /**
   * A missing Bicep CLI is a finding (`kit validate`, CI) rather than a note (`render`).
   * @default KIT_REQUIRE_BICEP=1 or CI=true
   */
  readonly requireBicep?: boolean;
}

/** Everything one validation run found, and what a reviewer should see besides the findings. */
export interface ValidationReport {
  /** Schema, index, Bicep and policy findings. Empty means the output is safe to write. */
  readonly findings: Finding[];
  /** Policy exceptions from the spec that waived a violation, with their reasons. */
  readonly exceptions: AppliedException[];
  /** What was not checked, or checked with a caveat (kinds without a schema, Bicep not compiled, values known only at deployment). */
  readonly notes: string[];
  /** Milliseconds the Bicep compiler took per compiled file (each .bicepparam's build + snapshot, each template's lint). */
  readonly bicepCompileMs: ReadonlyMap<string, number>;
}

/**
 * Kubernetes kinds (`apiVersion kind`) the kit renders that the vendored OpenAPI does not describe,
 * so the strict schema check skips them rather than report unknown kinds. Each entry says why the
 * kind is rendered and what checks it instead. No schema is invented for them.
 */
// Empty since the Kubernetes 1.35 OpenAPI was vendored: it describes admissionregistration.k8s.io/v1,
// so the ValidatingAdmissionPolicies and their bindings are schema-checked like everything else.
export const KUBERNETES_KINDS_WITHOUT_SCHEMA: ReadonlyMap<string, string> = new Map<string, string>([]);

const kindKey = (object: unknown): string | undefined => {
  if (typeof object !== 'object' || object === null) return undefined;
  const o = object as { apiVersion?: unknown; kind?: unknown };
  return typeof o.apiVersion === 'string' && typeof o.kind === 'string' ? `${o.apiVersion} ${o.kind}` : undefined;
};

const validators = new Map<string, SchemaValidator>();

/** One validator per Kubernetes version, reused across clusters and runs (compiling is the cost). */
function validatorFor(version: string): SchemaValidator {
  let validator = validators.get(version);
  if (!validator) {
    validator = createSchemaValidator({ kubernetesVersion: version });
    validators.set(version, validator);
  }
  return validator;
}

/** Parses a YAML file once: schema findings (with lines) and its objects, for the policy gate. */
function schemaCheckYaml(schema: SchemaValidator, file: string, content: string, skipped: Set<string>): { findings: Finding[]; objects: unknown[] } {
  const parsed = parseYamlDocuments(content);
  const findings: Finding[] = parsed.errors.map((e) => ({
    file,
    object: `(document ${e.index + 1})`,
    path: '',
    message: `YAML syntax error: ${e.message}`,
    rule: 'schema',
    ...(e.line ? { line: e.line } : {}),
  }));
  const objects: unknown[] = [];
  for (const doc of parsed.documents) {
    objects.push(doc.value);
    const key = kindKey(doc.value);
    if (key && KUBERNETES_KINDS_WITHOUT_SCHEMA.has(key)) {
      skipped.add(key);
      continue;
    }
    const located = schema.validateObject(doc.value, { file }).map((f) => {
      const line = doc.lineOf(f.path);
      return line ? { ...f, line } : f;
    });
    // ajv reports in schema order; a file reader wants document order.
    located.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
    findings.push(...located);
  }
  return { findings, objects };
}

/**
 * Every check that needs no cluster, over a cluster's rendered (or committed) files: Kubernetes and
 * CRD schemas, kustomization indexes, the Bicep compiler and linter (the real CLI, on a temporary copy)
 * and the policy gate, with the exceptions the gate applied and notes on what it did not check.
 */
export async function validateRenderedReport(files: ReadonlyMap<string, string>, spec: ClusterSpec, options: ValidateOptions = {}): Promise<ValidationReport> {
  return new ValidationSession(spec, options).finish(files);
}

/** The findings of `validateRenderedReport`: what blocks a render. */
export async function validateRendered(files: ReadonlyMap<string, string>, spec: ClusterSpec, options: ValidateOptions = {}): Promise<Finding[]> {
  return (await validateRenderedReport(files, spec, options)).findings;
}

/**
 * The files whose path passes `keep`, without reading or copying any text: a large render keeps most of
 * its text in a temporary file, and the index check reads only the kustomization files.
 */
function pathFilteredView(files: ReadonlyMap<string, string>, keep: (path: string) => boolean): ReadonlyMap<string, string> {
  const paths = [...files.keys()].filter(keep);
  const kept = new Set(paths);
  const entries = function* (): MapIterator<[string, string]> {
    for (const path of paths) yield [path, files.get(path)!];
  };
  return {
    get: (path) => (kept.has(path) ? files.get(path) : undefined),
    has: (path) => kept.has(path),
    size: paths.length,
    keys: () => paths.values(),
    values: function* (): MapIterator<string> {
      for (const path of paths) yield files.get(path)!;
    },
    entries,
    [Symbol.iterator]: entries,
    forEach(callback, thisArg) {
      for (const [path, text] of entries()) callback.call(thisArg, text, path, this);
    },
  };
}

const isFluxYaml = (path: string) => path.startsWith('gitops/clusters/') && /\.ya?ml$/.test(path) && !/(^|\/)kustomization\.ya?ml$/.test(path);

/**
 * validateRenderedReport for a render that hands its objects over as it goes (gitops'
 * renderClusterStreaming): `add` checks the schemas and the policy gate on the platform's objects,
 * then on each batch of teams, which the caller then lets go; `finish` adds the checks over the files
 * (kustomization indexes, the Bicep compiler, the Bicep rules). The same findings, in the same order,
 * as the whole tree at once. With no batch added, `finish` checks the files' objects as one.
 */
export class ValidationSession {
  private readonly schema: SchemaValidator;
  private readonly gate: PolicyGate;
  private readonly schemaFindings: Finding[] = [];
  private readonly skipped = new Set<string>();
  private platform: ReadonlyMap<string, readonly unknown[]> | undefined;
  private added = false;

  constructor(
    private readonly spec: ClusterSpec,
    private readonly options: ValidateOptions = {},
  ) {
    this.schema = validatorFor(spec.cluster.kubernetesVersion);
    this.gate = new PolicyGate(spec);
  }

  /** The objects of each file by path: the platform's first (`teams` empty), then each batch of teams. */
  add(objects: ReadonlyMap<string, readonly unknown[]>, teams: readonly Team[]): void {
    this.added = true;
    for (const [path, list] of objects) this.schemaCheckObjects(path, list);
    if (teams.length === 0 && this.platform === undefined) {
      this.platform = objects;
      this.gate.checkObjects(objects, []);
    } else this.gate.checkObjects(objects, teams, this.platform);
  }

  async finish(files: ReadonlyMap<string, string>): Promise<ValidationReport> {
    if (!this.added) this.checkWholeTree(files);
    // Batches arrive platform first; a reader (and the whole-tree check) goes by file path.
    const order = new Map([...files.keys()].map((path, i) => [path, i]));
    const findings = [...this.schemaFindings].sort((a, b) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1));
    findings.push(...checkKustomizationIndexes(pathFilteredView(files, (path) => path.startsWith('gitops/clusters/'))));
    const bicep = await compileBicep(files, this.options.requireBicep === undefined ? {} : { required: this.options.requireBicep });
    findings.push(...bicep.findings);
    // The Azure rules of the policy gate read what the compiler predicts the deployment creates.
    if (bicep.deployments.length > 0) this.gate.checkAzure(bicep.deployments);
    const policy = this.gate.report();
    findings.push(...policy.findings);
    const notes = [
      ...this.schema.notes,
      ...[...this.skipped].sort().map((key) => `not schema-validated (no vendored schema): ${key}: ${KUBERNETES_KINDS_WITHOUT_SCHEMA.get(key)}`),
      ...bicep.notes,
      ...policy.notes,
    ];
    return { findings, exceptions: policy.exceptions, notes, bicepCompileMs: bicep.timings };
  }

  /** Every YAML file of the Flux tree at once: the objects given for it, or parsed (with lines). */
  private checkWholeTree(files: ReadonlyMap<string, string>): void {
    const objects = new Map<string, readonly unknown[]>();
    for (const [path, content] of files) {
      if (!isFluxYaml(path)) continue;
      const given = this.options.objects?.get(path);
      if (given) {
        objects.set(path, given);
        this.schemaCheckObjects(path, given);
      } else {
        const checked = schemaCheckYaml(this.schema, path, content, this.skipped);
        this.schemaFindings.push(...checked.findings);
        objects.set(path, checked.objects);
      }
    }
    this.gate.checkObjects(objects, this.spec.teams);
  }

  private schemaCheckObjects(path: string, objects: readonly unknown[]): void {
    for (const object of objects) {
      const key = kindKey(object);
      if (key && KUBERNETES_KINDS_WITHOUT_SCHEMA.has(key)) this.skipped.add(key);
      else this.schemaFindings.push(...this.schema.validateObject(object, { file: path }));
    }
  }
}
