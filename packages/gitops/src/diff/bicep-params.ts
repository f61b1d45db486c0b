/**
 * Reads the `param name = <value>` assignments of a .bicepparam file into plain values, for
 * comparing two versions. Literals (single-quoted strings, integers, booleans, null, and objects and
 * arrays whose entries are separated by newlines or commas) become JS values; anything else (a
 * function call, a reference, an operator) is kept as its source text in `{ $expr }`, which still
 * compares correctly. Small on purpose: the kit writes these files with `toBicepLiteral`.
 */
export type ParamValue = string | number | boolean | null | readonly ParamValue[] | { readonly [key: string]: ParamValue };

export function parseBicepParams(text: string): Map<string, ParamValue> {
  const reader = new Reader(text);
  const params = new Map<string, ParamValue>();
  for (;;) {
    reader.skipSpace(true);
    if (reader.done()) break;
    const word = reader.identifier();
    if (word === 'param') {
      reader.skipSpace(false);
      const name = reader.identifier();
      reader.skipSpace(false);
      if (name && reader.peek() === '=') {
        reader.next();
        params.set(name, reader.value());
        continue;
      }
    }
    // `using`, `import`, `var`, `type`, decorators: not parameters of the deployment.
    reader.skipStatement();
  }
  return params;
}

class Reader {
  private pos = 0;

  constructor(private readonly text: string) {}

  done(): boolean {
    return this.pos >= this.text.length;
  }

  peek(offset = 0): string {
    return this.text[this.pos + offset] ?? '';
  }

  next(): string {
    return this.text[this.pos++] ?? '';
  }

  /** Skips blanks and comments; newlines too when `newlines` (they separate entries otherwise). */
  skipSpace(newlines: boolean): void {
    while (!this.done()) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.pos++;
      else if (c === '/' && this.peek(1) === '/') while (!this.done() && this.peek() !== '\n') this.pos++;
      else if (c === '/' && this.peek(1) === '*') {
        const end = this.text.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? this.text.length : end + 2;
      } else break;
    }
  }

  identifier(): string {
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos, this.pos + 256));
    if (!match) return '';
    this.pos += match[0].length;
    return match[0];
  }

  /** Up to the end of the line, keeping brackets and strings whole (for what is not a parameter). */
  skipStatement(): void {
    this.expressionText();
    if (this.peek() === '\n') this.pos++;
    else if (!this.done() && this.expressionText() === '') this.pos++;
  }

  value(): ParamValue {
    this.skipSpace(false);
    const start = this.pos;
    const c = this.peek();
    let value: ParamValue | undefined;
    if (c === "'") value = this.string();
    else if (c === '[') value = this.array();
    else if (c === '{') value = this.object();
    else {
      const match = /^(-?\d+|true|false|null)(?![A-Za-z0-9_.(])/.exec(this.text.slice(this.pos, this.pos + 64));
      if (match) {
        this.pos += match[0].length;
        const word = match[0];
        value = word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : Number(word);
      }
    }
    this.skipSpace(false);
    // A literal followed by more (an operator, a property access) is an expression after all.
    if (value !== undefined && this.atEntryEnd()) return value;
    this.pos = start;
    return { $expr: this.expressionText().trim() };
  }

  private atEntryEnd(): boolean {
    const c = this.peek();
    return this.done() || c === '\n' || c === ',' || c === ']' || c === '}';
  }

  private string(): string {
    if (this.text.startsWith("'''", this.pos)) {
      const end = this.text.indexOf("'''", this.pos + 3);
      const body = this.text.slice(this.pos + 3, end < 0 ? undefined : end);
      this.pos = end < 0 ? this.text.length : end + 3;
      return body.replace(/^\r?\n/, '');
    }
    this.pos++;
    let out = '';
    const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", $: '$' };
    while (!this.done()) {
      const c = this.next();
      if (c === "'") return out;
      if (c === '\\') {
        const e = this.next();
        if (e === 'u' && this.peek() === '{') {
          const end = this.text.indexOf('}', this.pos);
          out += String.fromCodePoint(parseInt(this.text.slice(this.pos + 1, end), 16));
          this.pos = end + 1;
        } else out += ESCAPES[e] ?? e;
      } else out += c;
    }
    return out;
  }

  private array(): ParamValue[] {
    this.pos++;
    const items: ParamValue[] = [];
    for (;;) {
      this.skipSeparators();
      if (this.done() || this.peek() === ']') break;
      items.push(this.value());
    }
    this.pos++;
    return items;
  }

  private object(): { [key: string]: ParamValue } {
    this.pos++;
    const entries: Array<[string, ParamValue]> = [];
    for (;;) {
      this.skipSeparators();
      if (this.done() || this.peek() === '}') break;
      const key = this.peek() === "'" ? this.string() : this.identifier();
      this.skipSpace(false);
      if (!key || this.peek() !== ':') {
        // Not `key: value` (a spread, say): keep the entry's text so the object still compares.
        entries.push([`$entry${entries.length}`, { $expr: this.expressionText().trim() }]);
        continue;
      }
      this.pos++;
      entries.push([key, this.value()]);
    }
    this.pos++;
    return Object.fromEntries(entries);
  }

  private skipSeparators(): void {
    for (;;) {
      this.skipSpace(true);
      if (this.peek() === ',') this.pos++;
      else return;
    }
  }

  /** Source text up to a newline, comma or closing bracket at depth 0, strings and brackets kept whole. */
  private expressionText(): string {
    const start = this.pos;
    let depth = 0;
    while (!this.done()) {
      const c = this.peek();
      if (c === "'") {
        this.string();
        continue;
      }
      if (c === '/' && this.peek(1) === '/') break;
      if (depth === 0 && (c === '\n' || c === ',' || c === ']' || c === '}')) break;
      if (c === '(' || c === '[' || c === '{') depth++;
      if (c === ')' || c === ']' || c === '}') depth--;
      this.pos++;
    }
    return this.text.slice(start, this.pos);
  }
}
