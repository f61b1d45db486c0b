// Module calls: every param passed must be declared by the module file, and
// every module param without a default must be passed.
import type { BicepFinding } from './findings.js';
import type { BicepFileModel } from './model.js';
import { isRequiredParam, paramValueProblems } from './param-values.js';
import { isRegistryReference, resolveRelative } from './paths.js';
import { didYouMean } from './suggest.js';

export function checkModules(file: string, model: BicepFileModel, models: ReadonlyMap<string, BicepFileModel>): BicepFinding[] {
  const out: BicepFinding[] = [];
  for (const mod of model.modules) {
    if (mod.path === undefined || isRegistryReference(mod.path)) continue; // cannot be read offline
    const object = `module ${mod.symbol} ('${mod.path}')`;
    const target = resolveRelative(file, mod.path);
    const targetModel = models.get(target);
    if (!targetModel) {
      out.push({
        file,
        ...mod.pathSpan,
        object,
        message: `module file '${mod.path}' (resolved to '${target}') is not among the given files`,
        rule: 'bicep-module',
      });
      continue;
    }
    if (mod.body.kind !== 'object') continue;
    const paramsProp = mod.body.props.find((p) => p.keyIsLiteral && p.key === 'params');
    if (paramsProp && paramsProp.value.kind !== 'object') continue; // params built by an expression
    const passed = paramsProp?.value.kind === 'object' ? paramsProp.value.props : [];
    const declared = new Map(targetModel.params.map((p) => [p.name, p]));
    for (const arg of passed) {
      if (!arg.keyIsLiteral) continue;
      const decl = declared.get(arg.key);
      if (!decl) {
        out.push({
          file,
          ...arg.keySpan,
          object,
          path: `params.${arg.key}`,
          message: `module '${mod.symbol}' passes param '${arg.key}', which '${target}' does not declare${didYouMean(arg.key, declared.keys())}`,
          rule: 'bicep-module',
        });
        continue;
      }
      for (const problem of paramValueProblems(decl, arg.value)) {
        out.push({
          file,
          ...arg.value.span,
          object,
          path: `params.${arg.key}`,
          message: `module '${mod.symbol}': param '${arg.key}' of '${target}': ${problem}`,
          rule: 'bicep-module',
        });
      }
    }
    if (passed.some((p) => !p.keyIsLiteral)) continue;
    const given = new Set(passed.map((p) => p.key));
    for (const p of targetModel.params) {
      if (isRequiredParam(p, targetModel) && !given.has(p.name)) {
        out.push({
          file,
          ...(paramsProp?.keySpan ?? mod.span),
          object,
          path: `params.${p.name}`,
          message: `module '${mod.symbol}' does not pass required param '${p.name}' of '${target}' (it has no default value)`,
          rule: 'bicep-module',
        });
      }
    }
  }
  return out;
}
