import { parseQuantity } from '@aks-hybrid/spec';

/** CPU cores as a Kubernetes quantity: whole cores plain ('4'), otherwise millicores ('1500m'). */
export function formatCpu(cores: number): string {
  const millicores = Math.round(cores * 1000);
  return millicores % 1000 === 0 ? String(millicores / 1000) : `${millicores}m`;
}

/** Bytes as a Kubernetes quantity in whole MiB, rounded down (a cap must never exceed the source). */
export function formatMemoryFloor(bytes: number): string {
  return `${Math.floor(bytes / 2 ** 20)}Mi`;
}

/** CPU cores, rounded down to the millicore. */
export function formatCpuFloor(cores: number): string {
  return formatCpu(Math.floor(cores * 1000 + 1e-9) / 1000);
}

/** `factor` x a CPU quantity, e.g. 2 x '750m' = '1500m'. */
export function scaleCpu(quantity: string, factor: number): string {
  return formatCpu(parseQuantity(quantity) * factor);
}
