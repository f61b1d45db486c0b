/** Namespaces that belong to Kubernetes, AKS or the platform's own controllers. */
const RESERVED_EXACT = new Set([
  'default',
  'flux-system',
  'tigera-operator',
  'gatekeeper-system',
  'app-routing-system',
  'ingress-nginx',
  'cert-manager',
  'aks-command',
  'kured',
  'monitoring',
  'platform-system',
]);
const RESERVED_PREFIXES = ['kube-', 'calico-', 'azure-', 'aks-', 'flux-', 'gatekeeper-', 'tigera-', 'istio-'];

/** Returns why the name is reserved, or undefined when a team may use it. */
export function reservedNameReason(name: string): string | undefined {
  if (RESERVED_EXACT.has(name)) return `"${name}" is a system namespace`;
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) return `names starting with "${prefix}" are reserved for system components`;
  return undefined;
}
