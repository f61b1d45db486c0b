import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runValidatorCode, storeValidatorCode, validatorCacheDir } from './validator-cache.js';

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
