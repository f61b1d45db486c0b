import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformFile } from '../schema/platform.js';
import { cachedValidator, shapeCacheKey } from './shape-cache.js';

const OPTIONS = { allErrors: true, strict: false, verbose: true, code: { source: true } } as const;
const newAjv = () => new Ajv(OPTIONS);
const NAME = { type: 'object', properties: { name: { type: 'string', pattern: '^[a-z]+$' } }, required: ['name'], additionalProperties: false };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kit-shape-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('precompiled spec schemas', () => {
  it('GIVEN a first compile THEN the standalone code is stored and a later process gets the same verdicts and errors from it', () => {
    const fresh = cachedValidator(newAjv, OPTIONS, NAME, dir);
    expect(readdirSync(dir)).toHaveLength(1);
    let compiles = 0;
    const loaded = cachedValidator(() => (compiles++, newAjv()), OPTIONS, NAME, dir);
    expect(compiles).toBe(0);
    for (const value of [{ name: 'ok' }, { name: 'Not-OK' }, { other: 1 }, {}]) {
      expect(loaded(value)).toBe(fresh(value));
      // The loader's messages read parentSchema (verbose): it must survive the standalone code.
      expect(loaded.errors).toEqual(fresh.errors);
    }
    expect(loaded({ other: 1 })).toBe(false);
    expect(loaded.errors?.some((e) => e.keyword === 'additionalProperties' && (e.parentSchema as { properties?: object }).properties)).toBe(true);
  });

  it('GIVEN a schema whose content changed THEN the stored validator of the old content is never used', () => {
    cachedValidator(newAjv, OPTIONS, NAME, dir);
    const [file] = readdirSync(dir);
    // Make the stored validator of the OLD schema accept everything: if it were reused, the new rule would be lost.
    const text = readFileSync(join(dir, file!), 'utf8');
    writeFileSync(join(dir, file!), `${text.split('\n')[0]}\nmodule.exports = () => true; module.exports.default = module.exports;\n`);
    expect(cachedValidator(newAjv, OPTIONS, NAME, dir)({ name: 1 })).toBe(true); // proves the cache is what is loaded
    const stricter = { ...NAME, properties: { name: { type: 'string', pattern: '^[a-z]{3,}$' } } };
    expect(shapeCacheKey(stricter, OPTIONS)).not.toBe(shapeCacheKey(NAME, OPTIONS));
    const validate = cachedValidator(newAjv, OPTIONS, stricter, dir);
    expect(validate({ name: 'ab' })).toBe(false);
    expect(validate({ name: 'abc' })).toBe(true);
    // Other ajv options or another ajv version are other keys too.
    expect(shapeCacheKey(NAME, { ...OPTIONS, allErrors: false })).not.toBe(shapeCacheKey(NAME, OPTIONS));
  });

  it('GIVEN a damaged or foreign file under the key THEN it compiles again instead of running it', () => {
    cachedValidator(newAjv, OPTIONS, NAME, dir);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), '// not the key\nmodule.exports = () => true; module.exports.default = module.exports;\n');
    expect(cachedValidator(newAjv, OPTIONS, NAME, dir)({ name: 1 })).toBe(false);
    writeFileSync(join(dir, file!), `// ${shapeCacheKey(NAME, OPTIONS)}\nthis is not javascript(`);
    expect(cachedValidator(newAjv, OPTIONS, NAME, dir)({ name: 1 })).toBe(false);
  });

  it('GIVEN the real platform schema THEN the precompiled validator gives the same errors as a fresh compile', () => {
    cachedValidator(newAjv, OPTIONS, PlatformFile, dir);
    const loaded = cachedValidator(
      () => {
        throw new Error('should load from the cache');
      },
      OPTIONS,
      PlatformFile,
      dir,
    );
    const fresh = newAjv().compile(PlatformFile);
    for (const value of [{}, { apiVersion: 'x', kind: 'Platform', metadata: { name: 'Bad Name' } }]) {
      expect(loaded(value)).toBe(fresh(value));
      // Equal as JSON: the stored schemas are plain data, without TypeBox's symbol keys (which no message reads).
      expect(JSON.parse(JSON.stringify(loaded.errors))).toEqual(JSON.parse(JSON.stringify(fresh.errors)));
    }
  });
});
