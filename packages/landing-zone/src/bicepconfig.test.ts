import { describe, expect, it } from 'vitest';
import { landingZoneTemplateFiles } from './template-files.js';

// Rule names of the Bicep core analyzer (Azure/bicep src/vscode-bicep/schemas/bicepconfig.schema.json).
const KNOWN_RULES = new Set([
  'adminusername-should-not-be-literal',
  'artifacts-parameters',
  'decompiler-cleanup',
  'explicit-values-for-loc-params',
  'max-asserts',
  'max-outputs',
  'max-params',
  'max-resources',
  'max-variables',
  'nested-deployment-template-scoping',
  'no-conflicting-metadata',
  'no-deployments-resources',
  'no-explicit-any',
  'no-hardcoded-env-urls',
  'no-hardcoded-location',
  'no-loc-expr-outside-params',
  'no-unnecessary-dependson',
  'no-unused-existing-resources',
  'no-unused-imports',
  'no-unused-params',
  'no-unused-vars',
  'outputs-should-not-contain-secrets',
  'prefer-interpolation',
  'prefer-unquoted-property-names',
  'protect-commandtoexecute-secrets',
  'secure-params-in-nested-deploy',
  'secure-secrets-in-params',
  'secure-parameter-default',
  'simplify-interpolation',
  'simplify-json-null',
  'stacks-extensibility-compat',
  'use-parent-property',
  'use-safe-access',
  'use-recent-api-versions',
  'use-recent-module-versions',
  'use-resource-id-functions',
  'use-resource-symbol-reference',
  'use-secure-value-for-secure-inputs',
  'use-stable-resource-identifiers',
  'use-stable-vm-image',
  'use-user-defined-types',
  'what-if-short-circuiting',
]);

/**
 * Rules whose verdict depends on the day the linter runs (API age against today's date): off, because
 * validate refuses warnings too, so the same commit would turn red overnight and `--as-of` could not
 * reproduce it. API versions are pinned instead (api-versions.test.ts) and reviewed when the kit
 * upgrades; see docs/decisions/0008. Every other rule is an error.
 */
const DATE_DEPENDENT_OFF = ['use-recent-api-versions'];

describe('bicepconfig.json', () => {
  const config = JSON.parse(landingZoneTemplateFiles().get('bicepconfig.json')!);
  const rules = config.analyzers.core.rules as Record<string, { level: string }>;

  it('GIVEN the rendered config THEN the linter is on and every rule it names exists', () => {
    expect(config.analyzers.core.enabled).toBe(true);
    expect(Object.keys(rules).filter((name) => !KNOWN_RULES.has(name))).toEqual([]);
  });

  it('THEN every rule is an error, except those whose verdict depends on the day, which are off', () => {
    for (const [name, { level }] of Object.entries(rules)) expect(level, name).toBe(DATE_DEPENDENT_OFF.includes(name) ? 'off' : 'error');
  });

  it('THEN the rules that guard secrets, unused code and resource references are among them', () => {
    for (const name of [
      'secure-secrets-in-params',
      'outputs-should-not-contain-secrets',
      'use-secure-value-for-secure-inputs',
      'no-unused-params',
      'no-hardcoded-env-urls',
      'use-resource-symbol-reference',
      'what-if-short-circuiting',
    ]) {
      expect(rules[name]?.level, name).toBe('error');
    }
  });
});
