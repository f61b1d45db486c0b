import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { REPO } from './tree-workspace.js';

const COPIED = ['apps', 'gitops', 'docs/weu-prod', 'docs/neu-prod'];

/**
 * A real git repository in a temporary folder holding a copy of the spec and the committed output,
 * with one commit on main. The generator runs on an Nx Tree loaded from it; `flush` writes the
 * Tree's changes to the folder, as Nx does after a generator returns.
 */
export class GitWorkspace {
  readonly root = mkdtempSync(join(tmpdir(), 'kit-onboard-'));

  constructor() {
    for (const dir of COPIED) cpSync(join(REPO, dir), join(this.root, dir), { recursive: true });
    this.git('init', '--quiet', '--initial-branch=main');
    this.git('config', 'user.email', 'test@example.invalid');
    this.git('config', 'user.name', 'kit test');
    this.git('config', 'commit.gpgsign', 'false');
    this.git('add', '--all');
    this.git('commit', '--quiet', '-m', 'initial');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** A fresh Nx Tree with the folder's current files. */
  tree(): Tree {
    const tree = createTreeWithEmptyWorkspace();
    const copy = (rel: string) => {
      const full = join(this.root, rel);
      if (statSync(full).isDirectory()) for (const name of readdirSync(full)) copy(`${rel}/${name}`);
      else tree.write(rel, readFileSync(full));
    };
    for (const dir of COPIED) copy(dir);
    return tree;
  }

  /** Writes the Tree's files under the copied folders (the empty workspace's nx.json etc. stay out). */
  flush(tree: Tree): void {
    for (const change of tree.listChanges()) {
      if (!COPIED.some((dir) => change.path.startsWith(`${dir}/`))) continue;
      const full = join(this.root, change.path);
      if (change.type === 'DELETE') unlinkSync(full);
      else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, change.content!);
      }
    }
  }

  write(rel: string, content: string): void {
    writeFileSync(join(this.root, rel), content);
  }

  read(rel: string): string {
    return readFileSync(join(this.root, rel), 'utf8');
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
