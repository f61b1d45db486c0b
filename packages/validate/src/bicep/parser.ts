// Loads web-tree-sitter and the tree-sitter-bicep grammar (wasm) once per process.
// The wasm shipped with tree-sitter-bicep 1.1.0 is ABI 14, which web-tree-sitter 0.25.x loads.
import { createRequire } from 'node:module';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';
import type { Span } from './findings.js';

export type { Node, Tree };

const require = createRequire(import.meta.url);

let parserPromise: Promise<Parser> | undefined;

async function createParser(): Promise<Parser> {
  // Point emscripten at the runtime wasm explicitly: bundlers and test runners
  // may rewrite import.meta.url, which web-tree-sitter uses by default.
  const runtimeWasm = require.resolve('web-tree-sitter/tree-sitter.wasm');
  await Parser.init({ locateFile: () => runtimeWasm });
  const language = await Language.load(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

export function getParser(): Promise<Parser> {
  parserPromise ??= createParser().catch((err: unknown) => {
    parserPromise = undefined; // allow a retry instead of caching the failure
    throw err;
  });
  return parserPromise;
}

/**
 * Parses `text` and runs `fn` on the root node. The tree lives in wasm memory,
 * so it is freed afterwards: `fn` must copy out whatever it needs.
 */
export async function withTree<T>(text: string, fn: (root: Node) => T): Promise<T> {
  const parser = await getParser();
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter-bicep returned no tree');
  try {
    return fn(tree.rootNode);
  } finally {
    tree.delete();
  }
}

export function spanOf(node: Node): Span {
  return { line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}

/** Named children without the nulls web-tree-sitter's typing allows. */
export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null);
}

export function children(node: Node): Node[] {
  return node.children.filter((c): c is Node => c !== null);
}
