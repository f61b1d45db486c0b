// A small reader for the Bicep this package writes, for tests that assert rendered resources.
// Not a Bicep compiler: it knows declarations, objects, arrays, literals, loops and conditions, and
// keeps every other expression as its source text. Syntax and types are checked by
// @aks-hybrid/validate (tree-sitter-bicep and Azure's type data).

/** A non-literal expression, as written. */
export interface Expr {
  readonly $expr: string;
}

/** A function call whose arguments are values of their own, e.g. `concat([...], other)`. */
export interface Call {
  readonly $call: string;
  readonly args: Value[];
}

/** `[for <header>: <body>]`; `header` is e.g. `pool in agentPools`. */
export interface Loop {
  readonly $for: string;
  readonly body: Value;
}

export type Value = string | number | boolean | null | Expr | Call | Loop | Value[] | { [key: string]: Value };

export interface Decorator {
  readonly name: string;
  /** Arguments as written (between the parentheses). */
  readonly args: string;
}

export interface ResourceDecl {
  readonly symbol: string;
  /** Type as written, e.g. `Microsoft.Network/natGateways` or, nested, `subnets`. */
  readonly type: string;
  readonly apiVersion: string | undefined;
  readonly existing: boolean;
  /** Text of the `if (...)` condition. */
  readonly condition: string | undefined;
  /** Header of the `[for ...]` loop; the body is then the per-item body. */
  readonly loop: string | undefined;
  readonly body: { [key: string]: Value };
  readonly decorators: readonly Decorator[];
  readonly nested: readonly ResourceDecl[];
}

export interface ModuleDecl {
  readonly symbol: string;
  readonly path: string;
  readonly condition: string | undefined;
  readonly loop: string | undefined;
  readonly body: { [key: string]: Value };
}

export interface ParamDecl {
  readonly name: string;
  readonly type: string;
  readonly defaultValue: Value | undefined;
  readonly decorators: readonly Decorator[];
}

export interface Outline {
  readonly params: readonly ParamDecl[];
  readonly vars: ReadonlyMap<string, Value>;
  readonly resources: readonly ResourceDecl[];
  readonly modules: readonly ModuleDecl[];
  readonly outputs: ReadonlyMap<string, { readonly type: string; readonly value: Value }>;
  readonly types: ReadonlyMap<string, string>;
  readonly imports: readonly string[];
  readonly metadata: ReadonlyMap<string, Value>;
  readonly using: string | undefined;
  /** `param x = value` of a .bicepparam file. */
  readonly assignments: ReadonlyMap<string, Value>;
}

export const isExpr = (v: Value | undefined): v is Expr => typeof v === 'object' && v !== null && !Array.isArray(v) && '$expr' in v;
export const isLoop = (v: Value | undefined): v is Loop => typeof v === 'object' && v !== null && !Array.isArray(v) && '$for' in v;
export const isCall = (v: Value | undefined): v is Call => typeof v === 'object' && v !== null && !Array.isArray(v) && '$call' in v;

/** Reads a .bicep or .bicepparam source. Throws on anything it cannot place, with the line. */
export function outline(source: string): Outline {
  return new Reader(source).file();
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;

class Reader {
  private pos = 0;
  constructor(private readonly src: string) {}

  file(): Outline {
    const params: ParamDecl[] = [];
    const vars = new Map<string, Value>();
    const resources: ResourceDecl[] = [];
    const modules: ModuleDecl[] = [];
    const outputs = new Map<string, { type: string; value: Value }>();
    const types = new Map<string, string>();
    const imports: string[] = [];
    const metadata = new Map<string, Value>();
    const assignments = new Map<string, Value>();
    let using: string | undefined;

    for (;;) {
      this.skipTrivia(true);
      if (this.pos >= this.src.length) break;
      const decorators = this.decorators();
      const keyword = this.ident();
      switch (keyword) {
        case 'param': {
          const name = this.ident();
          this.skipSpaces();
          if (this.peek() === '=') {
            this.pos++;
            assignments.set(name, this.value());
            break;
          }
          const type = this.typeText();
          let defaultValue: Value | undefined;
          if (this.peek() === '=') {
            this.pos++;
            defaultValue = this.value();
          }
          params.push({ name, type, defaultValue, decorators });
          break;
        }
        case 'var':
          vars.set(this.ident(), (this.expect('='), this.value()));
          break;
        case 'output': {
          const name = this.ident();
          const type = this.typeText();
          this.expect('=');
          outputs.set(name, { type, value: this.value() });
          break;
        }
        case 'resource':
          resources.push(this.resource(decorators));
          break;
        case 'module': {
          const symbol = this.ident();
          const path = this.stringLiteral();
          this.expect('=');
          const { condition, loop, body } = this.declarationBody();
          modules.push({ symbol, path, condition, loop, body });
          break;
        }
        case 'type': {
          const name = this.ident();
          this.expect('=');
          types.set(name, this.typeText().trim());
          break;
        }
        case 'import':
          imports.push(this.restOfLine().trim());
          break;
        case 'metadata':
          metadata.set(this.ident(), (this.expect('='), this.value()));
          break;
        case 'targetScope':
          this.expect('=');
          this.value();
          break;
        case 'using':
          using = this.stringLiteral();
          break;
        default:
          this.fail(`unexpected '${keyword}'`);
      }
    }
    return { params, vars, resources, modules, outputs, types, imports, metadata, using, assignments };
  }

  private resource(decorators: Decorator[]): ResourceDecl {
    const symbol = this.ident();
    const typeText = this.stringLiteral();
    const at = typeText.lastIndexOf('@');
    this.skipSpaces();
    const existing = this.src.startsWith('existing', this.pos);
    if (existing) this.pos += 'existing'.length;
    this.expect('=');
    const { condition, loop, body, nested } = this.declarationBody();
    return {
      symbol,
      type: at < 0 ? typeText : typeText.slice(0, at),
      apiVersion: at < 0 ? undefined : typeText.slice(at + 1),
      existing,
      condition,
      loop,
      body,
      decorators,
      nested,
    };
  }

  /** `{...}`, `if (cond) {...}` or `[for header: {...}]` (optionally `[for header: if (cond) {...}]`). */
  private declarationBody(): { condition?: string; loop?: string; body: { [key: string]: Value }; nested: ResourceDecl[] } {
    this.skipSpaces();
    let loop: string | undefined;
    let closeLoop = false;
    if (this.peek() === '[') {
      this.pos++;
      this.skipTrivia(true);
      if (this.ident() !== 'for') this.fail('expected a for-expression');
      loop = this.until(':').trim();
      this.pos++;
      this.skipTrivia(true);
      closeLoop = true;
    }
    let condition: string | undefined;
    if (this.src.startsWith('if', this.pos) && /\s|\(/.test(this.src[this.pos + 2] ?? '')) {
      this.pos += 2;
      this.skipSpaces();
      condition = this.balanced('(', ')').slice(1, -1).trim();
      this.skipSpaces();
    }
    const nested: ResourceDecl[] = [];
    const body = this.object(nested);
    if (closeLoop) {
      this.skipTrivia(true);
      this.expect(']');
    }
    return { condition, loop, body, nested };
  }

  private decorators(): Decorator[] {
    const out: Decorator[] = [];
    while (this.peek() === '@') {
      this.pos++;
      const name = this.ident();
      const args = this.balanced('(', ')').slice(1, -1).trim();
      out.push({ name, args });
      this.skipTrivia(true);
    }
    return out;
  }

  /** A value up to the end of its line (or of its container item), with multi-line ternaries joined. */
  private value(): Value {
    this.skipSpaces();
    const start = this.pos;
    const c = this.peek();
    if (c === '{' || c === '[') {
      const value = c === '{' ? this.object([]) : this.arrayOrLoop();
      if (this.atItemEnd()) return value;
      this.pos = start; // e.g. `[...][0]` or `{...}.x`: an expression after all
    }
    IDENT.lastIndex = this.pos;
    const callee = IDENT.exec(this.src);
    if (callee && this.src[this.pos + callee[0].length] === '(') {
      this.pos += callee[0].length + 1;
      const args: Value[] = [];
      for (;;) {
        this.skipTrivia(true);
        if (this.peek() === ',') {
          this.pos++;
          continue;
        }
        if (this.peek() === ')') {
          this.pos++;
          break;
        }
        args.push(this.value());
      }
      if (this.atItemEnd()) return { $call: callee[0], args };
      this.pos = start; // e.g. `f(x) ? a : b` or `f(x).y`
    }
    const text = this.expressionText();
    return literal(text) ?? { $expr: text };
  }

  private object(nested: ResourceDecl[]): { [key: string]: Value } {
    this.expect('{');
    const out: { [key: string]: Value } = {};
    for (;;) {
      this.skipTrivia(true);
      if (this.peek() === ',') {
        this.pos++;
        continue;
      }
      if (this.peek() === '}') {
        this.pos++;
        return out;
      }
      const decorators = this.decorators();
      if (this.src.startsWith('resource ', this.pos)) {
        this.ident();
        nested.push(this.resource(decorators));
        continue;
      }
      let key: string;
      if (this.peek() === "'") key = this.stringLiteral();
      else if (this.peek() === '*') {
        this.pos++;
        key = '*';
      } else key = this.ident();
      this.expect(':');
      out[key] = this.value();
    }
  }

  private arrayOrLoop(): Value {
    this.expect('[');
    this.skipTrivia(true);
    if (this.src.startsWith('for', this.pos) && /[\s(]/.test(this.src[this.pos + 3] ?? '')) {
      this.pos += 3;
      const header = this.until(':').trim();
      this.pos++;
      const body = this.value();
      this.skipTrivia(true);
      this.expect(']');
      return { $for: header, body };
    }
    const items: Value[] = [];
    for (;;) {
      this.skipTrivia(true);
      if (this.peek() === ',') {
        this.pos++;
        continue;
      }
      if (this.peek() === ']') {
        this.pos++;
        return items;
      }
      items.push(this.value());
    }
  }

  /** After a value: end of line, a comment, or the next item's separator/closer. */
  private atItemEnd(): boolean {
    const rest = this.src.slice(this.pos);
    if (/^[ \t]*(\/\/[^\n]*)?\r?\n[ \t]*[?:]/.test(rest)) return false; // a ternary continues below
    const next = rest.replace(/^[ \t]*(\/\/[^\n]*)?/, '')[0];
    return next === undefined || next === '\n' || next === '\r' || next === ',' || next === '}' || next === ']' || next === ')';
  }

  /** Source text of an expression: to the end of the line at depth 0, joining `? ... : ...` continuation lines. */
  private expressionText(): string {
    const start = this.pos;
    let depth = 0;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) break;
      if (c === "'") {
        this.stringLiteral();
        continue;
      }
      if (c === '/' && this.src[this.pos + 1] === '/') {
        if (depth === 0) break;
        this.restOfLine();
        continue;
      }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (c === ',' && depth === 0) break;
      else if (c === '\n' && depth === 0) {
        const next = /^\n[ \t]*([?:])/.exec(this.src.slice(this.pos));
        if (!next) break;
      }
      this.pos++;
    }
    const text = this.src.slice(start, this.pos).trim();
    if (!text) this.fail('expected a value');
    return text;
  }

  /** A type expression: up to `=` at depth 0 or the end of the line. */
  private typeText(): string {
    this.skipSpaces();
    const start = this.pos;
    let depth = 0;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) break;
      if (c === "'") {
        this.stringLiteral();
        continue;
      }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth--;
      else if (depth === 0 && (c === '=' || c === '\n')) break;
      this.pos++;
    }
    return this.src.slice(start, this.pos).trim();
  }

  stringLiteral(): string {
    this.skipSpaces();
    if (this.src.startsWith("'''", this.pos)) {
      const end = this.src.indexOf("'''", this.pos + 3);
      if (end < 0) this.fail('unterminated multi-line string');
      const text = this.src.slice(this.pos + 3, end);
      this.pos = end + 3;
      return text;
    }
    this.expect("'");
    let out = '';
    for (;;) {
      const c = this.src[this.pos++];
      if (c === undefined || c === '\n') this.fail('unterminated string');
      if (c === "'") return out;
      if (c === '\\') {
        const e = this.src[this.pos++];
        out += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e === '$' ? '$' : (e ?? '');
        continue;
      }
      if (c === '$' && this.src[this.pos] === '{') {
        // Interpolation: keep it verbatim; the caller sees `${...}` in the text.
        const inner = this.balanced('{', '}');
        out += `$${inner}`;
        continue;
      }
      out += c;
    }
  }

  private balanced(open: string, close: string): string {
    this.skipSpaces();
    const start = this.pos;
    this.expect(open);
    let depth = 1;
    while (depth > 0) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail(`unbalanced '${open}'`);
      if (c === "'") {
        this.stringLiteral();
        continue;
      }
      if (c === open) depth++;
      else if (c === close) depth--;
      this.pos++;
    }
    return this.src.slice(start, this.pos);
  }

  private until(stop: string): string {
    const start = this.pos;
    let depth = 0;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail(`expected '${stop}'`);
      if (c === "'") {
        this.stringLiteral();
        continue;
      }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth--;
      else if (c === stop && depth === 0) return this.src.slice(start, this.pos);
      this.pos++;
    }
  }

  private ident(): string {
    this.skipSpaces();
    IDENT.lastIndex = this.pos;
    const m = IDENT.exec(this.src);
    if (!m) this.fail('expected an identifier');
    this.pos += m[0].length;
    return m[0];
  }

  private expect(text: string): void {
    this.skipSpaces();
    if (!this.src.startsWith(text, this.pos)) this.fail(`expected '${text}'`);
    this.pos += text.length;
  }

  private peek(): string | undefined {
    return this.src[this.pos];
  }

  private restOfLine(): string {
    const end = this.src.indexOf('\n', this.pos);
    const text = this.src.slice(this.pos, end < 0 ? undefined : end);
    this.pos = end < 0 ? this.src.length : end;
    return text;
  }

  private skipSpaces(): void {
    while (this.src[this.pos] === ' ' || this.src[this.pos] === '\t') this.pos++;
  }

  /** Spaces, comments and (when `newlines`) line breaks. */
  private skipTrivia(newlines: boolean): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.pos++;
      else if (c === '/' && this.src[this.pos + 1] === '/') this.restOfLine();
      else if (c === '/' && this.src[this.pos + 1] === '*') {
        const end = this.src.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? this.src.length : end + 2;
      } else if (c === '#') this.restOfLine(); // #disable-next-line
      else return;
    }
  }

  private fail(message: string): never {
    const line = this.src.slice(0, this.pos).split('\n').length;
    throw new Error(`bicep-outline: ${message} at line ${line}: ${this.src.split('\n')[line - 1]?.trim() ?? ''}`);
  }
}

function literal(text: string): Value | undefined {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  if (/^-?\d+$/.test(text)) return Number(text);
  if (/^'(?:[^'\\$]|\\.|\$(?!\{))*'$/.test(text)) return new Reader(text).stringLiteral();
  return undefined;
}
