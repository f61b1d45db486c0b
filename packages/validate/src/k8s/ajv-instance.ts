import { Ajv, type AnySchemaObject, type DataValidateFunction, type ErrorObject } from 'ajv';

/**
 * Kubernetes vendor extensions that only annotate (merge strategy, GVK lists, ...). They are
 * registered so ajv's strict mode accepts them instead of rejecting the schema.
 */
const ANNOTATION_KEYWORDS = [
  'x-kubernetes-group-version-kind',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-map-type',
  'x-kubernetes-patch-merge-key',
  'x-kubernetes-patch-strategy',
  'x-kubernetes-unions',
  'x-kubernetes-embedded-resource',
  // Handled by the converter (it decides where additionalProperties: false goes).
  'x-kubernetes-preserve-unknown-fields',
  // CEL rules; not evaluated (see README of this folder / report).
  'x-kubernetes-validations',
  'x-kubernetes-selectable-fields',
];

/** Formats met in the vendored schemas. Only int32 asserts anything (a range); the rest are lenient. */
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
export const KNOWN_FORMATS: ReadonlySet<string> = new Set(['int32', 'int64', 'double', 'float', 'byte', 'date-time', 'date', 'duration', 'password']);

export interface K8sAjv {
  readonly ajv: Ajv;
  /** Registers an unknown vendor extension (x-...) as an annotation, once. */
  ensureVendorKeyword(name: string): void;
}

export function createK8sAjv(): K8sAjv {
  const ajv = new Ajv({
    allErrors: true, // report every problem in an object, not just the first
    verbose: true, // errors carry parentSchema: needed to list the allowed fields
    strictSchema: true, // unknown keywords are a bug in the converter, not something to ignore
    strictTypes: false, // OpenAPI often has `properties` without `type: object`
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    validateSchema: false, // the schemas are vendored data, checked by tests; skip meta-validation cost
    inlineRefs: false, // each definition compiles once into its own function, shared by every kind
    addUsedSchema: false,
    messages: true,
  });

  ajv.addFormat('int32', { type: 'number', validate: (n: number) => n >= INT32_MIN && n <= INT32_MAX });
  ajv.addFormat('int64', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  for (const f of ['byte', 'date-time', 'date', 'duration', 'password']) ajv.addFormat(f, true);

  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword });

  // Value must be an integer or a string (IntOrString fields: ports, maxSurge, ...).
  ajv.addKeyword({
    keyword: 'x-kubernetes-int-or-string',
    schemaType: 'boolean',
    macro: (on: boolean) => (on ? { type: ['integer', 'string'] } : true),
  });

  ajv.addKeyword({
    keyword: 'x-kubernetes-list-type',
    type: 'array',
    schemaType: 'string',
    errors: true,
    compile: compileListType,
  });

  return {
    ajv,
    ensureVendorKeyword(name) {
      if (!ajv.getKeyword(name)) ajv.addKeyword({ keyword: name });
    },
  };
}

/**
 * list-type set/map: duplicates are rejected by the API server's server-side apply (which Flux
 * uses), e.g. two containers with the same name. atomic and unset lists are not checked.
 */
function compileListType(listType: string, parent: AnySchemaObject): DataValidateFunction {
  const keys: string[] = Array.isArray(parent['x-kubernetes-list-map-keys']) ? parent['x-kubernetes-list-map-keys'] : [];
  const identity =
    listType === 'set'
      ? (item: unknown) => stableStringify(item)
      : listType === 'map' && keys.length > 0
        ? (item: unknown) =>
            typeof item === 'object' && item !== null
              ? JSON.stringify(keys.map((k) => (item as Record<string, unknown>)[k] ?? null))
              : undefined
        : undefined;
  if (!identity) return () => true;

  const validate: DataValidateFunction = (data: unknown) => {
    if (!Array.isArray(data) || data.length < 2) return true;
    const seen = new Map<string, number>();
    const errors: ErrorObject[] = [];
    data.forEach((item, index) => {
      const id = identity(item);
      if (id === undefined) return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, index);
      // instancePath left unset on purpose: ajv fills in the array's path.
      else
        errors.push({
          keyword: 'x-kubernetes-list-type',
          params: { listType, keys, index, first, item },
          message: 'duplicate list entry',
        } as unknown as ErrorObject);
    });
    if (errors.length === 0) return true;
    validate.errors = errors;
    return false;
  };
  return validate;
}

function stableStringify(v: unknown): string {
  if (typeof v !== 'object' || v === null) return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
    .join(',')}}`;
}
