// Decodes Bicep string literals from their source text. tree-sitter-bicep hides some
// escape tokens, so decoding the raw text is more reliable than joining child nodes.

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", n: '\n', r: '\r', t: '\t', $: '$' };

/**
 * Returns the value of a string literal, or undefined when it contains `${...}`
 * interpolation (its value is then unknown until deployment).
 */
export function decodeStringLiteral(raw: string): string | undefined {
  if (raw.startsWith("'''")) {
    // Multi-line strings take no escapes and no interpolation; a newline right
    // after the opening quotes is not part of the value.
    return raw.slice(3, raw.length - 3).replace(/^\r?\n/, '');
  }
  const body = raw.slice(1, raw.endsWith("'") && raw.length > 1 ? -1 : undefined);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '\\') {
      const next = body[i + 1] ?? '';
      if (next === 'u' && body[i + 2] === '{') {
        const end = body.indexOf('}', i + 3);
        if (end > 0) {
          out += String.fromCodePoint(parseInt(body.slice(i + 3, end), 16));
          i = end;
          continue;
        }
      }
      out += SIMPLE_ESCAPES[next] ?? next;
      i++;
      continue;
    }
    if (ch === '$' && body[i + 1] === '{') return undefined;
    out += ch;
  }
  return out;
}
