/** Shared by the policy tests: the committed example cluster as objects, and ways to break it. Not shipped. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { fileSystemSource, loadCluster, type ClusterSpec, type Team } from '@aks-hybrid/spec';
import { admissionPolicyObjects } from '@aks-hybrid/policy';
import { compileBicep, type PredictedDeployment } from '../bicep-compile/index.js';
import { evaluatePolicies, type PolicyReport } from '../policy/evaluate-policies.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const CLUSTER = 'weu-prod';
export const ADMISSION_FILE = `gitops/clusters/${CLUSTER}/infrastructure/admission-policies.yaml`;

export type Obj = Record<string, any>;

/** What the gate reads: objects per YAML file and the Bicep sources (compiled by `gate`). */
export interface Tree {
  readonly objects: Map<string, Obj[]>;
  readonly bicep: Map<string, string>;
}

let spec: ClusterSpec | undefined;
/** apps/weu-prod, loaded and checked by the spec package. */
export function exampleSpec(): ClusterSpec {
  spec ??= loadCluster(fileSystemSource(repoRoot), CLUSTER);
  return spec;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

let committed: Tree | undefined;
/**
 * The committed render of weu-prod (gitops/ is kept current by `kit render --check` in CI), as a
 * fresh copy each call so a test may break it freely.
 */
export function exampleTree(): Tree {
  if (!committed) {
    const objects = new Map<string, Obj[]>();
    for (const full of walk(path.join(repoRoot, 'gitops/clusters', CLUSTER))) {
      const file = path.relative(repoRoot, full).split(path.sep).join('/');
      if (!file.endsWith('.yaml') || file.endsWith('/kustomization.yaml')) continue;
      objects.set(
        file,
        parseAllDocuments(readFileSync(full, 'utf8'))
          .map((d) => d.toJS() as Obj)
          .filter((o) => o !== null),
      );
    }
    const bicep = new Map<string, string>();
    // The cluster's own folder and the shared landing-zone template its main.bicepparam uses, when there is one.
    const azureDirs = [CLUSTER, 'landing-zone'].map((dir) => path.join(repoRoot, 'gitops/azure', dir)).filter((dir) => existsSync(dir));
    for (const full of azureDirs.flatMap(walk)) {
      const file = path.relative(repoRoot, full).split(path.sep).join('/');
      if (/\.(bicep|bicepparam)$|\/bicepconfig\.json$/.test(file)) bicep.set(file, readFileSync(full, 'utf8'));
    }
    committed = { objects, bicep };
  }
  return { objects: new Map([...committed.objects].map(([f, list]) => [f, structuredClone(list)])), bicep: new Map(committed.bicep) };
}

/** The object (mutable, inside `tree`) of that kind, namespace and name; apiVersion tells Calico's NetworkPolicy apart. */
export function objectIn(tree: Tree, kind: string, namespace: string | undefined, name: string, apiVersion?: string): Obj {
  for (const list of tree.objects.values()) {
    const found = list.find(
      (o) => o.kind === kind && o.metadata?.name === name && o.metadata?.namespace === namespace && (!apiVersion || o.apiVersion === apiVersion),
    );
    if (found) return found;
  }
  throw new Error(`no ${kind} ${namespace ?? ''}/${name} in the example tree`);
}

export function removeObject(tree: Tree, kind: string, namespace: string | undefined, name: string, apiVersion?: string): void {
  const target = objectIn(tree, kind, namespace, name, apiVersion);
  for (const [file, list] of tree.objects)
    tree.objects.set(
      file,
      list.filter((o) => o !== target),
    );
}

export function addObject(tree: Tree, file: string, object: Obj): void {
  tree.objects.set(file, [...(tree.objects.get(file) ?? []), object]);
}

/** Replaces text in the one Bicep file whose path ends with `suffix`; fails when `from` is not there. */
export function editBicep(tree: Tree, suffix: string, from: string, to: string): void {
  const [file, content] = [...tree.bicep].find(([f]) => f.endsWith(suffix)) ?? [];
  if (!file || !content?.includes(from)) throw new Error(`${suffix} does not contain ${from}`);
  tree.bicep.set(file, content.replace(from, to));
}

export const pod = (deployment: Obj): Obj => deployment.spec.template.spec;

export function withTeamChange(base: ClusterSpec, name: string, change: (t: Team) => Team): ClusterSpec {
  return { ...base, teams: base.teams.map((t) => (t.name === name ? change(t) : t)) };
}

export const REASON = 'Vendor image until the vendor ships to our registry (TICKET-123)';

export function withTeamException(base: ClusterSpec, team: string, rule: string, object: string, reason = REASON): ClusterSpec {
  return withTeamChange(base, team, (t) => ({ ...t, policyExceptions: [...t.policyExceptions, { rule, object, reason }] }));
}

export function withPlatformException(base: ClusterSpec, rule: string, object: string, reason = REASON): ClusterSpec {
  return { ...base, policyExceptions: [...(base.policyExceptions ?? []), { rule, object, reason }] };
}

const compiled = new Map<string, Promise<PredictedDeployment[]>>();
/**
 * The tree's Bicep through the real compiler (`bicep snapshot`), as validateRendered does it; the same sources are
 * compiled once per test file. Compiler findings fail here: the policy tests need Bicep that compiles.
 */
export function compiledDeployments(bicep: ReadonlyMap<string, string>): Promise<PredictedDeployment[]> {
  const key = JSON.stringify([...bicep]);
  let deployments = compiled.get(key);
  if (!deployments) {
    deployments = compileBicep(bicep, { required: true }).then((result) => {
      const errors = result.findings.filter((f) => !f.message.startsWith('Warning'));
      if (errors.length > 0)
        throw new Error(`the test's Bicep does not compile:\n${errors.map((f) => `${f.file}:${f.line ?? ''} [${f.rule}] ${f.message}`).join('\n')}`);
      return result.deployments;
    });
    compiled.set(key, deployments);
  }
  return deployments;
}

/**
 * Runs the gate. By default the tree's admission policies are first regenerated from `spec`, as a
 * render would (a spec change such as an exception changes them); tests of KIT-ADM-001 opt out.
 */
export async function gate(tree: Tree, spec: ClusterSpec, options: { syncAdmission?: boolean } = {}): Promise<PolicyReport> {
  const objects = new Map(tree.objects);
  if (options.syncAdmission ?? true) objects.set(ADMISSION_FILE, admissionPolicyObjects(spec));
  return evaluatePolicies({ objects, azure: await compiledDeployments(tree.bicep) }, spec);
}
