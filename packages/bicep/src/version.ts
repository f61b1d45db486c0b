/**
 * The Bicep CLI version the kit is tested with. The pin itself lives in tools/bicep/bicep-cli.csproj (what
 * `pnpm install` restores); version.test.ts keeps this constant equal to it.
 */
export const PINNED_BICEP_VERSION = '0.49.2';

/** The NuGet package that ships the self-contained `bicep` executable for Linux x64. */
export const BICEP_NUGET_PACKAGE = 'Azure.Bicep.CommandLine.linux-x64';

/** The tools project that pins the CLI, relative to the repository root. */
export const BICEP_TOOLS_PROJECT = 'tools/bicep/bicep-cli.csproj';

/** Where `dotnet restore --packages` puts the pinned package, relative to the repository root. */
export const BICEP_CACHE_DIR = '.cache/bicep';
