import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared';

// The global setup asks the Bicep compiler for the snapshot of every test variant, once per run.
export default mergeConfig(shared, defineConfig({ test: { name: 'landing-zone', globalSetup: ['src/testing/global-setup.ts'] } }));
