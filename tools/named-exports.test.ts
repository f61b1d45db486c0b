// Public APIs are named (issue 16): no `export default` and no `export *` in the packages' and the generators'
// sources, so every public name is written in an index.ts, greppable, and shows in the API reports (api/*.api.md).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/**
 * Files that still have a default export, each to be fixed and struck from this list (an entry that no longer
 * needs it fails the test). Nx loads these factories through index.cjs by their named export already.
 */
const NOT_YET_CONVERTED: readonly string[] = [];

/** Each `export default` / `export *` in a TypeScript source, as `line: statement`. */
function unnamedExports(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node) => `${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${node.getText(source).split('\n')[0]}`;
  for (const statement of source.statements) {
    if (ts.isExportAssignment(statement)) found.push(at(statement));
    else if (ts.isExportDeclaration(statement) && (!statement.exportClause || ts.isNamespaceExport(statement.exportClause))) found.push(at(statement));
    else if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) found.push(at(statement));
    else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      // `export { x as default }` is a default export by another name.
      for (const element of statement.exportClause.elements) if (element.name.text === 'default') found.push(at(statement));
    }
  }
  return found;
}

/** The .ts sources of every package and of the generators (generated cdk8s imports included: they must comply too). */
function sources(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.[cm]?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(relative(ROOT, full).split(sep).join('/'));
    }
  };
  for (const pkg of readdirSync(join(ROOT, 'packages'), { withFileTypes: true })) {
    if (pkg.isDirectory()) walk(join(ROOT, 'packages', pkg.name, 'src'));
  }
  walk(join(ROOT, 'generators', 'src'));
  return out;
}

describe('unnamedExports', () => {
  it.each([
    ['export { a, type B } from "./a.js";'],
    ['export const a = 1;\nexport function f() {}\nexport class C {}'],
    ['export type { T } from "./t.js";\nexport { x as y } from "./x.js";'],
    ['// export default is mentioned in a comment\nconst s = "export * from";'],
  ])('GIVEN %j THEN it is accepted', (text) => {
    expect(unnamedExports('a.ts', text)).toEqual([]);
  });

  it.each([
    ['export * from "./a.js";', '1: export * from "./a.js";'],
    ['export * as a from "./a.js";', '1: export * as a from "./a.js";'],
    ['const x = 1;\nexport default x;', '2: export default x;'],
    ['export default function f() {}', '1: export default function f() {}'],
    ['export default class C {}', '1: export default class C {}'],
    ['export { f as default } from "./f.js";', '1: export { f as default } from "./f.js";'],
  ])('GIVEN %j THEN it is refused at its line', (text, expected) => {
    expect(unnamedExports('a.ts', text)).toEqual([expected]);
  });
});

describe('the packages and the generators export by name only', () => {
  const files = sources();

  it('GIVEN every source file THEN none has `export default` or `export *`, outside the shrinking list', () => {
    const problems = files
      .filter((f) => !NOT_YET_CONVERTED.includes(f))
      .flatMap((f) =>
        unnamedExports(f, readFileSync(join(ROOT, f), 'utf8')).map((hit) => `${f}:${hit}: export it by name (and list it in the package's index.ts)`),
      );
    expect(problems).toEqual([]);
    // Not vacuous: the walk saw every package's index.
    expect(files.filter((f) => /^packages\/[^/]+\/src\/index\.ts$/.test(f)).length).toBeGreaterThanOrEqual(9);
  });

  it('GIVEN the list of files not yet converted THEN each still has an unnamed export (strike it when fixed)', () => {
    const stale = NOT_YET_CONVERTED.filter((f) => !files.includes(f) || unnamedExports(f, readFileSync(join(ROOT, f), 'utf8')).length === 0);
    expect(stale, 'fixed: remove these from NOT_YET_CONVERTED').toEqual([]);
  });
});
