import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeCacheFile, runKeyedCode, runValidatorCode, storeKeyedCode, storeValidatorCode, validatorCacheDir } from './validator-cache.js';

let tmp: string;
let previous: string | undefined;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kit-validator-cache-'));
  previous = process.env.KIT_VALIDATOR_CACHE;
});
afterEach(() => {
  if (previous === undefined) delete process.env.KIT_VALIDATOR_CACHE;
  else process.env.KIT_VALIDATOR_CACHE = previous;
  rmSync(tmp, { recursive: true, force: true });
});

describe('validatorCacheDir', () => {
  it('GIVEN KIT_VALIDATOR_CACHE=off THEN no cache; GIVEN a folder THEN each cache in its own subfolder of it', () => {
    process.env.KIT_VALIDATOR_CACHE = 'off';
    expect(validatorCacheDir('validators')).toBeUndefined();
    process.env.KIT_VALIDATOR_CACHE = tmp;
    expect(validatorCacheDir('validators')).toBe(join(tmp, 'validators'));
    expect(validatorCacheDir('spec-shapes')).toBe(join(tmp, 'spec-shapes'));
  });

  it('GIVEN nothing set THEN a git-ignored folder under node_modules/.cache/aks-hybrid-kit', () => {
    delete process.env.KIT_VALIDATOR_CACHE;
    expect(validatorCacheDir('spec-shapes')).toMatch(/node_modules[/\\]\.cache[/\\]aks-hybrid-kit[/\\]spec-shapes$/);
  });
});

describe('storeValidatorCode and runValidatorCode', () => {
  it('GIVEN stored code THEN it runs as a CommonJS module with require and the given globals, and no temporary file is left', () => {
    const file = join(tmp, 'a', 'b.cjs');
    storeValidatorCode(file, "module.exports.default = (x) => require('node:path').basename(x) + suffix;");
    expect(readdirSync(join(tmp, 'a'))).toEqual(['b.cjs']);
    const exports = runValidatorCode(readFileSync(file, 'utf8'), createRequire(import.meta.url), { suffix: '!' });
    expect(typeof exports?.default).toBe('function');
    expect((exports!.default as (x: string) => string)('/x/y')).toBe('y!');
  });

  it('GIVEN damaged code THEN undefined (the caller compiles again), not an exception', () => {
    expect(runValidatorCode('module.exports = {', createRequire(import.meta.url))).toBeUndefined();
    expect(runValidatorCode("throw new Error('boom')", createRequire(import.meta.url))).toBeUndefined();
  });

  it('GIVEN a place that cannot be written THEN nothing is stored and nothing is thrown', () => {
    const blocker = join(tmp, 'file');
    writeFileSync(blocker, 'x');
    expect(() => storeValidatorCode(join(blocker, 'under-a-file.cjs'), 'module.exports = 1;')).not.toThrow();
    expect(readdirSync(tmp)).toEqual(['file']);
  });
});

describe("runValidatorCode with V8's code cache", () => {
  const requireHere = createRequire(import.meta.url);
  const run = (code: string, file: string) => (runValidatorCode(code, requireHere, { suffix: '!' }, file)!.default as () => string)();

  it('GIVEN the file the code came from THEN the compiled code is kept beside it and the next run gives the same result from it', () => {
    const file = join(tmp, 'v.cjs');
    const code = "module.exports.default = () => 'first' + suffix;";
    expect(run(code, file)).toBe('first!');
    const cache = readFileSync(codeCacheFile(file));
    expect(cache.length).toBeGreaterThan(32);
    expect(run(code, file)).toBe('first!');
    expect(readFileSync(codeCacheFile(file)).equals(cache)).toBe(true); // used, not rewritten
  });

  it('GIVEN a cache made for other code of the same length THEN the new code runs, not the cached one, and the cache is rewritten', () => {
    const file = join(tmp, 'v.cjs');
    const before = "module.exports.default = () => 'aaaaa' + suffix;";
    const after = "module.exports.default = () => 'bbbbb' + suffix;";
    expect(after.length).toBe(before.length); // V8 alone checks only the length
    expect(run(before, file)).toBe('aaaaa!');
    const stale = readFileSync(codeCacheFile(file));
    expect(run(after, file)).toBe('bbbbb!');
    expect(readFileSync(codeCacheFile(file)).equals(stale)).toBe(false);
  });

  it('GIVEN a damaged cache file THEN the code is compiled from source and the cache written again (V8 itself would crash on it)', () => {
    const code = "module.exports.default = () => 'ok' + suffix;";
    run(code, join(tmp, 'a.cjs'));
    const good = readFileSync(codeCacheFile(join(tmp, 'a.cjs')));
    // The same code's cache under another file: V8's in-memory cache (keyed by file) cannot stand in
    // for it, so V8 would deserialise the damage (measured: a segfault) if the digests let it through.
    const file = join(tmp, 'b.cjs');
    const damaged = Buffer.from(good);
    damaged.fill(7, 64 + 48); // the right digests and V8's own header (magic number, versions, length), garbage after them
    writeFileSync(codeCacheFile(file), damaged);
    expect(run(code, file)).toBe('ok!');
    expect(readFileSync(codeCacheFile(file)).subarray(0, 32).equals(good.subarray(0, 32))).toBe(true); // the same code
    expect(readFileSync(codeCacheFile(file)).equals(damaged)).toBe(false); // written again
    writeFileSync(codeCacheFile(file), 'short');
    expect(run(code, file)).toBe('ok!');
    expect(readFileSync(codeCacheFile(file)).length).toBeGreaterThan(64);
  });

  it('GIVEN damaged code THEN undefined, as without the cache', () => {
    expect(runValidatorCode('module.exports = {', requireHere, {}, join(tmp, 'bad.cjs'))).toBeUndefined();
  });
});

describe('storeKeyedCode and runKeyedCode', () => {
  const requireHere = createRequire(import.meta.url);
  it('GIVEN code stored under a key THEN it runs for that key only; a missing or damaged file gives undefined', () => {
    const file = join(tmp, 'k', 'abc.cjs');
    storeKeyedCode(file, 'abc123', "module.exports.default = 'stored';");
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('// abc123');
    expect(runKeyedCode(file, 'abc123', requireHere)?.default).toBe('stored');
    expect(runKeyedCode(file, 'abc124', requireHere)).toBeUndefined(); // another input under the same short name
    expect(runKeyedCode(join(tmp, 'missing.cjs'), 'abc123', requireHere)).toBeUndefined();
    storeKeyedCode(file, 'abc123', 'module.exports = {');
    expect(runKeyedCode(file, 'abc123', requireHere)).toBeUndefined();
  });
});
