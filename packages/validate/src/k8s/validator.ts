import { join } from 'node:path';
import { lazyK8sAjv } from './ajv-instance.js';
import { describeValue, formatAjvErrors } from './error-format.js';
import { KindRegistry } from './kind-registry.js';
import { openPrecompiledStore } from './precompiled.js';
import { chooseSchemaVersion, CRD_SCHEMAS_DIR, K8S_SCHEMAS_DIR, listVendoredVersions } from './schema-version.js';
import type { SchemaFinding, SchemaValidator, SchemaValidatorOptions } from './types.js';
import { parseYamlDocuments } from './yaml-documents.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "Deployment payments/api", "GlobalNetworkPolicy allow-onprem". */
export function objectLabel(obj: unknown): string {
  if (!isObj(obj)) return '(not an object)';
  const meta = isObj(obj.metadata) ? obj.metadata : {};
  const kind = typeof obj.kind === 'string' && obj.kind ? obj.kind : '(no kind)';
  const name = typeof meta.name === 'string' && meta.name ? meta.name : '(no name)';
  const ns = typeof meta.namespace === 'string' && meta.namespace ? `${meta.namespace}/` : '';
  return `${kind} ${ns}${name}`;
}

function hasNullField(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasNullField);
  if (!isObj(v)) return false;
  for (const k in v) {
    const x = v[k];
    if (x === null || hasNullField(x)) return true;
  }
  return false;
}

function withoutNullFields(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNullFields);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = withoutNullFields(x);
  return out;
}

/**
 * `field: null` is the same as leaving the field out for the API server (Go decodes null to the
 * zero value; CRD pruning drops it), so it is not an error. Copy only when there is a null.
 */
const dropNullFields = (obj: Obj): Obj => (hasNullField(obj) ? (withoutNullFields(obj) as Obj) : obj);

/**
 * Strict schema validation of rendered Kubernetes objects, like `kubectl apply --validate=strict`:
 * unknown fields, wrong types, missing required fields, unknown apiVersion/kind, and namespace on
 * cluster-scoped kinds are findings.
 */
export function createSchemaValidator(options: SchemaValidatorOptions = {}): SchemaValidator {
  const choice = chooseSchemaVersion(listVendoredVersions(K8S_SCHEMAS_DIR), options.kubernetesVersion);
  const builtinDir = join(K8S_SCHEMAS_DIR, `v${choice.schemaVersion}`);
  const store = options.precompiled === false ? undefined : openPrecompiledStore(choice.schemaVersion, builtinDir, CRD_SCHEMAS_DIR);
  const registry = new KindRegistry(lazyK8sAjv(), choice.schemaVersion, builtinDir, CRD_SCHEMAS_DIR, store);

  function validateObject(obj: unknown, where: { file: string }): SchemaFinding[] {
    const object = objectLabel(obj);
    const finding = (path: string, message: string): SchemaFinding => ({ file: where.file, object, path, message, rule: 'schema' });

    if (!isObj(obj)) return [finding('', `a Kubernetes object must be a mapping (got ${describeValue(obj)})`)];
    const { apiVersion, kind } = obj;
    const head: SchemaFinding[] = [];
    if (typeof apiVersion !== 'string' || apiVersion === '') {
      head.push(
        finding(
          '/apiVersion',
          apiVersion === undefined ? 'missing required field "apiVersion"' : `must be a non-empty string (got ${describeValue(apiVersion)})`,
        ),
      );
    }
    if (typeof kind !== 'string' || kind === '') {
      head.push(finding('/kind', kind === undefined ? 'missing required field "kind"' : `must be a non-empty string (got ${describeValue(kind)})`));
    }
    if (head.length > 0) return head;

    const found = registry.lookup(apiVersion as string, kind as string);
    if (!found.found) return [finding(found.path, found.message), ...metadataFindings(obj, undefined, finding)];

    const { validate, scope } = found.kind;
    const findings: SchemaFinding[] = [];
    if (!validate(dropNullFields(obj))) {
      for (const e of formatAjvErrors(validate.errors)) findings.push(finding(e.path, e.message));
    }
    const reported = new Set(findings.map((f) => f.path));
    for (const f of metadataFindings(obj, scope, finding)) if (!reported.has(f.path) && !reported.has('/metadata')) findings.push(f);
    return findings;
  }

  function validateYamlFile(file: string, content: string): SchemaFinding[] {
    const parsed = parseYamlDocuments(content);
    const findings: SchemaFinding[] = parsed.errors.map((e) => ({
      file,
      object: `(document ${e.index + 1})`,
      path: '',
      message: `YAML syntax error: ${e.message}`,
      rule: 'schema' as const,
      ...(e.line ? { line: e.line } : {}),
    }));
    for (const doc of parsed.documents) {
      const located = validateObject(doc.value, { file }).map((f) => {
        const line = doc.lineOf(f.path);
        return line ? { ...f, line } : f;
      });
      // ajv reports in schema order; a file reader wants document order.
      located.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
      findings.push(...located);
    }
    return findings;
  }

  return {
    schemaVersion: choice.schemaVersion,
    requestedVersion: options.kubernetesVersion,
    notes: choice.note ? [choice.note] : [],
    validateObject,
    validateYamlFile,
    compileStats: () => registry.compileStats(),
  };
}

/**
 * Checks the schema cannot express: a name is required (ObjectMeta allows generateName instead,
 * which `kubectl apply` and Flux cannot use), and cluster-scoped kinds take no namespace.
 */
function metadataFindings(obj: Obj, scope: 'Namespaced' | 'Cluster' | undefined, finding: (path: string, message: string) => SchemaFinding): SchemaFinding[] {
  const meta = obj.metadata;
  if (!isObj(meta)) {
    return meta === undefined || meta === null ? [finding('/metadata/name', 'missing required field "metadata.name"')] : [];
  }
  const out: SchemaFinding[] = [];
  if (meta.name === undefined || meta.name === null || meta.name === '') {
    out.push(finding('/metadata/name', 'missing required field "metadata.name" (apply needs a fixed name; generateName is not enough)'));
  }
  if (scope === 'Cluster' && meta.namespace !== undefined && meta.namespace !== null && meta.namespace !== '') {
    out.push(finding('/metadata/namespace', `${String(obj.kind)} is cluster-scoped and must not set metadata.namespace`));
  }
  return out;
}
