import { isNode, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { SpecIssue } from '../errors.js';

/** A parsed spec file that can say where a field is, so messages carry line and column. */
export interface ParsedFile {
  readonly file: string;
  readonly data: unknown;
  locate(path: ReadonlyArray<string | number>): { line: number; column: number } | undefined;
}

/**
 * Aliases a spec file may expand before it is refused: far above what a hand-written spec uses, far
 * below what an alias bomb ("billion laughs") needs. The `yaml` library enforces it in `toJS()`.
 */
export const MAX_ALIAS_COUNT = 100;

export function parseYamlFile(file: string, content: string): ParsedFile | SpecIssue {
  const lineCounter = new LineCounter();
  // resolveKnownTags: false leaves only the YAML 1.2 core tags (str, int, float, bool, null, map,
  // seq); every other tag (`!custom`, `!!binary`, `!!set`, ...) is reported as unresolved below.
  const doc: Document = parseDocument(content, { lineCounter, prettyErrors: false, uniqueKeys: true, resolveKnownTags: false });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const error = doc.errors[0];
  if (error) {
    return {
      file,
      path: '',
      message: `is not valid YAML: ${describeYamlError(error.code, error.message, content.slice(error.pos[0]))}`,
      hint: 'fix the YAML syntax (indent with spaces, never tabs; each key once per mapping; quotes closed)',
      ...at(error.pos[0]),
    };
  }
  const unknownTag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (unknownTag) {
    const tag = unknownTag.message.replace(/^Unresolved tag: /, '').replace(/^tag:yaml\.org,2002:/, '!!');
    return {
      file,
      path: '',
      message: `uses the YAML tag ${tag}, which the kit does not accept`,
      hint: 'remove the tag: spec files hold plain strings, numbers, booleans, lists and mappings',
      ...at(unknownTag.pos[0]),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    // The yaml library throws a ReferenceError when aliases expand beyond maxAliasCount.
    let firstAlias: number | undefined;
    visit(doc, { Alias: (_key, node) => ((firstAlias = node.range?.[0]), visit.BREAK) });
    return {
      file,
      path: '',
      message: `expands its YAML aliases (*name) more than ${MAX_ALIAS_COUNT} times (${cause instanceof Error ? cause.message : String(cause)})`,
      hint: 'write the values out instead of nesting anchors and aliases',
      ...at(firstAlias),
    };
  }
  return {
    file,
    data,
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

/** The yaml library's messages are terse; name the two mistakes people make most. */
function describeYamlError(code: string, message: string, rest: string): string {
  if (code === 'DUPLICATE_KEY') return `the key "${/^[^:\n]*/.exec(rest)![0].trim()}" appears twice in the same mapping`;
  if (code === 'TAB_AS_INDENT') return 'a tab is used for indentation (YAML allows spaces only)';
  return message.split('\n')[0]!;
}

/** `['spec', 'subnets', 0]` -> `spec.subnets[0]` */
export function formatPath(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

/** Builds an issue at a field of a parsed file. */
export function issueAt(file: ParsedFile, path: ReadonlyArray<string | number>, message: string, hint?: string): SpecIssue {
  return { file: file.file, path: formatPath(path), message, ...(hint ? { hint } : {}), ...file.locate(path) };
}
