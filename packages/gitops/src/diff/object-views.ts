import type { Change, Fact } from './types.js';

/**
 * What a reviewer reads in an object of a kind that matters for access, capacity, network exposure
 * or scheduling: named facts, each a scalar or a set of members. Comparing two views gives the
 * highlights of a change; one view alone describes an added or removed object.
 */
export type View = Map<string, string | readonly string[]>;

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
const group = (apiVersion: unknown) => (typeof apiVersion === 'string' && apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '');

/** The view of an object, or undefined for kinds without one (their field diff speaks for them). */
export function viewOf(value: Obj): View | undefined {
  const kind = value.kind;
  const g = group(value.apiVersion);
  const view: View = new Map();
  if (g === 'rbac.authorization.k8s.io' && (kind === 'RoleBinding' || kind === 'ClusterRoleBinding')) rbacBinding(value, view);
  else if (g === 'rbac.authorization.k8s.io' && (kind === 'Role' || kind === 'ClusterRole')) rbacRole(value, view);
  else if (g === '' && kind === 'ResourceQuota') quota(value, view);
  else if (g === '' && kind === 'LimitRange') limitRange(value, view);
  else if (g === '' && kind === 'Namespace') namespace(value, view);
  else if (g === '' && kind === 'Service') service(value, view);
  else if (g === 'networking.k8s.io' && kind === 'NetworkPolicy') networkPolicy(value, view);
  else if (/projectcalico\.org$/.test(g) && (kind === 'NetworkPolicy' || kind === 'GlobalNetworkPolicy')) calicoPolicy(value, view);
  else if (/projectcalico\.org$/.test(g) && (kind === 'GlobalNetworkSet' || kind === 'NetworkSet')) view.set('nets', list(obj(value.spec).nets).map(str));
  else if (g === 'apps' && (kind === 'Deployment' || kind === 'StatefulSet' || kind === 'DaemonSet')) podController(value, view);
  else if (g === 'autoscaling' && kind === 'HorizontalPodAutoscaler') hpa(value, view);
  else if (g === 'policy' && kind === 'PodDisruptionBudget') pdb(value, view);
  else if (g === 'kustomize.toolkit.fluxcd.io' && kind === 'Kustomization') fluxKustomization(value, view);
  else if (g === 'kustomize.config.k8s.io' && kind === 'Kustomization') view.set('resources', list(value.resources).map(str));
  else return undefined;
  for (const [k, v] of view) if (v === '' || (Array.isArray(v) && v.length === 0)) view.delete(k);
  return view;
}

/** The view as facts, for an object that exists on one side only. */
export function viewFacts(view: View | undefined): Fact[] {
  return [...(view ?? [])].map(([what, value]) => ({ what, value }));
}

/** The facts that differ between two views of one object. */
export function compareViews(before: View | undefined, after: View | undefined): Change[] {
  if (!before || !after) return [];
  const keys = [...before.keys(), ...[...after.keys()].filter((k) => !before.has(k))];
  const changes: Change[] = [];
  for (const what of keys) {
    const a = before.get(what);
    const b = after.get(what);
    if ((a !== undefined && typeof a !== 'string') || (b !== undefined && typeof b !== 'string')) {
      const old = new Set<string>(a === undefined ? [] : typeof a === 'string' ? [a] : a);
      const now = new Set<string>(b === undefined ? [] : typeof b === 'string' ? [b] : b);
      const added = [...now].filter((m) => !old.has(m));
      const removed = [...old].filter((m) => !now.has(m));
      if (added.length + removed.length > 0) changes.push({ what, added, removed });
    } else if (a !== b) {
      changes.push({ what, ...(typeof a === 'string' ? { before: a } : {}), ...(typeof b === 'string' ? { after: b } : {}) });
    }
  }
  return changes;
}

function rbacBinding(value: Obj, view: View): void {
  const ref = obj(value.roleRef);
  view.set('roleRef', `${str(ref.kind)}/${str(ref.name)}`);
  view.set(
    'subjects',
    list(value.subjects).map((s) => {
      const subject = obj(s);
      return `${str(subject.kind)} ${subject.namespace ? `${str(subject.namespace)}/` : ''}${str(subject.name)}`;
    }),
  );
}

function rbacRole(value: Obj, view: View): void {
  view.set(
    'rules',
    list(value.rules).map((r) => {
      const rule = obj(r);
      const verbs = list(rule.verbs).map(str).join(',');
      if (rule.nonResourceURLs) return `${verbs} on URLs ${list(rule.nonResourceURLs).map(str).join(',')}`;
      const groups = list(rule.apiGroups).map((x) => (x === '' ? 'core' : str(x)));
      const names = list(rule.resourceNames).map(str);
      return `${verbs} on ${list(rule.resources).map(str).join(',')} (${groups.join(',') || 'core'})${names.length ? ` named ${names.join(',')}` : ''}`;
    }),
  );
  const aggregation = obj(value.aggregationRule);
  if (aggregation.clusterRoleSelectors)
    view.set(
      'aggregates',
      list(aggregation.clusterRoleSelectors).map((s) => selector(s)),
    );
}

function quota(value: Obj, view: View): void {
  const spec = obj(value.spec);
  for (const [key, amount] of Object.entries(obj(spec.hard))) view.set(`hard ${key}`, str(amount));
  if (spec.scopes) view.set('scopes', list(spec.scopes).map(str));
}

function limitRange(value: Obj, view: View): void {
  for (const l of list(obj(value.spec).limits)) {
    const limit = obj(l);
    for (const field of ['defaultRequest', 'default', 'min', 'max', 'maxLimitRequestRatio']) {
      for (const [resource, amount] of Object.entries(obj(limit[field]))) view.set(`${str(limit.type)} ${field} ${resource}`, str(amount));
    }
  }
}

function namespace(value: Obj, view: View): void {
  view.set(
    'labels',
    Object.entries(obj(obj(value.metadata).labels)).map(([k, v]) => `${k}=${str(v)}`),
  );
}

function service(value: Obj, view: View): void {
  const spec = obj(value.spec);
  view.set('type', str(spec.type) || 'ClusterIP');
  view.set(
    'ports',
    list(spec.ports).map((p) => {
      const port = obj(p);
      return `${str(port.protocol) || 'TCP'}/${str(port.port)} -> ${str(port.targetPort ?? port.port)}`;
    }),
  );
}

/** `app.kubernetes.io/name=api`, `all pods` for `{}`: label selectors as people say them. */
function selector(s: unknown): string {
  const sel = obj(s);
  const parts = Object.entries(obj(sel.matchLabels)).map(([k, v]) => `${k}=${str(v)}`);
  for (const e of list(sel.matchExpressions)) {
    const expr = obj(e);
    parts.push(`${str(expr.key)} ${str(expr.operator)}${expr.values ? ` (${list(expr.values).map(str).join(',')})` : ''}`);
  }
  return parts.length ? parts.join(',') : 'all';
}

function k8sPorts(ports: unknown): string {
  const items = list(ports).map((p) => {
    const port = obj(p);
    return `${str(port.protocol) || 'TCP'}/${str(port.port) || '*'}${port.endPort ? `-${str(port.endPort)}` : ''}`;
  });
  return items.length ? `on ${items.join(',')}` : 'on any port';
}

/** A peer as people say it: `10.0.0.0/8`, `pods app=x in namespaces team=y`, `all pods of this namespace`. */
function k8sPeer(p: unknown): string {
  const peer = obj(p);
  const block = obj(peer.ipBlock);
  if (block.cidr) return `${str(block.cidr)}${block.except ? ` except ${list(block.except).map(str).join(',')}` : ''}`;
  const pods = peer.podSelector === undefined ? undefined : selector(peer.podSelector);
  const namespaces = peer.namespaceSelector === undefined ? undefined : selector(peer.namespaceSelector);
  const podsText = pods === undefined || pods === 'all' ? 'all pods' : `pods ${pods}`;
  if (namespaces === undefined) return `${podsText} of this namespace`;
  return `${podsText} in ${namespaces === 'all' ? 'all namespaces' : `namespaces ${namespaces}`}`;
}

function networkPolicy(value: Obj, view: View): void {
  const spec = obj(value.spec);
  view.set('pods', selector(spec.podSelector));
  view.set('policyTypes', list(spec.policyTypes).map(str).join(','));
  for (const [direction, peersKey] of [
    ['ingress', 'from'],
    ['egress', 'to'],
  ] as const) {
    const rules = list(spec[direction]).map(obj);
    view.set(
      `${direction} CIDRs`,
      rules.flatMap((r) =>
        list(r[peersKey])
          .map(obj)
          .filter((p) => p.ipBlock)
          .map(k8sPeer),
      ),
    );
    view.set(
      `${direction} rules`,
      rules.map((r) => {
        const peers = r[peersKey] === undefined ? 'anywhere' : list(r[peersKey]).map(k8sPeer).join(' | ') || 'nowhere';
        return `${peersKey} ${peers} ${k8sPorts(r.ports)}`;
      }),
    );
  }
}

function calicoEntity(e: unknown): { nets: string[]; text: string } {
  const entity = obj(e);
  const parts: string[] = [];
  const nets = [...list(entity.nets).map(str), ...list(entity.notNets).map((n) => `not ${str(n)}`)];
  if (nets.length) parts.push(`nets ${nets.join(',')}`);
  if (entity.namespaceSelector) parts.push(`namespaceSelector ${str(entity.namespaceSelector)}`);
  if (entity.selector) parts.push(`selector ${str(entity.selector)}`);
  if (entity.notSelector) parts.push(`notSelector ${str(entity.notSelector)}`);
  const sa = obj(entity.serviceAccounts);
  if (sa.names || sa.selector) parts.push(`serviceAccounts ${[...list(sa.names).map(str), str(sa.selector)].filter(Boolean).join(',')}`);
  if (entity.ports) parts.push(`ports ${list(entity.ports).map(str).join(',')}`);
  if (entity.notPorts) parts.push(`notPorts ${list(entity.notPorts).map(str).join(',')}`);
  return { nets, text: parts.join(' ') };
}

function calicoPolicy(value: Obj, view: View): void {
  const spec = obj(value.spec);
  view.set('order', str(spec.order));
  view.set('selector', str(spec.selector));
  view.set('namespaceSelector', str(spec.namespaceSelector));
  view.set('types', list(spec.types).map(str).join(','));
  for (const direction of ['ingress', 'egress'] as const) {
    const rules = list(spec[direction]).map(obj);
    const described = rules.map((rule) => {
      const source = calicoEntity(rule.source);
      const destination = calicoEntity(rule.destination);
      const text = [str(rule.action), str(rule.protocol), source.text && `from ${source.text}`, destination.text && `to ${destination.text}`]
        .filter(Boolean)
        .join(' ');
      return { text, nets: [...source.nets.map((n) => `from ${n}`), ...destination.nets.map((n) => `to ${n}`)] };
    });
    view.set(
      `${direction} CIDRs`,
      described.flatMap((d) => d.nets),
    );
    view.set(
      `${direction} rules`,
      described.map((d) => d.text),
    );
  }
}

function podController(value: Obj, view: View): void {
  const spec = obj(value.spec);
  if (spec.replicas !== undefined) view.set('replicas', str(spec.replicas));
  const pod = obj(obj(spec.template).spec);
  for (const c of list(pod.containers)) {
    const container = obj(c);
    const name = str(container.name);
    view.set(`${name} image`, str(container.image));
    const resources = obj(container.resources);
    for (const bound of ['requests', 'limits']) {
      for (const [resource, amount] of Object.entries(obj(resources[bound]))) view.set(`${name} ${bound}.${resource}`, str(amount));
    }
  }
  view.set('node pool', nodePools(pod).join(','));
  view.set(
    'tolerations',
    list(pod.tolerations).map((t) => {
      const tol = obj(t);
      return `${str(tol.key)}${tol.value !== undefined ? `=${str(tol.value)}` : ''}:${str(tol.effect) || 'any'}`;
    }),
  );
}

/** The AKS pools a pod may land on: nodeSelector or required node affinity on the agentpool label. */
function nodePools(pod: Obj): string[] {
  const POOL_LABELS = ['kubernetes.azure.com/agentpool', 'agentpool'];
  const selected = POOL_LABELS.map((k) => obj(pod.nodeSelector)[k])
    .filter((v) => v !== undefined)
    .map(str);
  const required = obj(obj(obj(pod.affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution);
  const fromAffinity = list(required.nodeSelectorTerms).flatMap((t) =>
    list(obj(t).matchExpressions)
      .map(obj)
      .filter((e) => POOL_LABELS.includes(str(e.key)) && str(e.operator) === 'In')
      .flatMap((e) => list(e.values).map(str)),
  );
  return [...new Set([...selected, ...fromAffinity])];
}

function hpa(value: Obj, view: View): void {
  const spec = obj(value.spec);
  view.set('minReplicas', str(spec.minReplicas));
  view.set('maxReplicas', str(spec.maxReplicas));
  for (const m of list(spec.metrics)) {
    const metric = obj(m);
    const source = obj(metric.resource ?? metric.containerResource ?? obj(metric.pods).metric ?? obj(metric.object).metric ?? obj(metric.external).metric);
    const target = obj(obj(metric.resource ?? metric.containerResource ?? metric.pods ?? metric.object ?? metric.external).target);
    const amount = target.averageUtilization !== undefined ? `${str(target.averageUtilization)}%` : str(target.averageValue ?? target.value);
    view.set(`target ${str(source.name) || str(metric.type)}`, `${str(target.type)} ${amount}`.trim());
  }
}

function pdb(value: Obj, view: View): void {
  const spec = obj(value.spec);
  view.set('minAvailable', str(spec.minAvailable));
  view.set('maxUnavailable', str(spec.maxUnavailable));
}

function fluxKustomization(value: Obj, view: View): void {
  const spec = obj(value.spec);
  view.set('path', str(spec.path));
  view.set(
    'dependsOn',
    list(spec.dependsOn).map((d) => `${obj(d).namespace ? `${str(obj(d).namespace)}/` : ''}${str(obj(d).name)}`),
  );
  view.set('prune', str(spec.prune));
  view.set('sourceRef', `${str(obj(spec.sourceRef).kind)}/${str(obj(spec.sourceRef).name)}`);
  view.set('interval', str(spec.interval));
}
