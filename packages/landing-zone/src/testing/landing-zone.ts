import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildParams, lint, snapshot, type BicepDiagnostic } from '@aks-hybrid/bicep';
import type { ClusterSpec } from '@aks-hybrid/spec';
import { renderLandingZone } from '../render-landing-zone.js';
import { LANDING_ZONE_TEMPLATE_DIR, landingZoneTemplateFiles } from '../template-files.js';
import { SnapshotTemplate, type PredictedResource } from './snapshot-template.js';

export interface DeployedLandingZone {
  /** The cluster's rendered files (main.bicepparam, addresses.json, README.md). */
  readonly files: ReadonlyMap<string, string>;
  /** What `bicep snapshot` predicts a deployment of main.bicepparam creates. */
  readonly template: SnapshotTemplate;
  /** Compiler and snapshot diagnostics other than Info. */
  readonly diagnostics: readonly BicepDiagnostic[];
}

/**
 * Renders the spec's landing zone into a temporary gitops/azure/ tree (shared template + the
 * cluster's folder) and asks the real Bicep compiler what a deployment of it would create. Fails
 * (never skips) when no Bicep CLI is found: `@aks-hybrid/bicep` throws BicepNotFoundError.
 */
export async function deployLandingZone(spec: ClusterSpec): Promise<DeployedLandingZone> {
  const files = renderLandingZone(spec);
  return withRenderedTree(spec, files, async (paramFile) => {
    const result = await snapshot(paramFile, {
      tenantId: spec.azure.tenantId,
      subscriptionId: spec.azure.subscriptionId,
      resourceGroup: spec.azure.resourceGroup,
      location: spec.azure.location,
      deploymentName: `aks-hybrid-${spec.name}`,
    });
    return { files, template: SnapshotTemplate.fromSnapshot(result), diagnostics: result.diagnostics.filter((d) => d.level !== 'Info') };
  });
}

/** `bicep build-params` diagnostics of the spec's main.bicepparam after an edit of its text (a planted mistake). */
export async function compileEditedParams(spec: ClusterSpec, edit: (text: string) => string): Promise<BicepDiagnostic[]> {
  const files = new Map(renderLandingZone(spec));
  files.set('main.bicepparam', edit(files.get('main.bicepparam')!));
  return withRenderedTree(spec, files, async (paramFile) =>
    (await buildParams(paramFile)).diagnostics.map((d) => ({ ...d, file: d.file.split('/').slice(-2).join('/') })),
  );
}

/** The ARM JSON template the compiler builds for the spec's main.bicepparam. */
export async function compileLandingZone(spec: ClusterSpec): Promise<unknown> {
  return withRenderedTree(spec, renderLandingZone(spec), async (paramFile) => (await buildParams(paramFile)).template);
}

/** Writes the shared template and the cluster's files to a temporary gitops/azure/ and runs `use` on its main.bicepparam. */
async function withRenderedTree<T>(spec: ClusterSpec, files: ReadonlyMap<string, string>, use: (paramFile: string) => Promise<T>): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), 'kit-landing-zone-'));
  try {
    const write = (path: string, content: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    };
    for (const [path, content] of landingZoneTemplateFiles()) write(`${LANDING_ZONE_TEMPLATE_DIR}/${path}`, content);
    for (const [path, content] of files) write(`${spec.name}/${path}`, content);
    return await use(join(root, spec.name, 'main.bicepparam'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * `bicep lint` of the shared template as rendered (under its bicepconfig.json), optionally after an
 * edit of its files: every compiler and linter diagnostic.
 */
export async function lintTemplate(edit: (path: string, text: string) => string = (_path, text) => text): Promise<BicepDiagnostic[]> {
  const root = mkdtempSync(join(tmpdir(), 'kit-landing-zone-template-'));
  try {
    for (const [path, content] of landingZoneTemplateFiles()) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), edit(path, content));
    }
    return (await lint(join(root, 'main.bicep'))).map((d) => ({ ...d, file: d.file.slice(root.length + 1) }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** `bicep build-params` of a parameter file next to a template, both given as text: the parameter values and diagnostics. */
export async function buildParamsOf(template: string, parameters: string): Promise<{ parameters: Record<string, unknown>; diagnostics: BicepDiagnostic[] }> {
  const root = mkdtempSync(join(tmpdir(), 'kit-bicepparam-'));
  try {
    writeFileSync(join(root, 'main.bicep'), template);
    writeFileSync(join(root, 'main.bicepparam'), parameters);
    const built = await buildParams(join(root, 'main.bicepparam'));
    return { parameters: built.parameters, diagnostics: built.diagnostics };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A DeployedLandingZone as JSON, handed from the global setup to the test files. */
export interface SerializedLandingZone {
  readonly files: ReadonlyArray<readonly [string, string]>;
  readonly resources: readonly PredictedResource[];
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly diagnostics: readonly BicepDiagnostic[];
}

export function deserializeLandingZone(lz: SerializedLandingZone): DeployedLandingZone {
  return { files: new Map(lz.files), template: new SnapshotTemplate(lz.resources, lz.outputs), diagnostics: lz.diagnostics };
}

export const ZONES = ['1', '2', '3'];
