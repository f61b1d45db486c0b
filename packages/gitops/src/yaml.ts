import jsYaml from 'js-yaml';
import { DUMP_OPTIONS, emitYaml } from './yaml-emitter.js';

/**
 * One serialisation for every generated YAML file, documents separated by `---`, after `header` (the
 * generated-file comment): js-yaml's output (options in yaml-emitter.ts), written by the emitter for
 * JSON data and by js-yaml for the rest.
 *
 * js-yaml replaced the `yaml` library here for speed (1,000 teams: 1.4 s instead of 3.5 s to dump,
 * measured in docs/decisions/0010). Output changed once, deliberately: strings holding a `"` are
 * double-quoted with escapes, and strings that YAML 1.1 reads as something else (`yes`, `on`, `n`,
 * `12:30`) are quoted.
 */
export function toYamlDocuments(objects: readonly unknown[], header = ''): string {
  const parts: string[] = [header];
  objects.forEach((o, i) => {
    if (i > 0) parts.push('---\n');
    parts.push(emitYaml(o) ?? jsYaml.dump(o, DUMP_OPTIONS));
  });
  // Joined, not concatenated: V8 keeps `a + b` as a rope and copies it flat on first read (the manifest's
  // hash, the write), by then in old space: 220 MiB of garbage at 10,000 teams. Join copies it now,
  // while the pieces are young (decision 0013).
  return parts.join('');
}
