/**
 * vCPU and memory of common Azure VM sizes, for capacity checks. Sizes not listed here must state
 * `vcpus` and `memoryGiB` in the pool spec. Figures from the Azure VM size documentation.
 */
export interface VmShape {
  readonly vcpus: number;
  readonly memoryGiB: number;
}

/** Families where memory is a fixed multiple of vCPUs. */
const FAMILIES: ReadonlyArray<{ pattern: (n: number) => string[]; ratio: number; sizes: number[] }> = [
  // General purpose, 4 GiB per vCPU.
  {
    pattern: (n) => ['v5', 'v6'].flatMap((v) => [`D${n}s_${v}`, `D${n}ds_${v}`, `D${n}as_${v}`, `D${n}ads_${v}`, `D${n}d_${v}`, `D${n}_${v}`]),
    ratio: 4,
    sizes: [2, 4, 8, 16, 32, 48, 64, 96],
  },
  { pattern: (n) => [`D${n}s_v3`, `D${n}s_v4`, `D${n}ds_v4`, `D${n}as_v4`], ratio: 4, sizes: [2, 4, 8, 16, 32, 48, 64] },
  // Memory optimised, 8 GiB per vCPU.
  {
    pattern: (n) => ['v5', 'v6'].flatMap((v) => [`E${n}s_${v}`, `E${n}ds_${v}`, `E${n}as_${v}`, `E${n}ads_${v}`, `E${n}d_${v}`, `E${n}_${v}`]),
    ratio: 8,
    sizes: [2, 4, 8, 16, 20, 32, 48, 64, 96],
  },
  { pattern: (n) => [`E${n}s_v3`, `E${n}s_v4`, `E${n}ds_v4`, `E${n}as_v4`], ratio: 8, sizes: [2, 4, 8, 16, 20, 32, 48, 64] },
  // Compute optimised, 2 GiB per vCPU.
  { pattern: (n) => [`F${n}s_v2`, `F${n}as_v6`], ratio: 2, sizes: [2, 4, 8, 16, 32, 48, 64, 72] },
  // Storage optimised (local NVMe), 8 GiB per vCPU.
  { pattern: (n) => [`L${n}s_v3`, `L${n}as_v3`, `L${n}s_v4`, `L${n}as_v4`], ratio: 8, sizes: [8, 16, 32, 48, 64, 80] },
];

const IRREGULAR: Readonly<Record<string, VmShape>> = {
  B2s: { vcpus: 2, memoryGiB: 4 },
  B2ms: { vcpus: 2, memoryGiB: 8 },
  B4ms: { vcpus: 4, memoryGiB: 16 },
  B8ms: { vcpus: 8, memoryGiB: 32 },
  DS2_v2: { vcpus: 2, memoryGiB: 7 },
  DS3_v2: { vcpus: 4, memoryGiB: 14 },
  DS4_v2: { vcpus: 8, memoryGiB: 28 },
  DS5_v2: { vcpus: 16, memoryGiB: 56 },
};

function buildTable(): Map<string, VmShape> {
  const table = new Map<string, VmShape>();
  for (const family of FAMILIES) {
    for (const n of family.sizes) {
      for (const name of family.pattern(n)) table.set(`Standard_${name}`, { vcpus: n, memoryGiB: n * family.ratio });
    }
  }
  for (const [name, shape] of Object.entries(IRREGULAR)) table.set(`Standard_${name}`, shape);
  return table;
}

const TABLE = buildTable();

/** Case-insensitive, like Azure. */
export function lookupVmSize(vmSize: string): VmShape | undefined {
  const exact = TABLE.get(vmSize);
  if (exact) return exact;
  const lower = vmSize.toLowerCase();
  for (const [name, shape] of TABLE) if (name.toLowerCase() === lower) return shape;
  return undefined;
}

/**
 * What the kubelet can hand to pods on one node, following AKS's documented reservations
 * (kube-reserved CPU by core count; memory: min(20 MiB x maxPods + 50 MiB, 25% of memory) plus
 * the 100 MiB eviction threshold). The OS itself takes a little more; this is an upper bound.
 */
export function allocatable(shape: VmShape, maxPods: number): { cores: number; memoryBytes: number } {
  const reservedMillicores = reservedCpuMillicores(shape.vcpus);
  const memoryMiB = shape.memoryGiB * 1024;
  const reservedMiB = Math.min(20 * maxPods + 50, 0.25 * memoryMiB) + 100;
  return { cores: (shape.vcpus * 1000 - reservedMillicores) / 1000, memoryBytes: (memoryMiB - reservedMiB) * 2 ** 20 };
}

function reservedCpuMillicores(vcpus: number): number {
  const steps: Array<[number, number]> = [
    [1, 60],
    [2, 100],
    [4, 140],
    [8, 180],
    [16, 260],
    [32, 420],
    [64, 740],
  ];
  for (const [cores, reserved] of steps) if (vcpus <= cores) return reserved;
  return 740 + Math.ceil((vcpus - 64) * 10);
}
