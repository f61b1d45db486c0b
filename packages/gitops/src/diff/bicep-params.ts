import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BicepNotFoundError, buildParams, formatDiagnostic, HOW_TO_GET_BICEP } from '@aks-hybrid/bicep';

/** A parameter value as `bicep build-params` gives it (JSON; a Key Vault reference stays a `{ reference }` object). */
export type ParamValue = string | number | boolean | null | readonly ParamValue[] | { readonly [key: string]: ParamValue };

/** The parameters of one .bicepparam file on each side; a side is absent when the file is, or when it did not compile. */
export interface ParameterSides {
  readonly before?: ReadonlyMap<string, ParamValue>;
  readonly after?: ReadonlyMap<string, ParamValue>;
}

export interface BicepParameterReading {
  /** By repo-relative path of the .bicepparam file; only files whose text differs between the sides. */
  readonly files: ReadonlyMap<string, ParameterSides>;
  /** What the reader must know: a side that did not compile, an old layout, no Bicep CLI. */
  readonly notes: readonly string[];
}

const isParamFile = (path: string) => path.endsWith('.bicepparam');
const isAzureFile = (path: string) => path.startsWith('gitops/azure/');

/**
 * Reads the parameters of every .bicepparam file that differs between `base` and `head` the way
 * Azure will: `bicep build-params` of each side's file next to that side's own template (every
 * gitops/azure/ file of the side is written to a temporary folder), so the values are the
 * compiler's, not a parse of the text. A base from before the shared template (each cluster with
 * its own main.bicep and modules/) compiles against its own template; the notes say so. Never
 * throws for a side that does not compile or a missing Bicep CLI: the notes say what was not compared.
 */
export async function readBicepParameters(base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>): Promise<BicepParameterReading> {
  const changed = [...new Set([...base.keys(), ...head.keys()])].filter((path) => isParamFile(path) && base.get(path) !== head.get(path)).sort();
  const notes: string[] = [];
  if (changed.length === 0) return { files: new Map(), notes };
  const oldLayout = [...base.keys()].filter((path) => /^gitops\/azure\/[^/]+\/main\.bicep$/.test(path) && !path.startsWith('gitops/azure/landing-zone/'));
  if (oldLayout.length > 0) {
    notes.push(
      `The base ref has the per-cluster template layout (${oldLayout.join(', ')} with its own modules/): its parameters were read against that template, so parameters the shared template renamed show as removed and added.`,
    );
  }
  try {
    const before = await compileSide(base, changed, 'the base ref', notes);
    const after = await compileSide(head, changed, 'the working tree', notes);
    const files = new Map<string, ParameterSides>(
      changed.map((path) => [path, { ...(before.has(path) ? { before: before.get(path)! } : {}), ...(after.has(path) ? { after: after.get(path)! } : {}) }]),
    );
    return { files, notes };
  } catch (error) {
    if (!(error instanceof BicepNotFoundError)) throw error;
    notes.push(`Bicep parameters were not compared: no Bicep CLI was found. ${HOW_TO_GET_BICEP}`);
    return { files: new Map(), notes };
  }
}

/** build-params of each of `paramFiles` present on this side, against the side's own templates. */
async function compileSide(
  side: ReadonlyMap<string, string>,
  paramFiles: readonly string[],
  label: string,
  notes: string[],
): Promise<Map<string, Map<string, ParamValue>>> {
  const present = paramFiles.filter((path) => side.has(path));
  const values = new Map<string, Map<string, ParamValue>>();
  if (present.length === 0) return values;
  const root = mkdtempSync(join(tmpdir(), 'kit-diff-bicep-'));
  try {
    for (const [path, content] of side) {
      if (!isAzureFile(path)) continue;
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    for (const path of present) {
      const built = await buildParams(join(root, path));
      const errors = built.diagnostics.filter((d) => d.level === 'Error');
      if (errors.length > 0) {
        const first = formatDiagnostic({ ...errors[0]!, file: errors[0]!.file.startsWith(root) ? errors[0]!.file.slice(root.length + 1) : errors[0]!.file });
        notes.push(
          `${path} at ${label} does not compile (${first}${errors.length > 1 ? `, and ${errors.length - 1} more` : ''}): its parameters are not compared.`,
        );
        continue;
      }
      values.set(path, new Map(Object.entries(built.parameters) as Array<[string, ParamValue]>));
    }
    return values;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
