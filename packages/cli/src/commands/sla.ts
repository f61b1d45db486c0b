import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadServiceFleet, slaReportFile, symlinkProblem, WriteRefusedError } from '@aks-hybrid/gitops';
import { computeSla, formatSlaSummary, slaJson } from '@aks-hybrid/sla';
import { fileSystemSource, loadCluster, SpecError } from '@aks-hybrid/spec';
import { selectClusters } from '../clusters.js';

/** Prints the composite SLA and refreshes docs/<cluster>/sla.md (the same bytes `render` writes). */
export function slaCommand(args: { root: string; clusters: readonly string[]; all: boolean; json: boolean }, log: (line: string) => void): number {
  const source = fileSystemSource(args.root);
  const reports: string[] = [];
  let exitCode = 0;
  for (const cluster of selectClusters(source, args.clusters, args.all)) {
    try {
      const spec = loadCluster(source, cluster);
      const fleet = loadServiceFleet(source, spec);
      const model = computeSla(spec, fleet);
      const [path, content] = slaReportFile(spec, fleet);
      const full = join(args.root, path);
      const link = symlinkProblem(args.root, path); // never written through a link, as render (docs/guarantees.md)
      if (link) throw new WriteRefusedError(link);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(`${full}.tmp`, content);
      renameSync(`${full}.tmp`, full);
      if (args.json) reports.push(slaJson(model));
      else log(`${formatSlaSummary(model)}\nReport: ${path}\n`);
    } catch (error) {
      if (!(error instanceof SpecError || error instanceof WriteRefusedError)) throw error;
      log(`${cluster}: ${error.message}`);
      exitCode = 1;
    }
  }
  if (args.json) log(reports.length === 1 ? reports[0]!.trimEnd() : `[${reports.map((r) => r.trimEnd()).join(',\n')}]`);
  return exitCode;
}
