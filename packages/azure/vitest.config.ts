import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared';

export default mergeConfig(
  shared,
  defineConfig({
    // The network guard makes any connection outside 127.0.0.0/8 and ::1 fail the test.
    test: { name: 'azure', setupFiles: ['./src/testing/network-guard-setup.ts'] },
  }),
);
