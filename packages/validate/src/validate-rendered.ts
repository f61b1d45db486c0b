import type { AppliedException, Finding } from '@aks-hybrid/policy';
import type { ClusterSpec } from '@aks-hybrid/spec';
import { compileBicep } from './bicep-compile/index.js';
import { createSchemaValidator, type SchemaValidator } from './k8s/index.js';
import { parseYamlDocuments } from './k8s/yaml-documents.js';
import { checkKustomizationIndexes } from './kustomize/index.js';
import { evaluatePolicies } from './policy/index.js';

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
  const findings: Finding[] = [];
  const schema = validatorFor(spec.cluster.kubernetesVersion);
  const flux = new Map<string, string>();
  const objects = new Map<string, readonly unknown[]>();
  const skipped = new Set<string>();
  for (const [path, content] of files) {
    if (path.startsWith('gitops/clusters/')) {
      flux.set(path, content);
      if (!/\.ya?ml$/.test(path) || /(^|\/)kustomization\.ya?ml$/.test(path)) continue;
      const given = options.objects?.get(path);
      if (given) {
        objects.set(path, given);
        for (const object of given) {
          const key = kindKey(object);
          if (key && KUBERNETES_KINDS_WITHOUT_SCHEMA.has(key)) skipped.add(key);
          else findings.push(...schema.validateObject(object, { file: path }));
        }
      } else {
        const checked = schemaCheckYaml(schema, path, content, skipped);
        findings.push(...checked.findings);
        objects.set(path, checked.objects);
      }
    }
  }
  findings.push(...checkKustomizationIndexes(flux));
  const bicep = await compileBicep(files, options.requireBicep === undefined ? {} : { required: options.requireBicep });
  findings.push(...bicep.findings);
  // The Azure rules of the policy gate read what the compiler predicts the deployment creates.
  const policy = await evaluatePolicies({ objects, azure: bicep.deployments }, spec);
  findings.push(...policy.findings);
  const notes = [
    ...schema.notes,
    ...[...skipped].sort().map((key) => `not schema-validated (no vendored schema): ${key}: ${KUBERNETES_KINDS_WITHOUT_SCHEMA.get(key)}`),
    ...bicep.notes,
    ...policy.notes,
  ];
  return { findings, exceptions: policy.exceptions, notes, bicepCompileMs: bicep.timings };
}

/** The findings of `validateRenderedReport`: what blocks a render. */
export async function validateRendered(files: ReadonlyMap<string, string>, spec: ClusterSpec, options: ValidateOptions = {}): Promise<Finding[]> {
  return (await validateRenderedReport(files, spec, options)).findings;
}
