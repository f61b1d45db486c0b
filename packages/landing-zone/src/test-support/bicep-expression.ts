// Parses the Bicep expressions this package writes (references, member access, calls, operators,
// ternaries, array/object literals, interpolated strings, lambdas) into a small syntax tree.

export type Node =
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null; readonly text: string }
  | { readonly kind: 'template'; readonly parts: ReadonlyArray<string | Node>; readonly text: string }
  | { readonly kind: 'ident'; readonly name: string; readonly text: string }
  | { readonly kind: 'member'; readonly object: Node; readonly name: string; readonly safe: boolean; readonly text: string }
  | { readonly kind: 'index'; readonly object: Node; readonly index: Node; readonly safe: boolean; readonly text: string }
  | { readonly kind: 'call'; readonly callee: Node; readonly args: readonly Node[]; readonly text: string }
  | { readonly kind: 'unary'; readonly op: '!' | '-'; readonly operand: Node; readonly text: string }
  | { readonly kind: 'nonNull'; readonly operand: Node; readonly text: string }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Node; readonly right: Node; readonly text: string }
  | { readonly kind: 'ternary'; readonly test: Node; readonly then: Node; readonly otherwise: Node; readonly text: string }
  | { readonly kind: 'array'; readonly items: readonly Node[]; readonly text: string }
  | { readonly kind: 'object'; readonly props: ReadonlyArray<readonly [string, Node]>; readonly text: string }
  | { readonly kind: 'lambda'; readonly params: readonly string[]; readonly body: Node; readonly text: string };

interface Token {
  readonly type: 'string' | 'number' | 'ident' | 'punct' | 'end';
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** Decoded parts of a string: text, or the source of an interpolation. */
  readonly parts?: ReadonlyArray<string | { readonly source: string }>;
}

const PUNCT = ['.?', '??', '==', '!=', '<=', '>=', '&&', '||', '=>', '::', '.', '?', ':', ',', '(', ')', '[', ']', '{', '}', '!', '<', '>', '+', '-', '*', '/', '%'];

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (src.startsWith('//', i)) {
      const nl = src.indexOf('\n', i);
      i = nl < 0 ? src.length : nl;
      continue;
    }
    const start = i;
    if (c === "'") {
      const parts: Array<string | { source: string }> = [];
      let text = '';
      i++;
      for (;;) {
        const ch = src[i];
        if (ch === undefined) throw new Error(`unterminated string in: ${src}`);
        if (ch === "'") {
          i++;
          break;
        }
        if (ch === '\\') {
          const e = src[i + 1];
          text += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : (e ?? '');
          i += 2;
          continue;
        }
        if (ch === '$' && src[i + 1] === '{') {
          let depth = 1;
          let j = i + 2;
          while (depth > 0 && j < src.length) {
            if (src[j] === '{') depth++;
            else if (src[j] === '}') depth--;
            else if (src[j] === "'") j = skipString(src, j) - 1;
            j++;
          }
          if (text) parts.push(text);
          text = '';
          parts.push({ source: src.slice(i + 2, j - 1) });
          i = j;
          continue;
        }
        text += ch;
        i++;
      }
      if (text || parts.length === 0) parts.push(text);
      tokens.push({ type: 'string', value: src.slice(start, i), start, end: i, parts });
      continue;
    }
    const num = /^\d+/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      tokens.push({ type: 'number', value: num[0], start, end: i });
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (ident) {
      i += ident[0].length;
      tokens.push({ type: 'ident', value: ident[0], start, end: i });
      continue;
    }
    const punct = PUNCT.find((p) => src.startsWith(p, i));
    if (!punct) throw new Error(`unexpected '${c}' in: ${src}`);
    i += punct.length;
    tokens.push({ type: 'punct', value: punct, start, end: i });
  }
  tokens.push({ type: 'end', value: '', start: src.length, end: src.length });
  return tokens;
}

function skipString(src: string, at: number): number {
  let j = at + 1;
  while (j < src.length && src[j] !== "'") j += src[j] === '\\' ? 2 : 1;
  return j + 1;
}

const BINARY: ReadonlyArray<readonly string[]> = [['??'], ['||'], ['&&'], ['==', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', '%']];

export function parseExpression(src: string): Node {
  const tokens = tokenize(src);
  let k = 0;
  const peek = () => tokens[k]!;
  const next = () => tokens[k++]!;
  const at = (value: string) => peek().type === 'punct' && peek().value === value;
  const expect = (value: string) => {
    if (!at(value)) throw new Error(`expected '${value}' at ${peek().start} in: ${src}`);
    return next();
  };
  const text = (from: number) => src.slice(from, tokens[k - 1]!.end).trim();

  const ternary = (): Node => {
    const from = peek().start;
    const test = binary(0);
    if (!at('?')) return test;
    next();
    const then = ternary();
    expect(':');
    const otherwise = ternary();
    return { kind: 'ternary', test, then, otherwise, text: text(from) };
  };

  const binary = (level: number): Node => {
    if (level >= BINARY.length) return unary();
    const from = peek().start;
    let left = binary(level + 1);
    while (peek().type === 'punct' && BINARY[level]!.includes(peek().value)) {
      const op = next().value;
      const right = binary(level + 1);
      left = { kind: 'binary', op, left, right, text: text(from) };
    }
    return left;
  };

  const unary = (): Node => {
    const from = peek().start;
    if (at('!') || at('-')) {
      const op = next().value as '!' | '-';
      return { kind: 'unary', op, operand: unary(), text: text(from) };
    }
    return postfix();
  };

  const postfix = (): Node => {
    const from = peek().start;
    let node = primary();
    for (;;) {
      if (at('.') || at('.?')) {
        const safe = next().value === '.?';
        const name = next();
        node = { kind: 'member', object: node, name: name.value, safe, text: text(from) };
      } else if (at('::')) {
        next();
        const name = next();
        node = { kind: 'member', object: node, name: name.value, safe: false, text: text(from) };
      } else if (at('[')) {
        next();
        const safe = at('?');
        if (safe) next();
        const index = ternary();
        expect(']');
        node = { kind: 'index', object: node, index, safe, text: text(from) };
      } else if (at('(')) {
        next();
        const args: Node[] = [];
        while (!at(')')) {
          args.push(ternary());
          if (at(',')) next();
        }
        next();
        node = { kind: 'call', callee: node, args, text: text(from) };
      } else if (at('!') && !(tokens[k + 1]?.value === '=')) {
        next();
        node = { kind: 'nonNull', operand: node, text: text(from) };
      } else return node;
    }
  };

  const primary = (): Node => {
    const from = peek().start;
    const token = next();
    if (token.type === 'string') {
      const parts = token.parts!.map((p) => (typeof p === 'string' ? p : parseExpression(p.source)));
      if (parts.every((p) => typeof p === 'string')) return { kind: 'literal', value: parts.join(''), text: token.value };
      return { kind: 'template', parts, text: token.value };
    }
    if (token.type === 'number') return { kind: 'literal', value: Number(token.value), text: token.value };
    if (token.type === 'ident') {
      if (token.value === 'true' || token.value === 'false') return { kind: 'literal', value: token.value === 'true', text: token.value };
      if (token.value === 'null') return { kind: 'literal', value: null, text: token.value };
      if (at('=>')) {
        next();
        return { kind: 'lambda', params: [token.value], body: ternary(), text: text(from) };
      }
      return { kind: 'ident', name: token.value, text: token.value };
    }
    if (token.value === '(') {
      // `(a, b) => body` or a parenthesised expression
      const save = k;
      const names: string[] = [];
      while (peek().type === 'ident') {
        names.push(next().value);
        if (at(',')) next();
        else break;
      }
      if (at(')') && tokens[k + 1]?.value === '=>') {
        next();
        next();
        return { kind: 'lambda', params: names, body: ternary(), text: text(from) };
      }
      k = save;
      const inner = ternary();
      expect(')');
      return inner;
    }
    if (token.value === '[') {
      const items: Node[] = [];
      while (!at(']')) {
        items.push(ternary());
        if (at(',')) next();
      }
      next();
      return { kind: 'array', items, text: text(from) };
    }
    if (token.value === '{') {
      const props: Array<[string, Node]> = [];
      while (!at('}')) {
        const key = next();
        const name = key.type === 'string' ? (key.parts ?? []).filter((p): p is string => typeof p === 'string').join('') : key.value;
        expect(':');
        props.push([name, ternary()]);
        if (at(',')) next();
      }
      next();
      return { kind: 'object', props, text: text(from) };
    }
    throw new Error(`unexpected '${token.value}' at ${token.start} in: ${src}`);
  };

  const node = ternary();
  if (peek().type !== 'end') throw new Error(`unexpected '${peek().value}' at ${peek().start} in: ${src}`);
  return node;
}
