import { createRequire } from 'node:module';
import type { Ajv, AnySchemaObject, Code, KeywordCxt } from 'ajv';
import type { DataValidateFunction } from 'ajv/dist/types/index.js';
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

const FORMATS = {
  int32: { type: 'number', validate: (n: number) => n >= INT32_MIN && n <= INT32_MAX },
  int64: { type: 'number', validate: () => true },
  double: { type: 'number', validate: () => true },
  float: { type: 'number', validate: () => true },
  byte: true,
  'date-time': true,
  date: true,
  duration: true,
  password: true,
} as const;

const mapKeys = (parent: AnySchemaObject): string[] => (Array.isArray(parent['x-kubernetes-list-map-keys']) ? parent['x-kubernetes-list-map-keys'] : []);

/**
 * Registers a keyword's compiled function with the expression that rebuilds it in standalone code.
 * ajv names keyword functions by reference, so its own registration then finds this one.
 */
function withStandaloneCode(ajv: Ajv, fn: DataValidateFunction, code: Code): DataValidateFunction {
  ajv.scope.value('keyword', { ref: fn, code });
  return fn;
}

/** What standalone validators refer to as `helpers` (see precompiled.ts). */
export function standaloneHelpers(): Record<string, unknown> {
  return {
    formats: FORMATS,
    listType: (listType: string, keys: string[]) => compileListType(listType, { 'x-kubernetes-list-map-keys': keys }),
    celRules: compileCelRules,
  };
}

const requireHere = createRequire(import.meta.url);

/**
 * ajv itself, loaded on first use: with every kind precompiled (precompiled.ts) a command never compiles,
 * and loading ajv cost ~40 ms of every start-up (measured on `kit render --check`).
 */
const ajvModule = () => requireHere('ajv') as typeof import('ajv');

export interface K8sAjv {
  readonly ajv: Ajv;
  /** Registers an unknown vendor extension (x-...) as an annotation, once. */
  ensureVendorKeyword(name: string): void;
}

/** A K8sAjv whose ajv is created (and ajv loaded) only when something is compiled. */
export function lazyK8sAjv(): K8sAjv {
  let instance: K8sAjv | undefined;
  const get = () => (instance ??= createK8sAjv());
  return {
    get ajv() {
      return get().ajv;
    },
    ensureVendorKeyword: (name) => get().ensureVendorKeyword(name),
  };
}

export function createK8sAjv(): K8sAjv {
  const { Ajv, _, stringify } = ajvModule();
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
    // -> ~125 ms) with no measurable cost per validated object. `source` keeps the generated code
    // for the precompiled cache (precompiled.ts); that code finds formats and keyword functions
    // in the `helpers` its loader passes in.
    code: { optimize: false, source: true, formats: _`helpers.formats` },
  });

  for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);

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
    compile(listType: string, parent: AnySchemaObject) {
      const keys = mapKeys(parent);
      return withStandaloneCode(
        ajv,
        compileListType(listType, { 'x-kubernetes-list-map-keys': keys }),
        _`helpers.listType(${stringify(listType)}, ${stringify(keys)})`,
      );
    },
  });

  // CRD CEL rules, evaluated conservatively (see cel-rules.ts).
  ajv.addKeyword({
    keyword: 'x-kubernetes-validations',
    schemaType: 'array',
    errors: true,
    compile(rules: unknown) {
      return withStandaloneCode(ajv, compileCelRules(rules), _`helpers.celRules(${stringify(rules)})`);
    },
  });

  return {
    ajv,
    ensureVendorKeyword(name) {
      if (!ajv.getKeyword(name)) ajv.addKeyword({ keyword: name });
    },
  };
}
