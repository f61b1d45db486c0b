import { Parser, Language } from 'web-tree-sitter';
import { createRequire } from 'node:module';
import fs from 'node:fs';
const require = createRequire(import.meta.url);
await Parser.init();
const lang = await Language.load(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm'));
const p = new Parser(); p.setLanguage(lang);
const src = fs.readFileSync(0, 'utf8');
const t = p.parse(src);
function pr(n, d) { const txt = n.childCount===0 ? ' ' + JSON.stringify(n.text) : ''; console.log('  '.repeat(d) + (n.isNamed ? n.type : `"${n.type}"`) + (n.parent && n.parent.fieldNameForChild ? '' : '') + txt); for (const c of n.children) pr(c, d+1); }
pr(t.rootNode, 0);
