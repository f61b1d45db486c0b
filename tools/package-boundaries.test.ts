// Dependencies point one way (docs/decisions/0012-policy-package.md): each workspace package sits in a layer and
// may use only packages of lower layers. Checked over every package.json AND over the import specifiers in the
// sources, so an import that no package.json declares fails too.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..');
const SCOPE = '@aks-hybrid/';

/**
 * The layers, lowest first. A package may use packages of lower layers only, or of its own layer where the
 * layer says `peers` (a checker may drive the Bicep compiler). Renderers never use checkers: a construct
 * library must not pull in ajv, cel-js, schemas or a compiler process.
 */
const LAYERS: readonly { readonly name: string; readonly packages: readonly string[]; readonly peers?: boolean }[] = [
  { name: 'spec', packages: ['@aks-hybrid/spec'] },
  { name: 'policy', packages: ['@aks-hybrid/policy'] },
  { name: 'renderers', packages: ['@aks-hybrid/charts', '@aks-hybrid/landing-zone', '@aks-hybrid/sla'] },
  { name: 'checkers', packages: ['@aks-hybrid/bicep', '@aks-hybrid/validate', '@aks-hybrid/azure'], peers: true },
  { name: 'gitops', packages: ['@aks-hybrid/gitops'] },
  { name: 'entry points', packages: ['@aks-hybrid/cli', '@aks-hybrid/generators', '@aks-hybrid/workspace-tests'] },
];

/** Nothing depends on the CLI: it is the outermost shell (the exception below is a loader, not the CLI). */
const LEAVES = new Set(['@aks-hybrid/cli']);

/**
 * Test-only edges that break the layering on purpose, each with its reason. Only as a devDependency, only from
 * test files or dev shims; the same edge at run time is still refused.
 */
const TEST_ONLY_EXCEPTIONS: readonly { readonly from: string; readonly to: string; readonly why: string; readonly devShims?: RegExp }[] = [
  {
    from: '@aks-hybrid/landing-zone',
    to: '@aks-hybrid/bicep',
    why: "the template's tests compile it with the real Bicep compiler, the judge of the Bicep (decision 0008)",
  },
  {
    from: '@aks-hybrid/generators',
    to: '@aks-hybrid/cli',
    why: "the generators' entry shims load the compiled runtime (@aks-hybrid/cli/compiled) in a source checkout (decision 0010)",
    // Only when generator.ts is beside the shim (the workspace); a published install runs dist/.
    devShims: /^generators\/src\/[^/]+\/index\.cjs$/,
  },
];

type EdgeKind = 'runtime' | 'dev';

/** One use of a workspace package by another: declared in package.json, or imported by a source file. */
interface Edge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** `package.json dependencies`, or the importing file. */
  readonly where: string;
}

interface WorkspacePackage {
  readonly name: string;
  readonly dir: string;
  readonly dependencies: ReadonlySet<string>;
  readonly devDependencies: ReadonlySet<string>;
  /** Workspace packages imported by source files, with the file and whether it is test-only. */
  readonly imports: readonly { readonly to: string; readonly file: string; readonly testOnly: boolean }[];
  /** `layer:<name>` tags of its project.json, if any. */
  readonly layerTags: readonly string[];
}

const layerOf = (name: string): number => LAYERS.findIndex((l) => l.packages.includes(name));

/** Every rule the graph breaks, as sentences; empty when the graph keeps the layering. */
function boundaryViolations(packages: readonly WorkspacePackage[]): string[] {
  const out: string[] = [];
  const names = new Set(packages.map((p) => p.name));
  for (const p of packages) {
    if (layerOf(p.name) < 0) out.push(`${p.name} is in no layer: add it to LAYERS in tools/package-boundaries.test.ts`);
    for (const tag of p.layerTags) {
      const tagged = LAYERS.findIndex((l) => `layer:${l.name.replace(/ /g, '-')}` === tag);
      if (tagged !== layerOf(p.name)) out.push(`${p.name}: project.json tag ${tag} disagrees with LAYERS (${LAYERS[layerOf(p.name)]?.name ?? 'none'})`);
    }
    for (const i of p.imports) {
      if (i.to === p.name || !names.has(i.to)) continue;
      if (!i.testOnly && !p.dependencies.has(i.to)) out.push(`${i.file} imports ${i.to}, which ${p.name} does not list in dependencies`);
      if (i.testOnly && !p.dependencies.has(i.to) && !p.devDependencies.has(i.to))
        out.push(`${i.file} imports ${i.to}, which ${p.name} does not list in dependencies or devDependencies`);
    }
  }
  for (const e of edges(packages)) {
    const problem = edgeProblem(e);
    if (problem) out.push(`${e.where}: ${e.from} → ${e.to}: ${problem}`);
  }
  return [...new Set(out)].sort();
}

function edges(packages: readonly WorkspacePackage[]): Edge[] {
  const names = new Set(packages.map((p) => p.name));
  return packages.flatMap((p) => [
    ...[...p.dependencies]
      .filter((d) => names.has(d))
      .map((to) => ({ from: p.name, to, kind: 'runtime' as const, where: `${p.dir}/package.json dependencies` })),
    ...[...p.devDependencies]
      .filter((d) => names.has(d))
      .map((to) => ({ from: p.name, to, kind: 'dev' as const, where: `${p.dir}/package.json devDependencies` })),
    ...p.imports
      .filter((i) => i.to !== p.name && names.has(i.to))
      .map((i) => ({ from: p.name, to: i.to, kind: i.testOnly ? ('dev' as const) : ('runtime' as const), where: i.file })),
  ]);
}

/** Why an edge breaks the layering, or undefined when it keeps it. */
function edgeProblem(e: Edge): string | undefined {
  if (e.kind === 'dev' && TEST_ONLY_EXCEPTIONS.some((x) => x.from === e.from && x.to === e.to)) return undefined;
  if (LEAVES.has(e.to)) return `nothing may depend on ${e.to}`;
  const from = layerOf(e.from);
  const to = layerOf(e.to);
  if (from < 0 || to < 0) return undefined; // reported as "in no layer"
  if (to < from || (to === from && LAYERS[from]!.peers)) return undefined;
  return `${LAYERS[from]!.name} may not depend on ${to === from ? 'each other' : LAYERS[to]!.name} (layers: ${LAYERS.map((l) => l.name).join(' → ')})`;
}

/** Files only tests or a source checkout run: test files, test helpers, dev scripts, the listed dev shims. */
function isTestOnly(file: string): boolean {
  if (TEST_ONLY_EXCEPTIONS.some((x) => x.devShims?.test(file))) return true;
  return (
    /\.(test|spec)\.[cm]?[jt]s$/.test(file) ||
    /(^|\/)(testing|test-support|test|scripts)\//.test(file) ||
    /test-support\.ts$/.test(file) ||
    file.startsWith('tools/')
  );
}

/** `@aks-hybrid/x` of every import, export-from, dynamic import and require of a workspace package. */
function importedPackages(source: string): string[] {
  const found = [...source.matchAll(/(?:\bfrom|\bimport|\brequire)\s*\(?\s*['"](@aks-hybrid\/[a-z0-9-]+)(?:\/[^'"]*)?['"]/g)].map((m) => m[1]!);
  return [...new Set(found)];
}

const SOURCE_FILE = /\.(ts|mts|cts|js|mjs|cjs)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'imports', '.cache']);

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return SKIPPED_DIRS.has(name) ? [] : sourceFiles(full);
    return SOURCE_FILE.test(name) ? [full] : [];
  });
}

/** The workspace packages of pnpm-workspace.yaml, with their declared and imported workspace dependencies. */
function readWorkspace(root: string): WorkspacePackage[] {
  const globs: string[] = parse(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')).packages;
  const dirs = globs.flatMap((g) => (g.endsWith('/*') ? readdirSync(join(root, g.slice(0, -2))).map((d) => `${g.slice(0, -2)}/${d}`) : [g]));
  return dirs
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
      const workspaceNames = (deps: Record<string, string> | undefined) => new Set(Object.keys(deps ?? {}).filter((d) => d.startsWith(SCOPE)));
      const codeDirs = dir === 'tools' ? [join(root, dir)] : ['src', 'bin', 'scripts'].map((d) => join(root, dir, d));
      const files =
        dir === 'tools'
          ? readdirSync(join(root, dir))
              .filter((f) => SOURCE_FILE.test(f))
              .map((f) => join(root, dir, f))
          : codeDirs.flatMap(sourceFiles);
      const imports = files.flatMap((full) => {
        const file = relative(root, full).split(sep).join('/');
        return importedPackages(readFileSync(full, 'utf8')).map((to) => ({ to, file, testOnly: isTestOnly(file) }));
      });
      const projectJson = join(root, dir, 'project.json');
      const tags: string[] = existsSync(projectJson) ? (JSON.parse(readFileSync(projectJson, 'utf8')).tags ?? []) : [];
      return {
        name: manifest.name,
        dir,
        dependencies: new Set([...workspaceNames(manifest.dependencies), ...workspaceNames(manifest.peerDependencies)]),
        devDependencies: workspaceNames(manifest.devDependencies),
        imports,
        layerTags: tags.filter((t) => t.startsWith('layer:')),
      };
    });
}

/** A package for the synthetic graphs below. */
function pkg(
  name: string,
  deps: { dependencies?: string[]; devDependencies?: string[]; imports?: WorkspacePackage['imports']; layerTags?: string[] } = {},
): WorkspacePackage {
  return {
    name: `${SCOPE}${name}`,
    dir: `packages/${name}`,
    dependencies: new Set((deps.dependencies ?? []).map((d) => `${SCOPE}${d}`)),
    devDependencies: new Set((deps.devDependencies ?? []).map((d) => `${SCOPE}${d}`)),
    imports: deps.imports ?? [],
    layerTags: deps.layerTags ?? [],
  };
}
const use = (to: string, file: string) => ({ to: `${SCOPE}${to}`, file, testOnly: isTestOnly(file) });
const base = ['spec', 'policy', 'validate', 'bicep', 'cli', 'gitops'].map((n) => pkg(n));

describe('the package boundaries of this workspace', () => {
  const workspace = readWorkspace(ROOT);

  it('GIVEN every package.json and every import in the sources THEN no edge goes against the layers', () => {
    expect(workspace.map((p) => p.name)).toEqual(expect.arrayContaining(LAYERS.flatMap((l) => l.packages)));
    expect(boundaryViolations(workspace)).toEqual([]);
  });

  it('THEN the renderers use the policy package and no checker, at run time or in tests', () => {
    const charts = workspace.find((p) => p.name === '@aks-hybrid/charts')!;
    expect([...charts.dependencies]).toContain('@aks-hybrid/policy');
    for (const checker of LAYERS.find((l) => l.name === 'checkers')!.packages) {
      expect(charts.dependencies.has(checker) || charts.devDependencies.has(checker), checker).toBe(false);
    }
    const policy = workspace.find((p) => p.name === '@aks-hybrid/policy')!;
    expect([...policy.dependencies]).toEqual(['@aks-hybrid/spec']);
  });

  it('THEN the policy package needs no schema validator, CEL engine, compiler or file system at run time', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'packages/policy/package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies)).toEqual(['@aks-hybrid/spec']);
    const production = sourceFiles(join(ROOT, 'packages/policy/src')).filter((f) => !isTestOnly(relative(ROOT, f).split(sep).join('/')));
    expect(production.length).toBeGreaterThan(10);
    for (const file of production) {
      const imports = [...readFileSync(file, 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      expect(
        imports.filter((i) => !i.startsWith('.') && i !== '@aks-hybrid/spec'),
        relative(ROOT, file),
      ).toEqual([]);
    }
  });
});

describe('boundaryViolations, on synthetic graphs', () => {
  it('GIVEN a renderer depending on a checker, even as a devDependency THEN it is refused', () => {
    const charts = pkg('charts', { dependencies: ['spec', 'policy'], devDependencies: ['validate'] });
    expect(boundaryViolations([...base, charts])).toEqual([
      expect.stringMatching(
        /^packages\/charts\/package.json devDependencies: @aks-hybrid\/charts → @aks-hybrid\/validate: renderers may not depend on checkers/,
      ),
    ]);
  });

  it('GIVEN a renderer importing a checker it does not declare THEN both the missing declaration and the edge are refused', () => {
    const charts = pkg('charts', { dependencies: ['spec'], imports: [use('validate', 'packages/charts/src/constructs/x.ts')] });
    expect(boundaryViolations([...base, charts])).toEqual([
      'packages/charts/src/constructs/x.ts imports @aks-hybrid/validate, which @aks-hybrid/charts does not list in dependencies',
      expect.stringMatching(/^packages\/charts\/src\/constructs\/x.ts: @aks-hybrid\/charts → @aks-hybrid\/validate: renderers may not depend on checkers/),
    ]);
  });

  it('GIVEN production code importing a devDependency THEN it is refused; a test importing it is fine', () => {
    const gitops = pkg('gitops', { dependencies: ['spec'], devDependencies: ['validate'], imports: [use('validate', 'packages/gitops/src/x.test.ts')] });
    expect(boundaryViolations([...base.filter((p) => p.name !== gitops.name), gitops])).toEqual([]);
    const leaking = { ...gitops, imports: [use('validate', 'packages/gitops/src/pipeline.ts')] };
    expect(boundaryViolations([...base.filter((p) => p.name !== gitops.name), leaking])).toEqual([
      'packages/gitops/src/pipeline.ts imports @aks-hybrid/validate, which @aks-hybrid/gitops does not list in dependencies',
    ]);
  });

  it('GIVEN the policy package depending on a renderer, or anything depending on the CLI THEN it is refused', () => {
    const policy = pkg('policy', { dependencies: ['spec', 'charts'] });
    const gitops = pkg('gitops', { dependencies: ['cli'] });
    const found = boundaryViolations([...base.filter((p) => p.name !== policy.name && p.name !== gitops.name), pkg('charts'), policy, gitops]);
    expect(found).toEqual([
      expect.stringMatching(/@aks-hybrid\/gitops → @aks-hybrid\/cli: nothing may depend on @aks-hybrid\/cli/),
      expect.stringMatching(/@aks-hybrid\/policy → @aks-hybrid\/charts: policy may not depend on renderers/),
    ]);
  });

  it('GIVEN a listed test-only exception THEN it holds as a devDependency and is refused at run time', () => {
    const dev = pkg('landing-zone', { devDependencies: ['bicep'], imports: [use('bicep', 'packages/landing-zone/src/testing/landing-zone.ts')] });
    expect(boundaryViolations([...base, dev])).toEqual([]);
    const runtime = pkg('landing-zone', { dependencies: ['bicep'] });
    expect(boundaryViolations([...base, runtime])).toEqual([expect.stringMatching(/renderers may not depend on checkers/)]);
  });

  it('GIVEN a package in no layer, or a project.json tag that disagrees THEN it is refused', () => {
    expect(boundaryViolations([...base, pkg('newcomer')])).toEqual([
      '@aks-hybrid/newcomer is in no layer: add it to LAYERS in tools/package-boundaries.test.ts',
    ]);
    const mistagged = pkg('policy', { dependencies: ['spec'], layerTags: ['layer:renderers'] });
    expect(boundaryViolations([...base.filter((p) => p.name !== mistagged.name), mistagged])).toEqual([
      '@aks-hybrid/policy: project.json tag layer:renderers disagrees with LAYERS (policy)',
    ]);
  });

  it('importedPackages reads static, type-only, re-exported, dynamic and required imports, not comments', () => {
    // Built from SCOPE so that this file's own imports are not these.
    const source = [
      `import { a } from '${SCOPE}spec';`,
      `import type { B } from '${SCOPE}policy';`,
      `export { c } from '${SCOPE}charts';`,
      `const d = await import('${SCOPE}azure');`,
      `const e = require('${SCOPE}cli/compiled');`,
      `// run with --conditions=${SCOPE}source`,
    ].join('\n');
    expect(importedPackages(source).sort()).toEqual(['@aks-hybrid/azure', '@aks-hybrid/charts', '@aks-hybrid/cli', '@aks-hybrid/policy', '@aks-hybrid/spec']);
  });
});
