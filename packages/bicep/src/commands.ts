import type { BicepDiagnostic } from './diagnostics.js';
import { BicepSession, type BuildParamsResult, type SnapshotMetadata, type SnapshotResult } from './session.js';

let shared: { session: BicepSession; key: string } | undefined;

/**
 * The process-wide session, started on first use and restarted when KIT_BICEP/PATH/HOME changed (tests switch
 * compilers through the environment). Throws BicepNotFoundError when no CLI can be found.
 */
export function sharedBicepSession(env: NodeJS.ProcessEnv = process.env): BicepSession {
  const key = JSON.stringify([env.KIT_BICEP, env.PATH, env.HOME]);
  if (shared === undefined || shared.key !== key || !shared.session.isAlive()) {
    shared?.session.close();
    shared = { session: new BicepSession({ env }), key };
  }
  return shared.session;
}

/** Ends the shared session, if one was started. */
export function closeSharedBicepSession(): void {
  shared?.session.close();
  shared = undefined;
}

/** `bicep build-params <paramFile> --stdout`: parameters, compiled template and diagnostics. */
export function buildParams(paramFile: string): Promise<BuildParamsResult> {
  return sharedBicepSession().buildParams(paramFile);
}

/** `bicep snapshot <paramFile>`: the predicted resources of a deployment, without writing a snapshot file. */
export function snapshot(paramFile: string, metadata?: SnapshotMetadata): Promise<SnapshotResult> {
  return sharedBicepSession().snapshot(paramFile, metadata);
}

/** `bicep lint <file>`: compiler and linter diagnostics of a .bicep file under its bicepconfig.json. */
export function lint(file: string): Promise<BicepDiagnostic[]> {
  return sharedBicepSession().lint(file);
}
