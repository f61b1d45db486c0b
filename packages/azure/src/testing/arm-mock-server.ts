import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { Agent } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { ClusterSpec } from '@aks-hybrid/spec';
import { agentPoolsJson, groupsJson, kubernetesVersionsJson, managedClusterJson, resourceSkusJson, type Json } from './arm-fixtures.js';
import { landingZoneResourcesJson } from './landing-zone-fixtures.js';
import { selfSignedCert } from './self-signed-cert.js';

/**
 * A loopback stand-in for Azure Resource Manager and Microsoft Graph: node:https on 127.0.0.1 with
 * an ephemeral port and a per-run self-signed certificate (the SDK sends tokens over TLS only).
 * It answers the five reads the kit makes with bodies shaped like the public REST specs, ARM-style
 * errors for what is missing, and faults a test programs per route.
 */
export type Route = 'managedCluster' | 'agentPools' | 'kubernetesVersions' | 'skus' | 'groups' | 'landingZone';

export type Fault =
  /** An error answer with an ARM/Graph error body `{ error: { code, message } }`. */
  | { readonly kind: 'status'; readonly status: number; readonly code: string; readonly message?: string; readonly headers?: Readonly<Record<string, string>> }
  /** Accepts the request and never answers. */
  | { readonly kind: 'hang' }
  /** Any body, e.g. broken JSON. */
  | { readonly kind: 'raw'; readonly status?: number; readonly body: string; readonly contentType?: string };

export interface RecordedRequest {
  readonly method: string;
  readonly route: Route | 'unknown';
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly authorization?: string;
  /** ms since the server started, to check waits such as Retry-After. */
  readonly at: number;
}

export interface ClusterRecord {
  cluster: Json;
  pools: Json[];
}

export interface MockAzure {
  /** `https://127.0.0.1:<port>`: pass as both armEndpoint and graphEndpoint. */
  readonly endpoint: string;
  /** Trusts the server's certificate; pass as `agent`. */
  readonly agent: Agent;
  readonly requests: RecordedRequest[];
  /** Subscriptions that exist (lower case). */
  readonly subscriptions: Set<string>;
  /** `sub/rg` pairs that exist (lower case). */
  readonly resourceGroups: Set<string>;
  /** By `sub/rg/name` (lower case). */
  readonly clusters: Map<string, ClusterRecord>;
  /** By location. */
  readonly kubernetesVersions: Map<string, Json>;
  /** Network and registry resources by lower-case path (`/subscriptions/.../providers/Microsoft.Network/...`); a list is an array. */
  readonly resources: Map<string, Json | Json[]>;
  skus: Json[];
  groups: Json[];
  /** Items per page of list answers (agent pools, SKUs, groups). */
  pageSize: number;
  /** The next `times` requests to `route` get `fault` instead of the normal answer. */
  fail(route: Route, fault: Fault, times?: number): void;
  /** Ends hanging answers and stops the server. */
  close(): Promise<void>;
}

const key = (...parts: string[]) => parts.map((p) => decodeURIComponent(p).toLowerCase()).join('/');

const ROUTES: ReadonlyArray<{ route: Route; pattern: RegExp }> = [
  {
    route: 'managedCluster',
    pattern: /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.ContainerService\/managedClusters\/([^/]+)$/i,
  },
  {
    route: 'agentPools',
    pattern: /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.ContainerService\/managedClusters\/([^/]+)\/agentPools$/i,
  },
  { route: 'kubernetesVersions', pattern: /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.ContainerService\/locations\/([^/]+)\/kubernetesVersions$/i },
  { route: 'skus', pattern: /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.Compute\/skus$/i },
  { route: 'groups', pattern: /^\/v1\.0\/groups$/ },
  { route: 'landingZone', pattern: /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.(?:Network|ContainerRegistry)\/.+$/i },
];

export async function startMockAzure(): Promise<MockAzure> {
  const { cert, key: privateKey } = await selfSignedCert();
  const started = Date.now();
  const faults: Array<{ route: Route; fault: Fault; times: number }> = [];
  const hanging = new Set<ServerResponse>();

  const server = createServer({ cert, key: privateKey }, (req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      send(res, 500, { error: { code: 'MockFailure', message: String(error) } });
    }
  });

  const mock: MockAzure = {
    endpoint: '',
    agent: new Agent({ ca: cert, keepAlive: false }),
    requests: [],
    subscriptions: new Set(),
    resourceGroups: new Set(),
    clusters: new Map(),
    kubernetesVersions: new Map(),
    resources: new Map(),
    skus: [],
    groups: [],
    pageSize: 2,
    fail(route, fault, times = 1) {
      faults.push({ route, fault, times });
    },
    async close() {
      for (const res of hanging) res.destroy();
      mock.agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    const matched = ROUTES.map((r) => ({ route: r.route, m: r.pattern.exec(url.pathname) })).find((r) => r.m);
    mock.requests.push({
      method: req.method ?? 'GET',
      route: matched?.route ?? 'unknown',
      path: url.pathname,
      query,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      at: Date.now() - started,
    });
    if (!matched) return send(res, 404, { error: { code: 'InvalidResourceType', message: `The mock has no route for ${url.pathname}.` } });
    if (!req.headers.authorization?.startsWith('Bearer ')) {
      return send(res, 401, { error: { code: 'AuthenticationFailed', message: "Authentication failed. The 'Authorization' header is missing." } });
    }
    const fault = faults.find((f) => f.route === matched.route && f.times > 0);
    if (fault) {
      fault.times -= 1;
      return applyFault(res, fault.fault);
    }
    const [, a = '', b = '', c = ''] = matched.m!;
    const isArm = matched.route !== 'groups';
    if (isArm && !mock.subscriptions.has(key(a))) {
      return send(res, 404, { error: { code: 'SubscriptionNotFound', message: `The subscription '${decodeURIComponent(a)}' could not be found.` } });
    }
    switch (matched.route) {
      case 'managedCluster':
      case 'agentPools': {
        if (!mock.resourceGroups.has(key(a, b))) {
          return send(res, 404, { error: { code: 'ResourceGroupNotFound', message: `Resource group '${decodeURIComponent(b)}' could not be found.` } });
        }
        const record = mock.clusters.get(key(a, b, c));
        if (!record) {
          return send(res, 404, {
            error: {
              code: 'ResourceNotFound',
              message: `The Resource 'Microsoft.ContainerService/managedClusters/${decodeURIComponent(c)}' under resource group '${decodeURIComponent(b)}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
            },
          });
        }
        return matched.route === 'managedCluster' ? send(res, 200, record.cluster) : sendPage(res, url, record.pools, 'nextLink');
      }
      case 'landingZone': {
        const resource = mock.resources.get(decodeURIComponent(url.pathname).toLowerCase());
        if (resource === undefined) {
          return send(res, 404, {
            error: {
              code: 'ResourceNotFound',
              message: `The Resource '${decodeURIComponent(url.pathname)}' under resource group '${decodeURIComponent(b)}' was not found.`,
            },
          });
        }
        return Array.isArray(resource) ? sendPage(res, url, resource, 'nextLink') : send(res, 200, resource);
      }
      case 'kubernetesVersions': {
        const versions = mock.kubernetesVersions.get(decodeURIComponent(b).toLowerCase());
        if (!versions)
          return send(res, 404, {
            error: { code: 'NoRegisteredProviderFound', message: `No registered resource provider found for location '${decodeURIComponent(b)}'.` },
          });
        return send(res, 200, versions);
      }
      case 'skus': {
        const location = /^location eq '(.*)'$/.exec(query.$filter ?? '')?.[1];
        const items = location ? mock.skus.filter((s) => (s.locations ?? []).some((l: string) => l.toLowerCase() === location.toLowerCase())) : mock.skus;
        return sendPage(res, url, items, 'nextLink');
      }
      case 'groups': {
        // Graph's `eq` on displayName ignores case; OData doubles quotes inside literals.
        const literal = /^displayName eq '((?:[^']|'')*)'$/.exec(query.$filter ?? '')?.[1];
        if (literal === undefined)
          return send(res, 400, { error: { code: 'Request_UnsupportedQuery', message: 'Unsupported or invalid query filter clause specified.' } });
        const name = literal.replace(/''/g, "'").toLowerCase();
        const select = query.$select?.split(',');
        const items = mock.groups
          .filter((g) => String(g.displayName).toLowerCase() === name)
          .map((g) => (select ? Object.fromEntries(select.map((f) => [f, g[f] ?? null])) : g));
        return sendPage(res, url, items, '@odata.nextLink', { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#groups' });
      }
    }
  }

  /** Pages with an absolute next link carrying a skip token, as ARM and Graph do. */
  function sendPage(res: ServerResponse, url: URL, items: Json[], nextKey: string, extra: Json = {}): void {
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
    const page = items.slice(skip, skip + mock.pageSize);
    const next = new URL(url.toString().replace('https://127.0.0.1', mock.endpoint));
    next.searchParams.set('$skiptoken', String(skip + mock.pageSize));
    send(res, 200, { ...extra, value: page, ...(skip + mock.pageSize < items.length ? { [nextKey]: next.toString() } : {}) });
  }

  function applyFault(res: ServerResponse, fault: Fault): void {
    if (fault.kind === 'hang') {
      hanging.add(res);
      return;
    }
    if (fault.kind === 'raw') {
      res.writeHead(fault.status ?? 200, { 'content-type': fault.contentType ?? 'application/json; charset=utf-8' });
      res.end(fault.body);
      return;
    }
    const headers: Record<string, string> = { ...(fault.headers ?? {}) };
    if (fault.status === 401 && !headers['www-authenticate']) {
      headers['www-authenticate'] =
        'Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="The access token is invalid."';
    }
    send(res, fault.status, { error: { code: fault.code, message: fault.message ?? `${fault.code} (mock)` } }, headers);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  (mock as { endpoint: string }).endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return mock;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ms-request-id': 'mock', ...headers });
  res.end(JSON.stringify(body));
}

/** Puts a cluster deployed from `spec` (with its region's versions and sizes) into the mock. */
export function seedFromSpec(mock: MockAzure, spec: ClusterSpec): ClusterRecord {
  const { subscriptionId, resourceGroup, location } = spec.azure;
  mock.subscriptions.add(subscriptionId.toLowerCase());
  mock.resourceGroups.add(key(subscriptionId, resourceGroup));
  const record = { cluster: managedClusterJson(spec), pools: agentPoolsJson(spec) };
  mock.clusters.set(key(subscriptionId, resourceGroup, spec.names.cluster), record);
  mock.kubernetesVersions.set(location.toLowerCase(), kubernetesVersionsJson());
  mock.skus = resourceSkusJson(spec);
  for (const [path, body] of landingZoneResourcesJson(spec)) mock.resources.set(path, body);
  mock.groups = groupsJson();
  return record;
}
