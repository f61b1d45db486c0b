import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import type { SpecIssue } from '../errors.js';
import { cachedValidator } from './shape-cache.js';
import { issueAt, type ParsedFile } from './yaml-file.js';

/** `source` keeps the generated code, for the precompiled cache (shape-cache.ts). */
const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true, code: { source: true } } as const;
const compiled = new WeakMap<TSchema, ValidateFunction>();
let ajv: Ajv | undefined;
const requireHere = createRequire(import.meta.url);
/** ajv is loaded only when a shape must be compiled: the precompiled cache usually has them all. */
const newAjv = () => new (requireHere('ajv') as typeof import('ajv')).Ajv(AJV_OPTIONS);

/** Loaded from the precompiled cache when the schema's content is unchanged; compiled (once per process) otherwise. */
function compile(schema: TSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = cachedValidator(() => (ajv ??= newAjv()), AJV_OPTIONS, schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Checks a parsed file against its JSON Schema; one issue per offending field. */
export function checkShape(file: ParsedFile, schema: TSchema): SpecIssue[] {
  const validate = compile(schema);
  if (validate(file.data)) return [];
  const errors = simplify(validate.errors ?? []);
  return errors.map((error) => toIssue(file, error));
}

/** Union branches produce one error per branch; keep the most specific ones per field. */
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const key = error.instancePath;
    byPath.set(key, [...(byPath.get(key) ?? []), error]);
  }
  const out: ErrorObject[] = [];
  for (const [path, list] of byPath) {
    // A deeper error explains a union failure better than "must match a schema in anyOf".
    const deeper = [...byPath.keys()].some((other) => other !== path && other.startsWith(`${path}/`));
    const meaningful = list.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
    const consts = meaningful.filter((e) => e.keyword === 'const');
    if (consts.length > 1) {
      const allowed = consts.map((e) => JSON.stringify((e.params as { allowedValue: unknown }).allowedValue));
      out.push({ ...consts[0]!, keyword: 'enum', params: { allowedValues: allowed }, message: `must be one of ${allowed.join(', ')}` });
      out.push(...meaningful.filter((e) => e.keyword !== 'const'));
    } else if (meaningful.length > 0) {
      out.push(...meaningful);
    } else if (!deeper) {
      out.push(...list);
    }
  }
  return out;
}

function toIssue(file: ParsedFile, error: ErrorObject): SpecIssue {
  const path: Array<string | number> = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const schema = error.parentSchema as { description?: string; 'x-hint'?: string } | undefined;
  const hint = schema?.['x-hint'] ?? schema?.description;
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {}).filter((k) => k !== '$schema');
      return issueAt(file, [...path, extra], `unknown field "${extra}"`, `allowed fields here: ${allowed.join(', ')}`);
    }
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const description = (error.parentSchema as { properties?: Record<string, { description?: string }> }).properties?.[missing]?.description;
      return issueAt(file, path, `missing required field "${missing}"`, description ? `add it: ${description}` : `add "${missing}"`);
    }
    case 'pattern':
      return issueAt(
        file,
        path,
        `value ${JSON.stringify(valueAt(file.data, path))} has the wrong format`,
        hint ?? `must match ${(error.params as { pattern: string }).pattern}`,
      );
    case 'enum':
      return issueAt(file, path, `value ${JSON.stringify(valueAt(file.data, path))} is not allowed`, error.message ?? '');
    case 'const':
      return issueAt(
        file,
        path,
        `value ${JSON.stringify(valueAt(file.data, path))} is not allowed`,
        `must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`,
      );
    default:
      return issueAt(file, path, error.message ?? 'is invalid', hint);
  }
}

function valueAt(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let current: unknown = data;
  for (const part of path) current = (current as Record<string | number, unknown> | undefined)?.[part];
  return current;
}
