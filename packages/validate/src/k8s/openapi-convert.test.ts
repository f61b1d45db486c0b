import { describe, expect, it } from 'vitest';
import { KNOWN_FORMATS } from './ajv-instance.js';
import { convertSchema, type JsonSchema } from './openapi-convert.js';

const ctx = { refFor: (n: string) => `id:${n}`, knownFormats: KNOWN_FORMATS };
const convert = (s: unknown): JsonSchema => convertSchema(s, ctx);

describe('convertSchema', () => {
  it('closes objects that list properties; leaves maps and free-form objects open', () => {
    expect(convert({ type: 'object', properties: { a: { type: 'string' } } })).toEqual({
      type: 'object',
      properties: { a: { type: 'string' } },
      additionalProperties: false,
    });
    expect(convert({ type: 'object', additionalProperties: { type: 'string' } })).toEqual({
      type: 'object',
      additionalProperties: { type: 'string' },
    });
    expect(convert({ type: 'object' })).toEqual({ type: 'object' });
  });

  it('x-kubernetes-preserve-unknown-fields keeps an object open', () => {
    const s = convert({ type: 'object', properties: { a: {} }, 'x-kubernetes-preserve-unknown-fields': true });
    expect(s.additionalProperties).toBeUndefined();
    expect(s['x-kubernetes-preserve-unknown-fields']).toBe(true);
  });

  it('int-or-string: CRD style and built-in IntOrString style become the keyword', () => {
    expect(convert({ anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true, pattern: '^.*' })).toEqual({
      pattern: '^.*',
      'x-kubernetes-int-or-string': true,
    });
    expect(convert({ format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] })).toEqual({
      'x-kubernetes-int-or-string': true,
    });
  });

  it('a oneOf of bare types (Quantity) becomes a type union', () => {
    expect(convert({ description: 'q', oneOf: [{ type: 'string' }, { type: 'number' }] })).toEqual({ type: ['string', 'number'] });
  });

  it('allOf: [{$ref}] wrappers collapse; refs are rewritten; docs are dropped', () => {
    expect(convert({ allOf: [{ $ref: '#/components/schemas/io.k8s.X' }], default: {}, description: 'd' })).toEqual({ $ref: 'id:io.k8s.X' });
    expect(() => convert({ $ref: 'http://elsewhere/x' })).toThrow(/Unsupported \$ref/);
  });

  it('nullable adds null to a type; unknown formats and RE2-only patterns are dropped', () => {
    expect(convert({ type: 'string', nullable: true })).toEqual({ type: 'string', nullable: true });
    expect(convert({ $ref: '#/components/schemas/A', nullable: true })).toEqual({ anyOf: [{ type: 'null' }, { $ref: 'id:A' }] });
    expect(convert({ type: 'string', format: 'k8s-short-name' })).toEqual({ type: 'string' });
    expect(convert({ type: 'integer', format: 'int32' })).toEqual({ type: 'integer', format: 'int32' });
    expect(convert({ type: 'string', pattern: '(?i)^abc$' })).toEqual({ type: 'string' });
  });

  it('reports vendor extensions so they can be registered', () => {
    const seen: string[] = [];
    convertSchema(
      { type: 'object', 'x-acme-thing': 1, properties: { a: { 'x-kubernetes-list-type': 'atomic' } } },
      {
        ...ctx,
        onVendorKeyword: (k) => seen.push(k),
      },
    );
    expect(seen.sort()).toEqual(['x-acme-thing', 'x-kubernetes-list-type']);
  });
});
