// .bicepparam files. tree-sitter-bicep 1.1.0 has no grammar for them, but they
// are Bicep expressions behind `param x = ...` lines. Each `param` keyword is
// rewritten to `var  ` (same length, so positions stay exact) and the file is
// parsed as Bicep. `using none` and `extends` lines become comments.
import { extractFile } from './extract.js';
import type { BicepFinding, RawFinding, Span } from './findings.js';
import type { BicepFileModel, BicepValue } from './model.js';
import { isRequiredParam, paramValueProblems } from './param-values.js';
import { withTree } from './parser.js';
import { isRegistryReference, resolveRelative } from './paths.js';
import { didYouMean } from './suggest.js';
import { checkSymbols } from './symbols.js';
import { syntaxFindings } from './syntax.js';

export interface ParamAssignment {
  name: string;
  value: BicepValue;
  span: Span;
}

export interface BicepParamAnalysis {
  /** Target of `using`; `none` for `using none`; undefined when there is no `using` line. */
  using: { path: string; span: Span } | 'none' | undefined;
  assignments: ParamAssignment[];
  findings: RawFinding[];
}

function toBicep(text: string): { source: string; paramLines: Set<number>; usingNone: boolean } {
  const paramLines = new Set<number>();
  let usingNone = false;
  const lines = text.split('\n').map((line, i) => {
    if (/^\s*param\s/.test(line)) {
      paramLines.add(i + 1);
      return line.replace(/param/, 'var  ');
    }
    if (/^\s*using\s+none\b/.test(line)) {
      usingNone = true;
      return line.replace(/^(\s*)../, '$1//');
    }
    if (/^\s*extends\s/.test(line)) return line.replace(/^(\s*)../, '$1//');
    return line;
  });
  return { source: lines.join('\n'), paramLines, usingNone };
}

export async function analyzeBicepParam(text: string): Promise<BicepParamAnalysis> {
  const { source, paramLines, usingNone } = toBicep(text);
  return withTree(source, (root) => {
    const model = extractFile(root);
    const findings = [...syntaxFindings(root, text), ...checkSymbols(root)];
    return {
      using: usingNone ? 'none' : model.using,
      assignments: model.vars.filter((v) => paramLines.has(v.span.line)),
      findings,
    };
  });
}

export function checkBicepParam(
  file: string,
  analysis: BicepParamAnalysis,
  models: ReadonlyMap<string, BicepFileModel>,
): BicepFinding[] {
  const out: BicepFinding[] = [];
  const { using } = analysis;
  if (using === undefined) {
    out.push({ file, line: 1, column: 1, message: `missing 'using' statement`, rule: 'bicep-param' });
    return out;
  }
  if (using === 'none' || isRegistryReference(using.path)) return out;
  const target = resolveRelative(file, using.path);
  const model = models.get(target);
  if (!model) {
    out.push({
      file,
      ...using.span,
      message: `'using' target '${using.path}' (resolved to '${target}') is not among the given files`,
      rule: 'bicep-param',
    });
    return out;
  }
  const declared = new Map(model.params.map((p) => [p.name, p]));
  for (const a of analysis.assignments) {
    const decl = declared.get(a.name);
    if (!decl) {
      out.push({
        file,
        ...a.span,
        path: a.name,
        message: `param '${a.name}' is not declared in '${target}'${didYouMean(a.name, declared.keys())}`,
        rule: 'bicep-param',
      });
      continue;
    }
    for (const problem of paramValueProblems(decl, a.value)) {
      out.push({ file, ...a.value.span, path: a.name, message: `param '${a.name}' of '${target}': ${problem}`, rule: 'bicep-param' });
    }
  }
  const assigned = new Set(analysis.assignments.map((a) => a.name));
  for (const p of model.params) {
    if (isRequiredParam(p, model) && !assigned.has(p.name)) {
      out.push({
        file,
        ...using.span,
        path: p.name,
        message: `required param '${p.name}' of '${target}' (no default value) is not assigned`,
        rule: 'bicep-param',
      });
    }
  }
  return out;
}
