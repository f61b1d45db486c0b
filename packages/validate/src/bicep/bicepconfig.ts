// bicepconfig.json is JSON with comments; only its syntax is checked.
import type { RawFinding } from './findings.js';

// Blanks out line and block comments outside strings, keeping offsets.
function stripComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') out += text[i++] === '\t' ? '\t' : ' ';
      out += text[i] ?? '';
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop - 1;
    } else {
      out += ch;
    }
  }
  return out;
}

export function checkBicepConfig(text: string): RawFinding[] {
  const cleaned = stripComments(text).replace(/,(\s*[}\]])/g, ' $1'); // trailing commas are accepted
  try {
    JSON.parse(cleaned);
    return [];
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(message);
    if (!pos) return [{ message: `bicepconfig.json is not valid JSON: ${message}`, rule: 'bicep-syntax' }];
    const before = cleaned.slice(0, Number(pos[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return [{ line, column, message: `bicepconfig.json is not valid JSON: ${message}`, rule: 'bicep-syntax' }];
  }
}
