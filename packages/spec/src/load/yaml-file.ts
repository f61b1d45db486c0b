import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { SpecIssue } from '../errors.js';

/** A parsed spec file that can say where a field is, so messages carry line and column. */
export interface ParsedFile {
  readonly file: string;
  readonly data: unknown;
  locate(path: ReadonlyArray<string | number>): { line: number; column: number } | undefined;
}

export function parseYamlFile(file: string, content: string): ParsedFile | SpecIssue {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(content, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    return {
      file,
      path: '',
      message: `is not valid YAML: ${error.message.split('\n')[0]}`,
      hint: 'fix the YAML syntax (indentation, quotes, duplicate keys)',
      ...(pos ? { line: pos.line, column: pos.col } : {}),
    };
  }
  return {
    file,
    data: doc.toJS(),
    locate(path) {
      // Walk up until a node exists: a missing field is reported at its parent.
      for (let depth = path.length; depth >= 0; depth--) {
        const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
        if (isNode(node) && node.range) {
          const pos = lineCounter.linePos(node.range[0]);
          return { line: pos.line, column: pos.col };
        }
      }
      return undefined;
    },
  };
}

/** `['spec', 'subnets', 0]` -> `spec.subnets[0]` */
export function formatPath(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

/** Builds an issue at a field of a parsed file. */
export function issueAt(file: ParsedFile, path: ReadonlyArray<string | number>, message: string, hint?: string): SpecIssue {
  return { file: file.file, path: formatPath(path), message, ...(hint ? { hint } : {}), ...file.locate(path) };
}
