import jsYaml from 'js-yaml';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';

/** One non-empty document of a multi-document YAML file. */
export interface YamlDocument {
  /** 0-based position among all documents in the file (empty ones included). */
  readonly index: number;
  readonly value: unknown;
  /** 1-based line of the JSON pointer's node in this file (nearest existing ancestor). */
  lineOf(pointer: string): number | undefined;
}

export interface YamlSyntaxError {
  readonly index: number;
  readonly message: string;
  readonly line?: number;
}

export interface ParsedYaml {
  readonly documents: YamlDocument[];
  readonly errors: YamlSyntaxError[];
}

/**
 * YAML 1.2 core schema plus merge keys (`<<`), the schema the `yaml` path below uses
 * (`merge: true`). js-yaml's default schema would also turn `2024-01-01` into a Date.
 */
const CORE_WITH_MERGE = jsYaml.CORE_SCHEMA.extend({ implicit: [(jsYaml as unknown as { types: { merge: jsYaml.Type } }).types.merge] });

/**
 * An anchor or alias at the start of a node. The fast path leaves such files to the `yaml` path,
 * which bounds alias expansion (a "billion laughs" file must not blow up the validator).
 */
const ANCHOR_OR_ALIAS = /(?:^|[\s,[{])[&*][^\s,\]}]/m;

/**
 * Split a file into documents. Documents with only comments or nothing are skipped (kubectl does
 * the same); a document with a syntax error (including duplicate keys, which kubectl strict also
 * rejects) yields errors and no value.
 *
 * Two parsers, one meaning: js-yaml (about 7x faster on the rendered tree, see the bench) parses a
 * well-formed file; the `yaml` library, which keeps source positions, parses a file js-yaml
 * refuses (for messages with lines, document by document) and, lazily, a file in which a finding
 * needs a line number.
 */
export function parseYamlDocuments(content: string): ParsedYaml {
  if (ANCHOR_OR_ALIAS.test(content)) return parseWithPositions(content);
  let values: unknown[];
  try {
    values = jsYaml.loadAll(content, null, { schema: CORE_WITH_MERGE });
  } catch {
    return parseWithPositions(content);
  }
  let positions: ParsedYaml | undefined;
  const documents: YamlDocument[] = [];
  values.forEach((value, index) => {
    if (value === null || value === undefined) return;
    const nth = documents.length;
    documents.push({
      index,
      value,
      // Only findings need lines: parse again with positions, once per file, when asked.
      lineOf: (pointer) => (positions ??= parseWithPositions(content)).documents[nth]?.lineOf(pointer),
    });
  });
  return { documents, errors: [] };
}

/** The `yaml` library's reading, with line numbers for every node and error. */
function parseWithPositions(content: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(content, { lineCounter, uniqueKeys: true, merge: true, prettyErrors: false });
  const documents: YamlDocument[] = [];
  const errors: YamlSyntaxError[] = [];
  // parseAllDocuments returns an EmptyStream (array-like with .empty) for empty input.
  Array.from(docs as Iterable<Document.Parsed>).forEach((doc, index) => {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const line = e.linePos?.[0]?.line ?? (e.pos ? lineCounter.linePos(e.pos[0]).line : undefined);
        errors.push({ index, message: e.message.split('\n')[0]!, ...(line ? { line } : {}) });
      }
      return;
    }
    if (doc.contents === null) return;
    const value = doc.toJS({ maxAliasCount: 1000 }) as unknown;
    if (value === null || value === undefined) return;
    documents.push({ index, value, lineOf: (pointer) => lineOfPointer(doc, lineCounter, pointer) });
  });
  return { documents, errors };
}

function unescapePointerSegment(seg: string): string {
  return seg.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Walk the YAML node tree along a JSON pointer; report the line of the deepest key or node found. */
function lineOfPointer(doc: Document.Parsed, lc: LineCounter, pointer: string): number | undefined {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0];
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointerSegment);
  for (const seg of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset === undefined ? undefined : lc.linePos(offset).line;
}
