import { runPreflightCommand, runVerifyCommand, type CommandOptions, type CommandResult } from '@aks-hybrid/azure';
import { fileSystemSource, loadCluster, SpecError, type ClusterSpec } from '@aks-hybrid/spec';
import { selectClusters } from '../clusters.js';
import { UsageError } from '../repo.js';

interface LiveArgs {
  readonly root: string;
  readonly clusters: readonly string[];
  readonly all: boolean;
  readonly json: boolean;
}

/**
 * ARM and Graph endpoints can be pointed elsewhere (sovereign clouds, a local test server) with
 * KIT_ARM_ENDPOINT / KIT_GRAPH_ENDPOINT; the default is public Azure.
 */
function endpointOptions(): CommandOptions {
  return {
    ...(process.env.KIT_ARM_ENDPOINT ? { armEndpoint: process.env.KIT_ARM_ENDPOINT } : {}),
    ...(process.env.KIT_GRAPH_ENDPOINT ? { graphEndpoint: process.env.KIT_GRAPH_ENDPOINT } : {}),
  };
}

async function runLive(
  args: LiveArgs,
  log: (line: string) => void,
  run: (spec: ClusterSpec, options: CommandOptions) => Promise<CommandResult>,
): Promise<number> {
  const source = fileSystemSource(args.root);
  const clusters = selectClusters(source, args.clusters, args.all);
  if (clusters.length !== 1) throw new UsageError('verify and preflight run on one cluster at a time');
  let spec: ClusterSpec;
  try {
    spec = loadCluster(source, clusters[0]!);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    log(error.message);
    return 2;
  }
  const result = await run(spec, { json: args.json, ...endpointOptions() });
  log(result.output.trimEnd());
  return result.exitCode;
}

/** Exit 0 in sync, 1 drift, 2 error (sign-in, permissions, not found, throttling, ...). */
export const verifyCommand = (args: LiveArgs, log: (line: string) => void) => runLive(args, log, runVerifyCommand);
export const preflightCommand = (args: LiveArgs, log: (line: string) => void) => runLive(args, log, runPreflightCommand);
