import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  diffCluster,
  diffJson,
  formatDiffMarkdown,
  loadServiceFleet,
  outputRoots,
  renderAndValidate,
  slaFigures,
  summaryLine,
  type ClusterDiff,
  type DiffContext,
} from '@aks-hybrid/gitops';
import { computeSla } from '@aks-hybrid/sla';
import { APPS_DIR, fileSystemSource, listClusters, loadCluster, memorySource, SpecError, type ClusterSpec, type SpecSource } from '@aks-hybrid/spec';

export interface DiffArgs {
  readonly root: string;
  readonly clusters: readonly string[];
  readonly all: boolean;
  readonly json: boolean;
  /** A git ref; `ref...` means the merge base of `ref` and HEAD (what a PR changes). */
  readonly base: string;
  /** Write the markdown (or JSON) here instead of printing it. */
  readonly output?: string;
}

/** The base ref cannot be read: not a repository, unknown ref, shallow clone. Exit code 2. */
export class GitError extends Error {}

/**
 * `kit diff`: the desired-state change between the files committed at a base ref and what the
 * working tree's spec renders now (so spec edits count before anyone runs `render`). Reports; exit
 * 0 whatever it finds, 1 when the working tree's spec does not load or a change rule fires
 * (KIT-OFFBOARD-001, unless the spec waives it), 2 when git cannot give the base.
 */
export async function diffCommand(args: DiffArgs, log: (line: string) => void): Promise<number> {
  let base: BaseSide;
  try {
    base = readBase(args.root, args.base);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    log(`kit diff: ${error.message}`);
    return 2;
  }

  const headSource = fileSystemSource(args.root);
  const headClusters = listClusters(headSource);
  const baseClusters = listClusters(base.source);
  const known = [...new Set([...headClusters, ...baseClusters])].sort();
  let clusters: string[];
  if (args.all) clusters = known;
  else if (args.clusters.length > 0) clusters = [...args.clusters];
  else if (known.length === 1) clusters = known;
  else {
    log(`kit diff: name a cluster or pass --all; clusters: ${known.join(', ') || '(none)'}`);
    return 2;
  }
  const unknown = clusters.filter((c) => !known.includes(c));
  if (unknown.length > 0) {
    log(`kit diff: no cluster ${unknown.join(', ')} in the working tree or at ${args.base}; clusters: ${known.join(', ') || '(none)'}`);
    return 2;
  }

  const diffs: ClusterDiff[] = [];
  let exitCode = 0;
  for (const cluster of clusters) {
    const notes: string[] = [];
    let head: { files: ReadonlyMap<string, string>; sla?: DiffContext['slaAfter']; exceptions?: DiffContext['policyExceptions'] } = { files: new Map() };
    if (headClusters.includes(cluster)) {
      try {
        const outcome = await renderAndValidate(headSource, cluster);
        const exceptions = (outcome.spec.policyExceptions ?? []).map((e) => ({ ...e, file: outcome.spec.file }));
        head = { files: outcome.files, sla: figuresOf(headSource, outcome.spec), exceptions };
        if (outcome.findings.length > 0) {
          notes.push(
            `The working tree renders output that fails ${outcome.findings.length} validation check(s); \`kit render\` would refuse to write it. Run \`kit render ${cluster}\` for the list.`,
          );
        }
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        log(`${cluster}: ${error.message}`);
        exitCode = 1;
        continue;
      }
    }
    let slaBefore: DiffContext['slaBefore'];
    if (baseClusters.includes(cluster)) {
      try {
        slaBefore = figuresOf(base.source, loadCluster(base.source, cluster));
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        const first = error.issues[0];
        slaBefore = {
          skipped: `the spec at ${args.base} does not load${first ? ` (${first.file}: ${first.message})` : ''}, so its SLA figures cannot be compared`,
        };
      }
    }
    const roots = outputRoots(cluster).map((r) => `${r}/`);
    const baseFiles = new Map([...base.files].filter(([path]) => roots.some((r) => path.startsWith(r))));
    diffs.push(
      await diffCluster(baseFiles, head.files, {
        cluster,
        base: args.base,
        ...(slaBefore ? { slaBefore } : {}),
        ...(head.sla ? { slaAfter: head.sla } : {}),
        ...(head.exceptions ? { policyExceptions: head.exceptions } : {}),
        notes,
      }),
    );
  }
  if (diffs.length === 0) return exitCode;
  // Rules about the change itself (KIT-OFFBOARD-001) block the PR like any policy finding.
  if (diffs.some((d) => d.findings.length > 0)) exitCode = 1;

  const text = args.json ? diffJson(diffs) : formatDiffMarkdown(diffs);
  if (args.output) {
    const target = resolve(args.output);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(`${target}.tmp`, text);
    renameSync(`${target}.tmp`, target);
    for (const d of diffs) log(d.status === 'unchanged' ? `No desired-state change for ${d.cluster}.` : `${d.cluster}: ${summaryLine(d)}`);
    for (const d of diffs) for (const f of d.findings) log(`${d.cluster}: [${f.rule}] ${f.object}: ${f.message} (fix: ${f.hint})`);
    log(`Wrote ${args.output}`);
  } else {
    log(text.trimEnd());
  }
  return exitCode;
}

function figuresOf(source: SpecSource, spec: ClusterSpec) {
  return slaFigures(computeSla(spec, loadServiceFleet(source, spec)));
}

interface BaseSide {
  /** Committed files under apps/ and every cluster's output roots, repo-relative. */
  readonly files: Map<string, string>;
  /** The spec as committed, for the base SLA figures. */
  readonly source: SpecSource;
}

/** Everything the diff needs from the base ref, read with two git processes (ls-tree, cat-file). */
function readBase(root: string, ref: string): BaseSide {
  const top = git(root, ['rev-parse', '--show-toplevel'], undefined, () => `${root} is not inside a git repository; kit diff compares with a git ref`)
    .toString()
    .trim();
  // The kit may live in a subfolder of the repository: git paths carry this prefix.
  const prefix = git(root, ['rev-parse', '--show-prefix']).toString().trim();
  const commit = resolveRef(top, ref);
  const listed = git(top, ['ls-tree', '-r', '-z', '--name-only', commit, '--', `${prefix}${APPS_DIR}`, `${prefix}gitops`, `${prefix}docs`])
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
  const all = listed.map((p) => p.slice(prefix.length));
  // docs/ also holds hand-written pages: only the folders named after a cluster are outputs.
  const clusterNames = new Set(
    all.filter((p) => p.startsWith(`${APPS_DIR}/`) || p.startsWith('gitops/')).map((p) => p.split('/')[p.startsWith('gitops/') ? 2 : 1]),
  );
  const paths = all.filter((p) => p.startsWith(`${APPS_DIR}/`) || isOutputPath(p, clusterNames));
  const contents = readBlobs(
    top,
    commit,
    paths.map((p) => `${prefix}${p}`),
  );
  const files = new Map(paths.map((p, i) => [p, contents[i]!]));
  const spec = new Map<string, string | undefined>([...files].filter(([p]) => p.startsWith(`${APPS_DIR}/`)));
  return { files, source: memorySource(spec) };
}

/** gitops/clusters/<c>/..., gitops/azure/<c>/..., docs/<c>/...: the output roots of some cluster. */
function isOutputPath(path: string, clusters: ReadonlySet<string | undefined>): boolean {
  const parts = path.split('/');
  if (parts[0] === 'docs') return parts.length > 2 && clusters.has(parts[1]);
  return parts[0] === 'gitops' && (parts[1] === 'clusters' || parts[1] === 'azure') && parts.length > 3;
}

function resolveRef(top: string, ref: string): string {
  const mergeBase = ref.endsWith('...');
  const name = mergeBase ? ref.slice(0, -3) : ref;
  const verify = (r: string) => {
    try {
      return execFileSync('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${r}^{commit}`], { cwd: top, stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim();
    } catch {
      return undefined;
    }
  };
  const commit = verify(name);
  if (!commit) {
    const shallow = git(top, ['rev-parse', '--is-shallow-repository']).toString().trim() === 'true';
    throw new GitError(
      `the base ref "${name}" does not exist here` +
        (shallow
          ? '. This clone is shallow: fetch the base first (e.g. `git fetch --no-tags origin main:refs/remotes/origin/main`, or `fetch-depth: 0` in actions/checkout).'
          : '. Check the name (`git branch -a`), or fetch it (`git fetch origin main`).'),
    );
  }
  if (!mergeBase) return commit;
  return git(
    top,
    ['merge-base', commit, 'HEAD'],
    undefined,
    () => `no merge base between ${name} and HEAD (a shallow clone lacks the history: fetch with more depth, or pass --base ${name} to compare with its tip)`,
  )
    .toString()
    .trim();
}

/** Blob contents in one `git cat-file --batch` run (one process per file would cost seconds). */
function readBlobs(top: string, commit: string, paths: readonly string[]): string[] {
  if (paths.length === 0) return [];
  const out = git(top, ['cat-file', '--batch'], paths.map((p) => `${commit}:${p}\n`).join(''));
  const blobs: string[] = [];
  let at = 0;
  for (const path of paths) {
    const end = out.indexOf(0x0a, at);
    const header = out.subarray(at, end).toString('utf8');
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
    if (size === undefined) throw new GitError(`git could not read ${path} at ${commit.slice(0, 12)}: ${header}`);
    blobs.push(out.subarray(end + 1, end + 1 + Number(size)).toString('utf8'));
    at = end + 1 + Number(size) + 1;
  }
  return blobs;
}

function git(cwd: string, args: readonly string[], input?: string, explain?: () => string): Buffer {
  try {
    return execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const detail = (error as { stderr?: Buffer }).stderr?.toString().trim();
    if ((error as { code?: string }).code === 'ENOENT') throw new GitError('git is not installed (or not on PATH)');
    throw new GitError(explain ? explain() : `git ${args[0]} failed${detail ? `: ${detail}` : ''}`);
  }
}
