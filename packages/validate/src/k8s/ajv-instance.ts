import { _, Ajv, type KeywordCxt } from 'ajv';
import { compileCelRules } from './cel-rules.js';
import { compileListType } from './list-type.js';

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
    // Measured: skipping ajv's code optimisation passes halves compile time (Deployment ~250 ms
    // -> ~125 ms) with no measurable cost per validated object.
    code: { optimize: false },
  });

  ajv.addFormat('int32', { type: 'number', validate: (n: number) => n >= INT32_MIN && n <= INT32_MAX });
  ajv.addFormat('int64', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  for (const f of ['byte', 'date-time', 'date', 'duration', 'password']) ajv.addFormat(f, true);

  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword });

  // Value must be an integer or a string (IntOrString fields: ports, maxSurge, ...). Generated
  // code, not a macro: a macro would report a second, vaguer error next to the type error.
  ajv.addKeyword({
    keyword: 'x-kubernetes-int-or-string',
    schemaType: 'boolean',
    code(cxt: KeywordCxt) {
      if (cxt.schema !== true) return;
      const d = cxt.data;
      cxt.fail(_`!(typeof ${d} == "string" || (typeof ${d} == "number" && Number.isInteger(${d})))`);
    },
    error: { message: 'must be integer or string' },
  });

  // Duplicate keys in set/map lists (see list-type.ts).
  ajv.addKeyword({
    keyword: 'x-kubernetes-list-type',
    type: 'array',
    schemaType: 'string',
    errors: true,
    compile: compileListType,
  });

  // CRD CEL rules, evaluated conservatively (see cel-rules.ts).
  ajv.addKeyword({
    keyword: 'x-kubernetes-validations',
    schemaType: 'array',
    errors: true,
    compile: compileCelRules,
  });

  return {
    ajv,
    ensureVendorKeyword(name) {
      if (!ajv.getKeyword(name)) ajv.addKeyword({ keyword: name });
    },
  };
}
