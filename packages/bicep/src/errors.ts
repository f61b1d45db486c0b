/** How to get a Bicep CLI, in the order the kit looks for one (see locateBicep). */
export const HOW_TO_GET_BICEP =
  'Install the pinned Bicep CLI with `pnpm install` on a machine with the .NET SDK (it restores tools/bicep/bicep-cli.csproj ' +
  'into .cache/bicep), or run `az bicep install`, or set KIT_BICEP to the path of a bicep executable.';

/** No Bicep CLI was found where the kit looks for one. */
export class BicepNotFoundError extends Error {
  override readonly name = 'BicepNotFoundError';
  constructor(detail?: string) {
    super(`Bicep CLI not found${detail ? ` (${detail})` : ''}. ${HOW_TO_GET_BICEP}`);
  }
}

/** The Bicep CLI ran but did not answer as expected (crash, time-out, unreadable output). */
export class BicepRunError extends Error {
  override readonly name = 'BicepRunError';
}
