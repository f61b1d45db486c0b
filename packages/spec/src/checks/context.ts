import type { SpecIssue } from '../errors.js';
import type { ParsedFile } from '../load/yaml-file.js';
import type { PlatformFile } from '../schema/platform.js';
import type { TeamFile } from '../schema/team.js';

/** Shape-valid files with their locations, handed to every cross-field check. */
export interface CheckContext {
  readonly platformFile: ParsedFile;
  readonly platform: PlatformFile;
  readonly teams: ReadonlyArray<{ readonly parsed: ParsedFile; readonly team: TeamFile; readonly fileName: string }>;
}

export type Check = (ctx: CheckContext) => SpecIssue[];
