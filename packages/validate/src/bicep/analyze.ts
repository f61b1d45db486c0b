// Per-file analysis of a .bicep source: model + syntax and scope findings.
import { extractFile } from './extract.js';
import type { RawFinding } from './findings.js';
import type { BicepFileModel } from './model.js';
import { withTree } from './parser.js';
import { checkSymbols } from './symbols.js';
import { syntaxFindings } from './syntax.js';

export interface BicepAnalysis {
  model: BicepFileModel;
  findings: RawFinding[];
}

export function analyzeBicep(text: string): Promise<BicepAnalysis> {
  return withTree(text, (root) => ({
    model: extractFile(root),
    findings: [...syntaxFindings(root, text), ...checkSymbols(root)],
  }));
}
