// Nx loads generator factories with require(), from whichever way Nx was started (`pnpm nx`,
// `pnpm exec nx`, `npx nx`, node_modules/.bin/nx), with or without the `@aks-hybrid/source` Node
// condition. So the choice depends on the files present, never on NODE_OPTIONS: in the workspace
// (generator.ts is here) the TypeScript sources run as compiled JavaScript from the kit's build
// cache (@aks-hybrid/cli/compiled, rebuilt when a source changes); a published install runs dist/.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

module.exports = async function teamNamespace(tree, options) {
  const source = join(__dirname, 'generator.ts');
  const mod = existsSync(source)
    ? await (await import('@aks-hybrid/cli/compiled')).importCompiled(source, 'team-namespace')
    : await import(pathToFileURL(join(__dirname, '../../dist/team-namespace/generator.js')).href);
  return mod.teamNamespaceGenerator(tree, options);
};
