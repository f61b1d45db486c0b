import jsYaml from 'js-yaml';
import { DUMP_OPTIONS, emitYaml } from './yaml-emitter.js';

/**
 * One serialisation for every generated YAML file, documents separated by `---`: js-yaml's output
 * (options in yaml-emitter.ts), written by the emitter for JSON data and by js-yaml for the rest.
 *
 * js-yaml replaced the `yaml` library here for speed (1,000 teams: 1.4 s instead of 3.5 s to dump,
 * measured in docs/decisions/0010). Output changed once, deliberately: strings holding a `"` are
 * double-quoted with escapes, and strings that YAML 1.1 reads as something else (`yes`, `on`, `n`,
 * `12:30`) are quoted.
 */
export function toYamlDocuments(objects: readonly unknown[]): string {
  return objects.map((o) => emitYaml(o) ?? jsYaml.dump(o, DUMP_OPTIONS)).join('---\n');
}
