/**
 * projen has one job in this repository: it owns the shared toolchain configuration below, and
 * nothing else edits these files (they carry projen's marker). Nx owns tasks, pnpm owns packages,
 * changesets owns releases. See docs/decisions/0003-projen-owns-toolchain-config.md.
 *
 * Change a setting here, then run `pnpm projen`; the test suite fails when the files are stale.
 */
import { JsonFile, Project, ProjenrcFile, TextFile } from 'projen';

const outdir = process.env.PROJEN_OUTDIR ?? __dirname;

const project = new Project({
  name: 'aks-hybrid-kit',
  outdir,
  commitGenerated: true,
  // No .projenrc.json, no tasks, no renovate: projen only writes files here.
  projenrcJson: false,
  renovatebot: false,
  projenCommand: 'pnpm projen',
});

/** Names this file in the marker projen writes into every file it owns. */
class ProjenrcTs extends ProjenrcFile {
  readonly filePath = '.projenrc.ts';
}
new ProjenrcTs(project);
// Nx runs the tasks; projen's default task set would only be a second, unused task runner.
for (const task of [...project.tasks.all].reverse()) project.tasks.removeTask(task.name);

project.gitignore.exclude('node_modules/', 'dist/', '.nx/', 'coverage/', '*.tsbuildinfo', '.kit-txn/', 'tmp/', '.kit-bench/', '.cache/');

// Rendered output: GitHub collapses it in PR diffs; reviewers read `kit diff` instead.
project.gitattributes.addAttributes('/gitops/**', 'linguist-generated=true');
project.gitattributes.addAttributes('/docs/*/sla.md', 'linguist-generated=true');
project.gitattributes.addAttributes('/packages/charts/src/imports/**', 'linguist-generated=true');
project.gitattributes.addAttributes('*.sh', 'text', 'eol=lf');

new JsonFile(project, 'tsconfig.base.json', {
  marker: true,
  obj: {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      // Workspace packages export their TypeScript sources under this condition (see .npmrc).
      customConditions: ['@aks-hybrid/source'],
      strict: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      noFallthroughCasesInSwitch: true,
      esModuleInterop: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      declaration: true,
      sourceMap: true,
      isolatedModules: true,
      forceConsistentCasingInFileNames: true,
      types: ['node'],
    },
  },
});

new TextFile(project, '.editorconfig', {
  marker: true,
  lines: ['root = true', '', '[*]', 'charset = utf-8', 'end_of_line = lf', 'indent_style = space', 'indent_size = 2', 'insert_final_newline = true', 'trim_trailing_whitespace = true', '', '[*.md]', 'trim_trailing_whitespace = false'],
});

new TextFile(project, '.nvmrc', { lines: ['20'] });

project.synth();
