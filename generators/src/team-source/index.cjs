// Nx loads generator factories with require(); see ../team-namespace/index.cjs for why the choice
// depends on the files present: the TypeScript sources in the workspace, dist/ in a published install.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

module.exports = async function teamSource(tree, options) {
  const source = join(__dirname, 'generator.ts');
  const mod = existsSync(source)
    ? await (await import('@aks-hybrid/cli/compiled')).importCompiled(source, 'team-source')
    : await import(pathToFileURL(join(__dirname, '../../dist/team-source/generator.js')).href);
  return mod.teamSourceGenerator(tree, options);
};
