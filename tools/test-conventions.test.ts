// One test-helper convention (issue 16): tests are `*.test.ts` next to the code they test, and test helpers live
// in a `src/testing/` folder. No `*.spec.ts`, no `test-support.ts`, no `test-support/` or `test/` folders.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/**
 * Paths that still break the convention, to be converted and then struck from this list (it only shrinks:
 * an entry that no longer exists fails the test, so the list never holds stale exemptions).
 */
const NOT_YET_CONVERTED: readonly string[] = [];

/** Why a repository path breaks the convention, or undefined when it follows it. */
function conventionProblem(path: string, isDirectory: boolean): string | undefined {
  const name = path.split('/').at(-1) ?? '';
  if (!isDirectory && /\.spec\.[cm]?[jt]sx?$/.test(name)) return 'a `.spec.ts` test: rename it to `.test.ts`';
  if (/^test-support(\.[cm]?[jt]s)?$/.test(name)) return "a `test-support` helper: move it into the package's `src/testing/` folder";
  if (isDirectory && (name === 'test' || name === 'tests' || name === '__tests__')) {
    return 'a separate test folder: put tests next to the code as `*.test.ts` and helpers in `src/testing/`';
  }
  return undefined;
}

/** Every file and folder under the workspace packages' and the generators' folders, node_modules and dist left out. */
function workspacePaths(): Array<{ path: string; isDirectory: boolean }> {
  const out: Array<{ path: string; isDirectory: boolean }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      const path = relative(ROOT, full).split(sep).join('/');
      out.push({ path, isDirectory: entry.isDirectory() });
      if (entry.isDirectory()) walk(full);
    }
  };
  for (const pkg of readdirSync(join(ROOT, 'packages'))) {
    if (statSync(join(ROOT, 'packages', pkg)).isDirectory()) walk(join(ROOT, 'packages', pkg));
  }
  walk(join(ROOT, 'generators'));
  walk(join(ROOT, 'tools'));
  return out;
}

const exempt = (path: string) => NOT_YET_CONVERTED.some((p) => path === p || path.startsWith(`${p}/`));

describe('conventionProblem', () => {
  it.each([
    ['packages/azure/src/verify.test.ts', false],
    ['packages/azure/src/testing', true],
    ['packages/azure/src/testing/use-mock-azure.ts', false],
    ['packages/spec/src/testing/spec-fixtures.ts', false],
    ['packages/spec/src/checks/tests-of-teams.ts', false],
    ['packages/sla/src/latest.ts', false],
  ])('GIVEN %s THEN it follows the convention', (path, isDirectory) => {
    expect(conventionProblem(path, isDirectory)).toBeUndefined();
  });

  it.each([
    ['generators/src/team-namespace/generator.spec.ts', false, /`\.spec\.ts`/],
    ['packages/charts/src/test-support.ts', false, /test-support/],
    ['packages/azure/src/test-support', true, /test-support/],
    ['packages/validate/test', true, /separate test folder/],
    ['packages/cli/src/__tests__', true, /separate test folder/],
  ])('GIVEN %s THEN it is refused with what to do', (path, isDirectory, message) => {
    expect(conventionProblem(path, isDirectory)).toMatch(message);
  });
});

describe('the workspace follows the test-helper convention', () => {
  const paths = workspacePaths();

  it('GIVEN every package, the generators and tools THEN no test or helper breaks the convention, outside the shrinking list', () => {
    const problems = paths
      .filter((p) => !exempt(p.path))
      .flatMap((p) => {
        const problem = conventionProblem(p.path, p.isDirectory);
        return problem ? [`${p.path}: ${problem}`] : [];
      });
    expect(problems).toEqual([]);
    // Not vacuous: the walk saw the tests and the helper folders.
    expect(paths.filter((p) => p.path.endsWith('.test.ts')).length).toBeGreaterThan(100);
    expect(paths.some((p) => p.isDirectory && p.path === 'packages/azure/src/testing')).toBe(true);
  });

  it('GIVEN the list of paths not yet converted THEN each still exists and still breaks the convention (strike it when converted)', () => {
    const stale = NOT_YET_CONVERTED.filter((entry) => {
      const found = paths.find((p) => p.path === entry);
      return !found || conventionProblem(found.path, found.isDirectory) === undefined;
    });
    expect(stale, 'converted: remove these from NOT_YET_CONVERTED').toEqual([]);
  });
});
