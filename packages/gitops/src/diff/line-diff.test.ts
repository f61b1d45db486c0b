import { describe, expect, it } from 'vitest';
import { countLineChanges } from './line-diff.js';

describe('countLineChanges', () => {
  it.each([
    ['identical', 'a\nb\n', 'a\nb\n', 0, 0],
    ['one line replaced', 'a\nb\nc\n', 'a\nB\nc\n', 1, 1],
    ['one inserted in the middle', 'a\nc\n', 'a\nb\nc\n', 1, 0],
    ['file added', '', 'a\nb\n', 2, 0],
    ['file removed', 'a\nb\n', '', 0, 2],
    ['moved line', 'a\nb\nc\nd\n', 'b\nc\nd\na\n', 1, 1],
  ])('%s', (_, before, after, added, removed) => {
    expect(countLineChanges(before, after)).toEqual({ added, removed });
  });
});
