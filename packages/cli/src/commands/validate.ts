import { join } from 'node:path';
import { fluxEntryDir, outputRoots } from '@aks-hybrid/gitops';
import { fileSystemSource, formatIssue, loadCluster, SpecError } from '@aks-hybrid/spec';
import { formatPolicyExceptions, type AppliedException, type Finding } from '@aks-hybrid/policy';
import { kustomizeBuild, validateRenderedReport } from '@aks-hybrid/validate';
import { kubernetesLifecycleGate, resolveAsOf } from '../as-of.js';
import { selectClusters } from '../clusters.js';
import { formatFindings } from '../output.js';
import { readTree } from '../read-tree.js';

/**
 * Validates the committed tree as Flux and the Bicep pipeline will read it: the same checks as
 * render, plus a real `kustomize build` of every Flux Kustomization path.
 */
export async function validateCommand(
  args: { root: string; clusters: readonly string[]; all: boolean; json: boolean; asOf?: string | undefined; timings?: boolean },
  log: (line: string) => void,
): Promise<number> {
  const source = fileSystemSource(args.root);
  const asOf = resolveAsOf(args.asOf);
  let exitCode = 0;
  const all: Record<string, { findings: Finding[]; exceptions: AppliedException[]; notes: string[] }> = {};
  for (const cluster of selectClusters(source, args.clusters, args.all)) {
    // Warnings stay out of --json output, like the spec's own warnings; a refusal is logged like a spec error.
    const unsupported = kubernetesLifecycleGate(source, cluster, asOf, args.json ? () => {} : log);
    if (unsupported) {
      log(unsupported);
      exitCode = 1;
      continue;
    }
    let spec: ReturnType<typeof loadCluster>;
    try {
      spec = loadCluster(source, cluster);
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      log(`${cluster}: ${error.message}`);
      exitCode = 1;
      continue;
    }
    if (!args.json) for (const warning of spec.warnings ?? []) log(`${cluster}: warning: ${formatIssue(warning)}`);
    const files = readTree(args.root, outputRoots(cluster));
    // validate is the gate before a deployment: without a Bicep compiler it fails (render only warns).
    const report = await validateRenderedReport(files, spec, { requireBicep: true });
    if (args.timings) for (const [file, ms] of report.bicepCompileMs) log(`${cluster}: bicep compile ${file}: ${Math.round(ms)} ms`);
    const findings: Finding[] = [...report.findings];
    const entry = fluxEntryDir(cluster);
    const builds = [
      entry,
      ...['infrastructure', 'calico-apiserver', 'calico', 'teams'].map((d) => `${entry}/${d}`).filter((d) => files.has(`${d}/kustomization.yaml`)),
    ];
    for (const dir of builds) {
      const result = await kustomizeBuild(join(args.root, dir));
      if (!result.ok) findings.push({ file: `${dir}/kustomization.yaml`, message: `kustomize build failed: ${result.stderr.trim()}`, rule: 'kustomize-build' });
    }
    all[cluster] = { findings, exceptions: report.exceptions, notes: report.notes };
    if (findings.length > 0) exitCode = 1;
    if (!args.json) {
      log(
        findings.length === 0
          ? `${cluster}: ${files.size} files valid (schemas, indexes, Bicep, policies; kustomize build of ${builds.length} folders)`
          : `${cluster}: ${findings.length} finding(s)\n${formatFindings(findings)}`,
      );
      // Reviewers see every waived rule and its reason, and what was not checked.
      if (report.exceptions.length > 0)
        log(
          `${cluster}: policy exceptions:\n${formatPolicyExceptions(report.exceptions)
            .map((l) => `  ${l}`)
            .join('\n')}`,
        );
      if (report.notes.length > 0) log(`${cluster}: notes:\n${report.notes.map((n) => `  ${n}`).join('\n')}`);
    }
  }
  if (args.json) log(JSON.stringify(all, null, 2));
  return exitCode;
}
