import { describe, expect, it } from 'vitest';
import { deniedDirections } from './namespaces.js';

describe('deniedDirections (KIT-NS-005)', () => {
  it('deniedDirections: policyTypes default to Ingress (plus Egress when egress rules exist); rules open a direction', () => {
    expect(deniedDirections({ spec: { podSelector: {} } })).toEqual({ ingress: true, egress: false });
    expect(deniedDirections({ spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [{ to: [{ podSelector: {} }] }] } })).toEqual({
      ingress: true,
      egress: false,
    });
    expect(deniedDirections({ spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [] } })).toEqual({ ingress: true, egress: true });
  });
});
