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
 * Split a file into documents. Documents with only comments or nothing are skipped (kubectl does
 * the same); a document with a syntax error (including duplicate keys, which kubectl strict also
 * rejects) yields errors and no value.
 */
export function parseYamlDocuments(content: string): ParsedYaml {
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

function unescape(seg: string): string {
  return seg.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Walk the YAML node tree along a JSON pointer; report the line of the deepest key or node found. */
function lineOfPointer(doc: Document.Parsed, lc: LineCounter, pointer: string): number | undefined {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0];
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map(unescape);
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
