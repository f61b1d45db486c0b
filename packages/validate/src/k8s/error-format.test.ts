import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { byCloseness, describeValue, formatAjvErrors } from './error-format.js';

const ajv = new Ajv({ allErrors: true, verbose: true });
const errorsFor = (schema: object, data: unknown) => {
  const validate = ajv.compile(schema);
  validate(data);
  return formatAjvErrors(validate.errors);
};

describe('formatAjvErrors', () => {
  it('collapses an anyOf of types into one "must be A or B"', () => {
    const schema = { type: 'object', properties: { v: { anyOf: [{ type: 'integer' }, { type: 'boolean' }] } } };
    expect(errorsFor(schema, { v: 'x' })).toEqual([{ path: '/v', message: 'must be integer or boolean (got string "x")' }]);
  });

  it('keeps the deeper errors of the branch that matched the type', () => {
    const schema = {
      type: 'object',
      properties: {
        v: {
          anyOf: [{ type: 'string' }, { type: 'object', properties: { port: { type: 'integer' } }, additionalProperties: false }],
        },
      },
    };
    expect(errorsFor(schema, { v: { port: 'x', extra: 1 } })).toEqual([
      { path: '/v/extra', message: 'unknown field "extra" (allowed: port)' },
      { path: '/v/port', message: 'must be integer (got string "x")' },
    ]);
  });

  it('leaves unrelated errors before an anyOf alone', () => {
    const schema = {
      type: 'object',
      required: ['a'],
      properties: { b: { oneOf: [{ type: 'integer' }, { type: 'string' }] } },
    };
    expect(errorsFor(schema, { b: [] })).toEqual([
      { path: '/a', message: 'missing required field "a"' },
      { path: '/b', message: 'must be integer or string (got an array)' },
    ]);
  });

  it('lists allowed fields closest first, capped', () => {
    const props = Object.fromEntries('abcdefghijklmnop'.split('').map((c) => [`field${c}`, {}]));
    const [e] = errorsFor({ type: 'object', properties: { ...props, runAsUser: {} }, additionalProperties: false }, { runAsUsr: 1 });
    expect(e!.message).toMatch(/^unknown field "runAsUsr", did you mean "runAsUser"\? \(allowed: runAsUser, fielda, .*, \.\.\.\)$/);
  });
});

describe('helpers', () => {
  it('describeValue keeps messages short', () => {
    expect(describeValue('x'.repeat(100))).toBe(`string "${'x'.repeat(46)}..."`);
    expect(describeValue(null)).toBe('null');
    expect(describeValue(3)).toBe('integer 3');
  });

  it('byCloseness ranks by edit distance', () => {
    expect(byCloseness('prot', ['protocol', 'port', 'ports']).map((c) => c.name)).toEqual(['port', 'ports', 'protocol']);
  });
});
