/** Above this many cells the exact count is not worth the time; a multiset count is close enough. */
const MAX_CELLS = 16_000_000;

/**
 * Lines added and removed between two texts, as `git diff --stat` would count them: the lines
 * outside their longest common subsequence. Common head and tail are trimmed first, which makes
 * the usual small edit of a generated file cheap.
 */
export function countLineChanges(before: string, after: string): { added: number; removed: number } {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  if (x.length === 0 || y.length === 0) return { added: y.length, removed: x.length };
  const common = x.length * y.length <= MAX_CELLS ? lcsLength(x, y) : multisetCommon(x, y);
  return { added: y.length - common, removed: x.length - common };
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function lcsLength(x: readonly string[], y: readonly string[]): number {
  let previous = new Uint32Array(y.length + 1);
  let current = new Uint32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      current[j] = x[i - 1] === y[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[y.length]!;
}

function multisetCommon(x: readonly string[], y: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const line of x) counts.set(line, (counts.get(line) ?? 0) + 1);
  let common = 0;
  for (const line of y) {
    const n = counts.get(line) ?? 0;
    if (n > 0) {
      common++;
      counts.set(line, n - 1);
    }
  }
  return common;
}
