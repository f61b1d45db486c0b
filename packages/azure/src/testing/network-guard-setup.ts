// Vitest setup file: every test of this package runs behind the loopback-only guard, and a test
// fails if anything tried to reach another host, even when the code under test swallowed the error.
import { afterEach, expect } from 'vitest';
import { installNetworkGuard } from './network-guard.js';

const guard = installNetworkGuard();

afterEach(() => {
  expect(guard.takeBlocked(), 'connections attempted to non-loopback hosts').toEqual([]);
});
