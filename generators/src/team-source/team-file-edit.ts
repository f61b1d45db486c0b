import { isDeepStrictEqual } from 'node:util';
import { isMap, isSeq, parseDocument } from 'yaml';
import type { SourceEntry } from './source-options.js';

/**
 * The team file with `entry` in spec.delivery.sources: the source of the same name replaced in place,
 * or appended; an entry that already says the same is left as written (the file is returned unchanged).
 * The file is parsed and re-serialised (comments and order kept), never edited as text.
 */
export function withSource(content: string, entry: SourceEntry): string {
  const doc = parseDocument(content);
  const sources = doc.getIn(['spec', 'delivery', 'sources']);
  const value = doc.createNode(entry);
  if (isSeq(sources)) {
    const index = sources.items.findIndex((item) => isMap(item) && item.get('name') === entry.name);
    const current = index >= 0 ? sources.items[index] : undefined;
    // The same source, however it is written: keep the file as it is (its style and comments).
    if (isMap(current) && isDeepStrictEqual(current.toJSON(), JSON.parse(JSON.stringify(entry)))) return content;
    if (index >= 0) sources.set(index, value);
    else sources.add(value);
  } else {
    doc.setIn(['spec', 'delivery', 'sources'], doc.createNode([entry]));
  }
  return doc.toString({ lineWidth: 0 });
}
