import { stringify } from 'yaml';

/**
 * One serialisation for every generated YAML file: block style, no line folding (long strings stay
 * on one line so diffs stay readable), keys in the order the renderer produced them.
 */
export function toYamlDocuments(objects: readonly unknown[]): string {
  return objects.map((o) => stringify(o, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false })).join('---\n');
}
