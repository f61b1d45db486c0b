import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageFile } from './package-files.js';
import { readmeData } from './readme.js';
import { templateCacheKey, templateSpec } from './templates.js';
import { exampleSpec } from './testing/example.js';

let cacheDir: string;
beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'kit-templates-'));
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

const run = (source: string, data: object) => Handlebars.create().template(templateSpec(source, cacheDir))(data);
const storedFiles = () => readdirSync(cacheDir).filter((f) => f.endsWith('.cjs'));

describe('precompiled templates', () => {
  it('GIVEN the README template THEN compiled, stored and loaded again it renders the bytes Handlebars renders from source', () => {
    const source = packageFile('templates/README.md.hbs');
    const data = readmeData(exampleSpec());
    const expected = Handlebars.create().compile(source, { noEscape: true, strict: true })(data);
    expect(run(source, data)).toBe(expected); // compiled and stored
    expect(storedFiles()).toEqual([`${templateCacheKey(source).slice(0, 16)}.cjs`]);
    expect(run(source, data)).toBe(expected); // from the stored file
    expect(readdirSync(cacheDir).filter((f) => f.includes('.cjs.v8-'))).toHaveLength(1); // it was loaded (and its V8 code cache kept)
    const previous = process.env.KIT_VALIDATOR_CACHE;
    process.env.KIT_VALIDATOR_CACHE = 'off';
    try {
      expect(Handlebars.create().template(templateSpec(source))(data)).toBe(expected); // no cache at all
    } finally {
      if (previous === undefined) delete process.env.KIT_VALIDATOR_CACHE;
      else process.env.KIT_VALIDATOR_CACHE = previous;
    }
  });

  it('THEN no HTML escaping and a missing field fails the render, from the cache too', () => {
    const source = 'a {{x}} b';
    for (let i = 0; i < 2; i++) {
      expect(run(source, { x: '<&>"' })).toBe('a <&>" b');
      expect(() => run(source, {})).toThrow(/"x" not defined/);
    }
  });

  it('GIVEN a stored file of another template under the same name, or a damaged one THEN the template is compiled again', () => {
    const source = 'hello {{name}}';
    run(source, { name: 'x' });
    const file = join(cacheDir, storedFiles()[0]!);
    writeFileSync(file, `// ${'0'.repeat(64)}\nmodule.exports = { main: () => 'other' };\n`);
    expect(run(source, { name: 'x' })).toBe('hello x');
    writeFileSync(file, `// ${templateCacheKey(source)}\nmodule.exports = {`);
    expect(run(source, { name: 'x' })).toBe('hello x');
    writeFileSync(file, `// ${templateCacheKey(source)}\nmodule.exports = 42;\n`);
    expect(run(source, { name: 'x' })).toBe('hello x');
  });

  it('THEN the key changes with the text of the template', () => {
    expect(templateCacheKey('a {{x}}')).not.toBe(templateCacheKey('a {{y}}'));
  });
});
