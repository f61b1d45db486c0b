#!/usr/bin/env node
// Root `postinstall`: restores the Bicep CLI pinned in tools/bicep/bicep-cli.csproj into .cache/bicep, so that
// `pnpm install` also brings the compiler the kit validates with. Quiet and quick when the pinned copy is there;
// one plain line, never a failure, when it cannot be installed (validate and CI then fail and say why).
// See docs/decisions/0008-bicep-compiler-in-the-loop.md.
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const project = join(root, 'tools', 'bicep', 'bicep-cli.csproj');
const cache = join(root, '.cache', 'bicep');
const HOW = 'install the .NET SDK 10 and run `pnpm install` again, or run `az bicep install`, or set KIT_BICEP to a bicep executable';

const pin = /<PackageDownload Include="([^"]+)" Version="\[([^\]]+)\]"/.exec(readFileSync(project, 'utf8'));
if (!pin) {
  console.log(`Bicep CLI not installed: no exact PackageDownload pin in ${relative(root, project)}.`);
  process.exit(0);
}
const [, packageId, version] = pin;
const executable = join(cache, packageId.toLowerCase(), version, 'tools', 'bicep');

if (isExecutable(executable)) process.exit(0);
if (existsSync(executable)) {
  // NuGet does not keep the executable bit of files in a package.
  chmodSync(executable, 0o755);
  process.exit(0);
}
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.log(
    `Bicep CLI not installed: the pinned ${packageId} is for linux-x64, this is ${process.platform}-${process.arch}; run \`az bicep install\` or set KIT_BICEP.`,
  );
  process.exit(0);
}

// DOTNET_NOLOGO / DOTNET_CLI_TELEMETRY_OPTOUT: no first-run banner or telemetry in an install step.
// https://learn.microsoft.com/dotnet/core/tools/dotnet-environment-variables
const env = { ...process.env, DOTNET_NOLOGO: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' };
const restore = spawnSync(
  'dotnet',
  ['restore', project, '--packages', cache, `-p:MSBuildProjectExtensionsPath=${join(cache, 'obj')}/`, '--verbosity', 'quiet'],
  { cwd: root, env, encoding: 'utf8', timeout: 300_000 },
);
if (restore.error?.code === 'ENOENT') {
  console.log(`Bicep CLI not installed: the .NET SDK (dotnet) is not on PATH; ${HOW}.`);
  process.exit(0);
}
if (restore.status !== 0 || !existsSync(executable)) {
  const why = `${restore.stdout ?? ''}${restore.stderr ?? ''}`.trim().split('\n').slice(-3).join(' ') || restore.error?.message || `exit ${restore.status}`;
  console.log(`Bicep CLI not installed: dotnet restore of ${relative(root, project)} failed (${why}); ${HOW}.`);
  process.exit(0);
}
chmodSync(executable, 0o755);
console.log(`Bicep CLI ${version} installed in ${relative(root, executable)}.`);

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
