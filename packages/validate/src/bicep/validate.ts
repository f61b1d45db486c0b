// Entry point: checks a set of .bicep, .bicepparam and bicepconfig.json files together,
// so that module paths and `using` targets resolve among them.
import { analyzeBicep } from './analyze.js';
import { checkBicepConfig } from './bicepconfig.js';
import { analyzeBicepParam, checkBicepParam, type BicepParamAnalysis } from './bicepparam.js';
import type { BicepFinding } from './findings.js';
import type { BicepFileModel } from './model.js';
import { checkModules } from './modules.js';
import { normalizePath } from './paths.js';
import { checkResources } from './resources.js';
import { getTypeStore } from './type-data.js';

export interface BicepValidationOptions {
  /** Resource types outside the vendored data that are rendered on purpose (type -> reason). */
  readonly untypedResourceTypes?: ReadonlyMap<string, string>;
}

export async function validateBicepFiles(files: ReadonlyMap<string, string>, options: BicepValidationOptions = {}): Promise<BicepFinding[]> {
  const findings: BicepFinding[] = [];
  const store = getTypeStore();
  /** Models by normalized path, so `./a/../b.bicep` style references resolve. */
  const models = new Map<string, BicepFileModel>();
  const bicep: Array<[string, BicepFileModel]> = [];
  const params: Array<[string, BicepParamAnalysis]> = [];

  for (const [file, content] of files) {
    if (file.endsWith('.bicep')) {
      const { model, findings: local } = await analyzeBicep(content);
      findings.push(...local.map((f) => ({ file, ...f })));
      models.set(normalizePath(file), model);
      bicep.push([file, model]);
    } else if (file.endsWith('.bicepparam')) {
      const analysis = await analyzeBicepParam(content);
      findings.push(...analysis.findings.map((f) => ({ file, ...f })));
      params.push([file, analysis]);
    } else if (/(^|\/)bicepconfig\.json$/.test(file)) {
      findings.push(...checkBicepConfig(content).map((f) => ({ file, ...f })));
    }
  }
  for (const [file, model] of bicep) {
    findings.push(...checkResources(file, model, store, options.untypedResourceTypes));
    findings.push(...checkModules(file, model, models));
  }
  for (const [file, analysis] of params) findings.push(...checkBicepParam(file, analysis, models));

  return findings.sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}
