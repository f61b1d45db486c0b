import { describe, expect, it } from 'vitest';
import { allocatable, lookupVmSize } from './vm-sizes.js';

describe('VM size table', () => {
  it.each([
    ['Standard_D8ds_v5', 8, 32],
    ['Standard_E16ds_v5', 16, 128],
    ['Standard_L16s_v3', 16, 128],
    ['Standard_F8s_v2', 8, 16],
    ['standard_d4ds_v5', 4, 16],
  ])('%s has %d vCPUs and %d GiB', (size, vcpus, memoryGiB) => {
    expect(lookupVmSize(size)).toEqual({ vcpus, memoryGiB });
  });

  it('does not know made-up sizes', () => expect(lookupVmSize('Standard_X99_v9')).toBeUndefined());

  it('reserves CPU and memory as AKS does', () => {
    // 8 vCPU: 180m kube-reserved. 32 GiB, maxPods 110: min(20*110+50, 25%) = 2250 MiB + 100 MiB eviction.
    const node = allocatable({ vcpus: 8, memoryGiB: 32 }, 110);
    expect(node.cores).toBeCloseTo(7.82, 6);
    expect(node.memoryBytes).toBe((32 * 1024 - 2350) * 2 ** 20);
  });
});
