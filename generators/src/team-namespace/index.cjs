// Nx loads generator factories with require(). In the workspace the generator and the kit packages
// run from their TypeScript sources through tsx (the `@aks-hybrid/source` condition is on); a
// published install runs the compiled dist/.
const { join } = require('node:path');

module.exports = async function teamNamespace(tree, options) {
  const fromSource = (process.env.NODE_OPTIONS ?? '').includes('--conditions=@aks-hybrid/source');
  const mod = fromSource
    ? await (await import('tsx/esm/api')).tsImport('./generator.ts', __filename)
    : await import(require('node:url').pathToFileURL(join(__dirname, '../../dist/team-namespace/generator.js')).href);
  return mod.teamNamespaceGenerator(tree, options);
};
