/** Kubernetes resource quantities, as numbers: CPU in cores, memory and storage in bytes. */
const SUFFIX: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

export function parseQuantity(text: string): number {
  const match = /^([0-9]+(?:\.[0-9]+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(text);
  if (!match) throw new Error(`"${text}" is not a Kubernetes quantity (e.g. 500m, 2, 256Mi, 64Gi)`);
  return Number(match[1]) * SUFFIX[match[2] ?? '']!;
}

export const GiB = 2 ** 30;

/** Human form for messages: cores with up to 3 decimals, memory in GiB. */
export function formatCores(cores: number): string {
  return `${Number(cores.toFixed(3))} vCPU`;
}

export function formatGiB(bytes: number): string {
  return `${Number((bytes / GiB).toFixed(2))} GiB`;
}
