// Nx loads generator factories with require(). The generator and the kit packages are ESM TypeScript,
// so this entry point hands over to tsx, which compiles them on the fly (published builds use dist/).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

module.exports = async function teamNamespace(tree, options) {
  const dist = join(__dirname, '../../dist/team-namespace/generator.js');
  const mod = existsSync(dist) ? await import(dist) : await (await import('tsx/esm/api')).tsImport('./generator.ts', __filename);
  return mod.teamNamespaceGenerator(tree, options);
};
