/**
 * Turns one Kubernetes OpenAPI v3 / CRD structural schema node into a JSON Schema that ajv can
 * compile, with the strictness `kubectl apply --validate=strict` has:
 * - objects that list `properties` reject unknown fields (additionalProperties: false), unless
 *   they carry x-kubernetes-preserve-unknown-fields;
 * - int-or-string and Quantity become plain type unions, so a bad value gives one error, not an
 *   anyOf cascade;
 * - `allOf: [{$ref}]` wrappers collapse to the `$ref`; refs point at per-definition schema ids;
 * - docs-only keys (description, default, example) are dropped: they make compiled code bigger
 *   and slower to build and never affect validity.
 */

export type JsonSchema = { [key: string]: unknown };

export interface ConvertContext {
  /** The $ref to emit for `#/components/schemas/<name>`. */
  refFor(name: string): string;
  /** Formats the ajv instance has registered; any other format is dropped (lenient). */
  readonly knownFormats: ReadonlySet<string>;
  /** Called for every vendor extension key met, so the ajv instance can register it. */
  onVendorKeyword?(name: string): void;
}

const COMPONENT_REF = '#/components/schemas/';

/** Keys that only document; safe to drop before compiling. */
const DOC_KEYS = new Set(['description', 'default', 'example', 'examples', 'title', 'externalDocs', 'xml']);

/** Keys that assert something (anything else in a node is an annotation). */
function isAssertionKey(key: string): boolean {
  return !DOC_KEYS.has(key) && !key.startsWith('x-');
}

const isObj = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `anyOf`/`oneOf` whose branches are bare `{type: X}`: a type union in disguise. */
function pureTypeUnion(branches: unknown): string[] | undefined {
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  const types: string[] = [];
  for (const b of branches) {
    if (!isObj(b) || typeof b.type !== 'string') return undefined;
    if (Object.keys(b).some((k) => k !== 'type' && isAssertionKey(k))) return undefined;
    types.push(b.type);
  }
  return types;
}

function validPattern(p: unknown): p is string {
  if (typeof p !== 'string') return false;
  try {
    new RegExp(p, 'u');
    return true;
  } catch {
    // Go RE2 syntax JS cannot compile (e.g. (?i) flags): skip rather than crash.
    return false;
  }
}

export function convertSchema(node: unknown, ctx: ConvertContext): JsonSchema {
  if (!isObj(node)) return {};
  const out: JsonSchema = {};

  const intOrString = node['x-kubernetes-int-or-string'] === true || node.format === 'int-or-string';
  const preserveUnknown = node['x-kubernetes-preserve-unknown-fields'] === true;

  for (const [key, value] of Object.entries(node)) {
    if (DOC_KEYS.has(key)) continue;
    if (key.startsWith('x-')) {
      ctx.onVendorKeyword?.(key);
      out[key] = value;
      continue;
    }
    switch (key) {
      case '$ref': {
        if (typeof value !== 'string' || !value.startsWith(COMPONENT_REF)) {
          throw new Error(`Unsupported $ref ${JSON.stringify(value)}; expected ${COMPONENT_REF}<name>`);
        }
        out.$ref = ctx.refFor(value.slice(COMPONENT_REF.length));
        break;
      }
      case 'properties': {
        const props: JsonSchema = {};
        for (const [name, sub] of Object.entries(value as JsonSchema)) props[name] = convertSchema(sub, ctx);
        out.properties = props;
        break;
      }
      case 'items':
      case 'not':
        out[key] = convertSchema(value, ctx);
        break;
      case 'additionalProperties':
        out[key] = typeof value === 'boolean' ? value : convertSchema(value, ctx);
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf': {
        if (intOrString && key !== 'allOf') break; // replaced by the x-kubernetes-int-or-string keyword
        const union = key === 'allOf' ? undefined : pureTypeUnion(value);
        if (union && node.type === undefined) {
          out.type = union;
          break;
        }
        out[key] = (value as unknown[]).map((b) => convertSchema(b, ctx));
        break;
      }
      case 'type':
        if (!intOrString) out.type = value;
        break;
      case 'format':
        if (!intOrString && typeof value === 'string' && ctx.knownFormats.has(value)) out.format = value;
        break;
      case 'pattern':
        if (validPattern(value)) out.pattern = value;
        break;
      case 'nullable':
        break; // handled below, once we know whether there is a type
      default:
        out[key] = value;
    }
  }

  if (intOrString) out['x-kubernetes-int-or-string'] = true;

  if (node.nullable === true) {
    // ajv's own `nullable` needs a sibling `type`; a bare $ref needs an explicit union.
    if (out.type !== undefined) out.nullable = true;
    else if (out.$ref !== undefined) return { anyOf: [{ type: 'null' }, out] };
  }

  // The heart of strict validation: a listed set of fields is a closed set.
  if (out.properties !== undefined && out.additionalProperties === undefined && !preserveUnknown) {
    out.additionalProperties = false;
  }

  return collapseAllOfRef(out);
}

/** `{allOf: [{$ref: X}]}` with nothing else that asserts -> `{$ref: X}` (one less level in errors). */
function collapseAllOfRef(s: JsonSchema): JsonSchema {
  const all = s.allOf;
  if (!Array.isArray(all) || all.length !== 1 || !isObj(all[0])) return s;
  const inner = all[0];
  if (Object.keys(inner).length !== 1 || typeof inner.$ref !== 'string') return s;
  if (Object.keys(s).some((k) => k !== 'allOf' && isAssertionKey(k))) return s;
  const { allOf: _drop, ...rest } = s;
  return { ...rest, $ref: inner.$ref };
}
