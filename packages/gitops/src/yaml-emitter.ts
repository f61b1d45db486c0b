import jsYaml from 'js-yaml';

/**
 * The dump options of every generated YAML file: block style, no line folding (long strings stay
 * on one line so diffs stay readable), keys in the order the renderer produced them, no anchors
 * (a shared object is written out again), and double quotes where a string needs quoting.
 *
 * Kubernetes reads manifests with a YAML 1.1 parser, where unquoted `yes`/`on` are booleans
 * (https://github.com/kubernetes/kubernetes/issues/34146): js-yaml's compatibility mode quotes them.
 */
export const DUMP_OPTIONS: jsYaml.DumpOptions = { lineWidth: -1, noRefs: true, quotingType: '"' };

/**
 * js-yaml's block layout for JSON data (plain objects, arrays, single-line strings, safe integers,
 * booleans, null), written directly: the same bytes as `jsYaml.dump(value, DUMP_OPTIONS)`, about four
 * times faster (the 1,000-team tree: 0.2 s instead of 0.8 s, decision 0013). js-yaml stays the
 * reference: how a string is quoted is js-yaml's own answer (asked once per distinct string), except
 * for the commonest shape, a word of letters, digits and `_./-` (PLAIN_WORD, below); a value outside
 * the subset (a multi-line string, a float, a key longer than 1,024 characters, anything that is not
 * JSON) returns undefined and the caller dumps it with js-yaml. yaml-emitter.test.ts compares the two
 * byte for byte on every rendered object, on generated values and on every short word.
 *
 * Layout rules mirrored from js-yaml 4 (dumper.js: writeBlockMapping, writeBlockSequence): indent
 * 2, a mapping's keys at 2 x level, a sequence under a key indented one level, the first entry of
 * a mapping or sequence inside a sequence on the `- ` line, `{}` and `[]` for empty containers.
 */
export function emitYaml(value: unknown): string | undefined {
  const out = { text: '' };
  return writeTop(value, out) ? `${out.text}\n` : undefined;
}

/** Strings that start with a letter or `_` and hold only these characters are plain unless reserved. */
const PLAIN_WORD = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
/**
 * The words of that shape a YAML parser reads as something other than a string: null and booleans
 * of YAML 1.2 (js-yaml's default schema) and the YAML 1.1 booleans js-yaml quotes in compatibility mode.
 */
const RESERVED_WORDS = new Set([
  ...['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE'],
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'],
]);
/**
 * A line feed: the one character that makes js-yaml write a string by its position (a block scalar
 * indented to its level). Every other character is written the same wherever the string stands,
 * since lines are never folded (chooseScalarStyle with lineWidth -1).
 */
const LINE_FEED = '\n';
/** Bounded, so a huge tree of distinct strings cannot grow it without limit. */
const SCALAR_CACHE_LIMIT = 50_000;
const scalarCache = new Map<string, string>();

/** How js-yaml writes a single-line string, wherever it stands (key, value, item); undefined for the rest. */
function scalarString(value: string): string | undefined {
  if (PLAIN_WORD.test(value)) return RESERVED_WORDS.has(value) ? `"${value}"` : value;
  let written = scalarCache.get(value);
  if (written === undefined) {
    if (value.includes(LINE_FEED)) return undefined;
    written = jsYaml.dump(value, DUMP_OPTIONS).slice(0, -1);
    if (scalarCache.size >= SCALAR_CACHE_LIMIT) scalarCache.clear();
    scalarCache.set(value, written);
  }
  return written;
}

/** A scalar or an empty container, as it appears after `key: ` or `- `; undefined outside the subset. */
function inline(value: unknown): string | undefined {
  if (typeof value === 'string') return scalarString(value);
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number') return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : undefined;
  if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined;
  if (isPlainObject(value)) return hasKeys(value) ? undefined : '{}';
  return undefined;
}

/** The text written so far (V8 joins appended strings lazily, cheaper than an array and a join). */
interface Written {
  text: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function hasKeys(value: object): boolean {
  for (const _ in value) return true;
  return false;
}

const indents: string[] = [];
function newline(level: number): string {
  return (indents[level] ??= `\n${' '.repeat(2 * level)}`);
}

function writeTop(value: unknown, out: Written): boolean {
  if (Array.isArray(value) && value.length > 0) return writeSequence(value, 0, true, out);
  if (isPlainObject(value) && hasKeys(value)) return writeMapping(value, 0, true, out);
  const text = inline(value);
  if (text === undefined) return false;
  out.text += text;
  return true;
}

/** A block mapping whose keys sit at 2 x level; `compact`: the first key continues the current line. */
function writeMapping(object: Record<string, unknown>, level: number, compact: boolean, out: Written): boolean {
  let first = true;
  for (const key of Object.keys(object)) {
    const value = object[key];
    const keyText = scalarString(key);
    if (keyText === undefined || keyText.length > 1024) return false;
    if (!(first && compact)) out.text += newline(level);
    first = false;
    out.text += keyText;
    if (Array.isArray(value) && value.length > 0) {
      out.text += ':';
      if (!writeSequence(value, level + 1, false, out)) return false;
    } else if (isPlainObject(value) && hasKeys(value)) {
      out.text += ':';
      if (!writeMapping(value, level + 1, false, out)) return false;
    } else {
      const text = inline(value);
      if (text === undefined) return false;
      out.text += ': ' + text;
    }
  }
  return true;
}

/** A block sequence whose dashes sit at 2 x level; `compact`: the first item continues the current line. */
function writeSequence(items: readonly unknown[], level: number, compact: boolean, out: Written): boolean {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!(i === 0 && compact)) out.text += newline(level);
    out.text += '- ';
    if (Array.isArray(item) && item.length > 0) {
      if (!writeSequence(item, level + 1, true, out)) return false;
    } else if (isPlainObject(item) && hasKeys(item)) {
      if (!writeMapping(item, level + 1, true, out)) return false;
    } else {
      const text = inline(item);
      if (text === undefined) return false;
      out.text += text;
    }
  }
  return true;
}
