import type { TestProject } from 'vitest/node';
import { closeSharedBicepSession, type BicepDiagnostic } from '@aks-hybrid/bicep';
import { VARIANTS, type VariantName } from './example.js';
import { toBicepLiteral } from '../bicep-literal.js';
import { buildParamsOf, compileEditedParams, compileLandingZone, deployLandingZone, lintTemplate, type SerializedLandingZone } from './landing-zone.js';
import { LITERAL_SAMPLE } from './literal-sample.js';

declare module 'vitest' {
  export interface ProvidedContext {
    landingZones: Record<VariantName, SerializedLandingZone>;
    /** `bicep lint` of the shipped template, and of a copy with a planted type error. */
    templateLint: { shipped: BicepDiagnostic[]; planted: BicepDiagnostic[] };
    /** build-params of the example's main.bicepparam with every pool's `count` removed. */
    paramsWithoutCount: BicepDiagnostic[];
    /** The ARM JSON the compiler makes of the template (`bicep build-params`): ordering (dependsOn, batchSize) is visible only there. */
    compiledTemplate: unknown;
    /** LITERAL_SAMPLE written by toBicepLiteral and read back by `bicep build-params`. */
    literalRoundTrip: { parameters: Record<string, unknown>; diagnostics: BicepDiagnostic[] };
  }
}

/**
 * `bicep snapshot` of every variant, once per test run and in one Bicep process: the CLI's start-up
 * and warm-up cost more than a snapshot, so the test files share these instead of each starting
 * their own. A missing compiler fails the run (BicepNotFoundError), it never skips.
 * Vitest takes a named `setup` export as well as a default one, and its returned function as the teardown.
 */
export async function setup(project: TestProject): Promise<() => void> {
  const names = Object.keys(VARIANTS) as VariantName[];
  // One process answers the requests concurrently.
  const [results, literalRoundTrip, compiledTemplate, shipped, planted, paramsWithoutCount] = await Promise.all([
    Promise.all(names.map((name) => deployLandingZone(VARIANTS[name]()))),
    buildParamsOf(
      '@secure()\nparam key string\nparam sample object\noutput keyGiven bool = !empty(key)\noutput sample object = sample\n',
      `using 'main.bicep'\nparam sample = ${toBicepLiteral(LITERAL_SAMPLE.value)}\nparam key = ${toBicepLiteral(LITERAL_SAMPLE.secret)}\n`,
    ),
    compileLandingZone(VARIANTS.example()),
    lintTemplate(),
    // A number where the aks module declares a string parameter: the compiler must refuse it.
    lintTemplate((path, text) => (path === 'main.bicep' ? text.replace('kubernetesVersion: kubernetesVersion', 'kubernetesVersion: 135') : text)),
    compileEditedParams(VARIANTS.example(), (text) => text.replace(/^\s*count: \d+\n/gm, '')),
  ]);
  const deployed = Object.fromEntries(
    names.map((name, i) => {
      const lz = results[i]!;
      return [name, { files: [...lz.files], resources: [...lz.template.resources], outputs: { ...lz.template.outputs }, diagnostics: [...lz.diagnostics] }];
    }),
  ) as unknown as Record<VariantName, SerializedLandingZone>;
  project.provide('landingZones', deployed);
  project.provide('literalRoundTrip', literalRoundTrip);
  project.provide('compiledTemplate', compiledTemplate);
  project.provide('templateLint', { shipped, planted });
  project.provide('paramsWithoutCount', paramsWithoutCount);
  return () => closeSharedBicepSession();
}
