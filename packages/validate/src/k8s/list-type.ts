import type { AnySchemaObject, ErrorObject } from 'ajv';
import type { DataValidateFunction } from 'ajv/dist/types/index.js';

/**
 * list-type set/map: duplicates are rejected by the API server's server-side apply (which Flux
 * uses), e.g. two containers with the same name. atomic and unset lists are not checked.
 */
export function compileListType(listType: string, parent: AnySchemaObject): DataValidateFunction {
  const keys: string[] = Array.isArray(parent['x-kubernetes-list-map-keys']) ? parent['x-kubernetes-list-map-keys'] : [];
  const identity =
    listType === 'set'
      ? (item: unknown) => stableStringify(item)
      : listType === 'map' && keys.length > 0
        ? (item: unknown) =>
            typeof item === 'object' && item !== null ? JSON.stringify(keys.map((k) => (item as Record<string, unknown>)[k] ?? null)) : undefined
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
