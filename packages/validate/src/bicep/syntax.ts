// Reports ERROR and MISSING nodes of a tree-sitter-bicep parse as findings.
import type { RawFinding } from './findings.js';
import { children, spanOf, type Node } from './parser.js';

/**
 * Constructs valid in current Bicep that tree-sitter-bicep 1.1.0 cannot parse.
 * When an error starts with one of them, the message says so, so that a
 * generator author knows to avoid the construct rather than hunt for a typo.
 */
const UNSUPPORTED: Array<[RegExp, string]> = [
  [/^\s*extension\b/, '`extension` statements'],
  [/\.\.\./, 'the spread operator `...`'],
  [/\bresource(Input|Output)\s*</, '`resourceInput<>`/`resourceOutput<>` types'],
  [/^\s*(param|output)\s+\w+\s+resource\b/, 'resource-typed params/outputs'],
  [/^\s*var\s+\w+\s+[A-Za-z]\w*(\[\])?\??\s*=/, 'typed variables (`var x string = ...`)'],
];

function lineOf(text: string, line: number): string {
  return (text.split(/\r?\n/)[line - 1] ?? '').trim();
}

/** The source line of an error; for an error at a blank line (e.g. end of file) the last non-blank line before it. */
function snippet(text: string, line: number): string {
  let n = line;
  let l = lineOf(text, n);
  while (!l && n > 1) l = lineOf(text, --n);
  return l.length > 100 ? `${l.slice(0, 97)}...` : l;
}

function unsupportedNote(source: string): string {
  const hint = UNSUPPORTED.find(([re]) => re.test(source));
  return hint ? ` (tree-sitter-bicep 1.1.0 does not support ${hint[1]})` : '';
}

export function syntaxFindings(root: Node, text: string): RawFinding[] {
  const out: RawFinding[] = [];
  const visit = (node: Node) => {
    if (node.isMissing) {
      const pos = spanOf(node);
      const note = unsupportedNote(lineOf(text, pos.line));
      out.push({ ...pos, message: `syntax error: missing ${node.type}${note} near: ${snippet(text, pos.line)}`, rule: 'bicep-syntax' });
      return;
    }
    if (node.isError) {
      // Report the outermost error only; its children are recovery noise.
      const pos = spanOf(node);
      const note = unsupportedNote(`${lineOf(text, pos.line)}\n${node.text}`);
      out.push({ ...pos, message: `syntax error${note} near: ${snippet(text, pos.line)}`, rule: 'bicep-syntax' });
      return;
    }
    if (!node.hasError) return;
    for (const c of children(node)) visit(c);
  };
  visit(root);
  return out;
}
