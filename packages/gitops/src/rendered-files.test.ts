import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RenderedFiles } from './rendered-files.js';

let previousTmp: string | undefined;
let tmp: string;
beforeEach(() => {
  previousTmp = process.env.TMPDIR;
  tmp = mkdtempSync(join(tmpdir(), 'kit-rendered-files-'));
  process.env.TMPDIR = tmp;
});
afterEach(() => {
  if (previousTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmp;
  rmSync(tmp, { recursive: true, force: true });
});

/** Text with one-, two-, three- and four-byte UTF-8 characters, so offsets in bytes and in characters differ. */
const text = (i: number) => `# file ${i}\nname: caf\u00e9-${i} \u2713 \u{1F600}\n${'x'.repeat(i % 97)}\n`;

describe('RenderedFiles', () => {
  it('GIVEN more text than it keeps in memory THEN every file reads back exactly, in the order set, and the rest is spilled', () => {
    const files = new RenderedFiles(1_000);
    const expected = new Map<string, string>();
    for (let i = 0; i < 3_000; i++) {
      files.set(`f/${i}.yaml`, text(i));
      expected.set(`f/${i}.yaml`, text(i));
      if (i === 10) expect(files.get('f/3.yaml')).toBe(text(3)); // kept in memory
      if (i === 2_000) expect(files.get('f/1999.yaml')).toBe(text(1999)); // spilled, not yet flushed
    }
    expect(files.spilled).toBe(true);
    expect(files.size).toBe(3_000);
    expect([...files]).toEqual([...expected]);
    expect([...files.values()]).toEqual([...expected.values()]);
    expect(new Map(files)).toEqual(expected);
    expect(files.has('f/2999.yaml')).toBe(true);
    expect(files.has('f/3000.yaml')).toBe(false);
    expect(files.get('f/3000.yaml')).toBeUndefined();
    const seen: string[] = [];
    files.forEach((value, key) => seen.push(`${key}=${value.length}`));
    expect(seen).toEqual([...expected].map(([k, v]) => `${k}=${v.length}`));
  });

  it('GIVEN more than one flush of spilled text THEN files on both sides of a flush read back exactly', () => {
    const files = new RenderedFiles(0);
    const big = (i: number) => `${String(i).padStart(8, '0')}${'\u00e9'.repeat(700_000)}\n`; // 1.4 MB each in UTF-8
    for (let i = 0; i < 8; i++) files.set(`big/${i}`, big(i));
    for (let i = 0; i < 8; i++) expect(files.get(`big/${i}`)).toBe(big(i));
  });

  it('GIVEN a path set again THEN the last text wins, in its first place, whether it was in memory or spilled', () => {
    const files = new RenderedFiles(40);
    files.set('a', 'in memory');
    files.set('b', 'this one goes to the spill file, being long');
    files.set('a', 'now longer than what fits in memory, so spilled');
    files.set('b', 'short');
    files.set('c', 'x');
    expect([...files]).toEqual([
      ['a', 'now longer than what fits in memory, so spilled'],
      ['b', 'short'],
      ['c', 'x'],
    ]);
  });

  it('THEN sortByPath orders by path without changing any text', () => {
    const files = new RenderedFiles(5);
    for (const p of ['b/x', 'a/z', 'B', 'a/y']) files.set(p, `text of ${p}`);
    expect([...files.sortByPath()]).toEqual(['B', 'a/y', 'a/z', 'b/x'].map((p) => [p, `text of ${p}`]));
  });

  it('GIVEN the spill file THEN nothing is left in the temporary folder (it is unlinked once open)', () => {
    const files = new RenderedFiles(0);
    files.set('a', 'spilled');
    expect(files.spilled).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
    expect(files.get('a')).toBe('spilled');
  });

  it('GIVEN text that fits THEN no spill file is made at all', () => {
    const files = new RenderedFiles();
    files.set('a', 'small');
    expect(files.spilled).toBe(false);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('GIVEN a temporary folder that cannot be used THEN the message names it and says what to do', () => {
    process.env.TMPDIR = join(tmp, 'missing');
    const files = new RenderedFiles(0);
    expect(() => files.set('a', 'spilled')).toThrow(
      /temporary file under .*missing.*\(ENOENT[^)]*\); free space there or point TMPDIR at a folder with room, and render again \(nothing in the repository was changed\)/,
    );
  });
});
