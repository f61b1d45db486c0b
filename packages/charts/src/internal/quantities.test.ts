import { describe, expect, it } from 'vitest';
import { formatCpu, formatCpuFloor, formatMemoryFloor, scaleCpu } from './quantities.js';

describe('quantities', () => {
  it.each([
    [4, '4'],
    [1.5, '1500m'],
    [0.25, '250m'],
  ])('formatCpu(%s) = %s', (cores, text) => expect(formatCpu(cores)).toBe(text));

  it('GIVEN a quota THEN scaleCpu doubles it exactly', () => {
    expect(scaleCpu('32', 2)).toBe('64');
    expect(scaleCpu('750m', 2)).toBe('1500m');
  });

  it('GIVEN allocatable figures THEN the floors never exceed them', () => {
    expect(formatCpuFloor(7.8199999)).toBe('7819m');
    expect(formatMemoryFloor(2 ** 30 + 2 ** 19)).toBe('1024Mi');
  });
});
