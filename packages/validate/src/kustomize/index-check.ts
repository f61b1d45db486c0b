import { posix } from 'node:path';
import { parseYamlDocuments } from '../k8s/yaml-documents.js';

/** One problem with a kustomization.yaml's file list. */
export interface KustomizeIndexFinding {
  /** Repo-relative kustomization file the fix goes into. */
  readonly file: string;
  readonly message: string;
  readonly rule: 'kustomize-index';
}

/** The names kustomize accepts for a kustomization file (it refuses folders with more than one). */
const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

const isYamlFile = (name: string): boolean => /\.ya?ml$/.test(name) && !KUSTOMIZATION_NAMES.includes(name);

/** Remote bases (git or http) cannot be checked offline; they are skipped, not reported. */
const isRemote = (entry: string): boolean =>
  /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(entry) || entry.includes('?ref=');

const normalizeKey = (p: string): string => posix.normalize(p.replace(/\\/g, '/')).replace(/^\.\//, '').replace(/\/$/, '');

const isInside = (target: string, dir: string): boolean => {
  const rel = posix.relative(dir || '.', target || '.');
  return rel !== '' && !rel.startsWith('../') && rel !== '..' && !posix.isAbsolute(rel);
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A path written in a kustomization, and which field it came from (for messages). */
interface Reference {
  readonly field: string;
  readonly entry: string;
  /** resources/components may name a folder holding a kustomization; the others are files. */
  readonly folderAllowed: boolean;
}

/** Every local path a kustomization refers to, besides which ones it lists as resources. */
function references(k: Obj): { refs: Reference[]; problems: string[] } {
  const refs: Reference[] = [];
  const problems: string[] = [];
  const list = (field: string, folderAllowed: boolean, pick: (item: unknown) => unknown = (x) => x): void => {
    const value = k[field];
    if (value === undefined || value === null) return;
    if (!Array.isArray(value)) {
      problems.push(`"${field}" must be a list`);
      return;
    }
    for (const item of value) {
      const entry = pick(item);
      if (entry === undefined) continue;
      if (typeof entry !== 'string' || entry === '') problems.push(`"${field}" has a non-string entry ${JSON.stringify(entry)}`);
      else refs.push({ field, entry, folderAllowed });
    }
  };
  list('resources', true);
  list('components', true);
  list('crds', false);
  list('configurations', false);
  list('generators', true);
  list('transformers', true);
  list('validators', true);
  const path = (item: unknown) => (isObj(item) && typeof item.path === 'string' ? item.path : undefined);
  list('patches', false, path);
  list('patchesJson6902', false, path);
  list('replacements', false, path);
  // patchesStrategicMerge entries are file names or inline patches; only the former are paths.
  list('patchesStrategicMerge', false, (item) => (typeof item === 'string' && !item.includes('\n') ? item : undefined));
  for (const gen of ['configMapGenerator', 'secretGenerator']) {
    const generators = k[gen];
    if (!Array.isArray(generators)) continue;
    for (const g of generators) {
      if (!isObj(g)) continue;
      const files = Array.isArray(g.files) ? g.files : [];
      const envs = [...(Array.isArray(g.envs) ? g.envs : []), ...(typeof g.env === 'string' ? [g.env] : [])];
      // files entries may be "key=path".
      for (const f of files)
        if (typeof f === 'string') refs.push({ field: gen, entry: f.includes('=') ? f.slice(f.indexOf('=') + 1) : f, folderAllowed: false });
      for (const e of envs) if (typeof e === 'string') refs.push({ field: gen, entry: e, folderAllowed: false });
    }
  }
  return { refs, problems };
}

/**
 * Checks that each folder's kustomization lists exactly its files: every `resources` entry exists
 * (a file in the folder, or a folder with its own kustomization), and every .yaml file next to
 * the kustomization is referenced by it. `files` maps repo-relative paths to contents.
 */
export function checkKustomizationIndexes(files: ReadonlyMap<string, string>): KustomizeIndexFinding[] {
  const paths = new Map<string, string>(); // normalized -> key as given
  for (const key of files.keys()) paths.set(normalizeKey(key), key);

  const folders = new Set<string>(['']);
  const children = new Map<string, string[]>(); // folder -> direct child file names
  for (const p of paths.keys()) {
    const dir = posix.dirname(p) === '.' ? '' : posix.dirname(p);
    children.set(dir, [...(children.get(dir) ?? []), posix.basename(p)]);
    for (let d = dir; d !== ''; d = posix.dirname(d) === '.' ? '' : posix.dirname(d)) folders.add(d);
  }
  const kustomizationIn = (dir: string): string | undefined => KUSTOMIZATION_NAMES.map((n) => (dir ? `${dir}/${n}` : n)).find((p) => paths.has(p));

  const findings: KustomizeIndexFinding[] = [];
  for (const [dir, names] of [...children].sort(([a], [b]) => a.localeCompare(b))) {
    const kFiles = names.filter((n) => KUSTOMIZATION_NAMES.includes(n));
    if (kFiles.length === 0) continue;
    const kPath = dir ? `${dir}/${kFiles[0]}` : kFiles[0]!;
    const file = paths.get(kPath)!;
    const report = (message: string) => findings.push({ file, message, rule: 'kustomize-index' });
    if (kFiles.length > 1) report(`folder has more than one kustomization file (${kFiles.join(', ')}); kustomize refuses to build it`);

    // The validator's parser: js-yaml on a well-formed file (the `yaml` library's parseDocument was a
    // quarter of the validation time at 1,000 teams), `yaml` with positions for a broken one.
    const parsed = parseYamlDocuments(files.get(file)!);
    if (parsed.errors.length > 0) {
      report(`YAML syntax error: ${parsed.errors[0]!.message}`);
      continue;
    }
    if (parsed.documents.length > 1) {
      report(`holds ${parsed.documents.length} YAML documents; a kustomization file is one mapping`);
      continue;
    }
    const k = parsed.documents[0]?.value;
    if (!isObj(k)) {
      report('kustomization must be a mapping');
      continue;
    }

    const { refs, problems } = references(k);
    problems.forEach(report);
    const referenced = new Set<string>();
    const seenResources = new Set<string>();
    for (const { field, entry, folderAllowed } of refs) {
      if (isRemote(entry)) continue;
      const target = normalizeKey(posix.join(dir, entry));
      if (field === 'resources') {
        if (seenResources.has(target)) report(`resources lists "${entry}" twice; kustomize rejects duplicate resources`);
        seenResources.add(target);
      }
      if (paths.has(target)) {
        referenced.add(target);
        // kustomize's default load restrictor only reads files inside the kustomization's folder.
        if (!isInside(target, dir))
          report(
            `${field} entry "${entry}" is a file outside this folder; kustomize only loads files below the kustomization (list a folder with its own kustomization.yaml instead)`,
          );
      } else if (folders.has(target) || target === dir) {
        if (!folderAllowed) report(`${field} entry "${entry}" is a folder; ${field} takes files`);
        else if (target === dir) report(`${field} entry "${entry}" is this kustomization's own folder`);
        else if (!kustomizationIn(target)) report(`${field} entry "${entry}" is a folder without a kustomization.yaml`);
      } else {
        report(`${field} entry "${entry}" does not exist (looked for ${target})`);
      }
    }

    for (const name of names.filter(isYamlFile).sort()) {
      const p = dir ? `${dir}/${name}` : name;
      if (!referenced.has(p))
        report(`"${name}" is in this folder but not listed; add it to resources (each folder's kustomization.yaml lists exactly its files)`);
    }
  }
  return findings;
}
