import { describe, expect, it } from 'vitest';
import { allowedDisruptions } from './availability.js';

describe('allowedDisruptions (KIT-AVAIL-002)', () => {
  it('allowedDisruptions follows the disruption controller: percentages round up, maxUnavailable wins', () => {
    expect(allowedDisruptions({ spec: { maxUnavailable: 1 } }, 3)).toBe(1);
    expect(allowedDisruptions({ spec: { maxUnavailable: '10%' } }, 3)).toBe(1);
    expect(allowedDisruptions({ spec: { maxUnavailable: 0 } }, 3)).toBe(0);
    expect(allowedDisruptions({ spec: { minAvailable: 3 } }, 3)).toBe(0);
    expect(allowedDisruptions({ spec: { minAvailable: '50%' } }, 3)).toBe(1);
    expect(allowedDisruptions({ spec: { minAvailable: '100%' } }, 2)).toBe(0);
    expect(allowedDisruptions({ spec: {} }, 3)).toBeUndefined();
  });
});
