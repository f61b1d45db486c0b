import { inject } from 'vitest';
import type { VariantName } from './example.js';
import { deserializeLandingZone, type DeployedLandingZone } from './landing-zone.js';

const cache = new Map<VariantName, DeployedLandingZone>();

/** What `bicep snapshot` predicts for a variant of src/testing/example.ts (computed by the global setup). */
export function deployed(name: VariantName): DeployedLandingZone {
  let lz = cache.get(name);
  if (!lz) {
    lz = deserializeLandingZone(inject('landingZones')[name]);
    cache.set(name, lz);
  }
  return lz;
}
