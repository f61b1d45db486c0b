import { malformed, type CallContext } from './classify-error.js';
import { GroupLookupError, type GroupCandidate } from './errors.js';
import { resolveOptions, type AzureOptions } from './options.js';
import { restClient } from './pipeline.js';
import { getAllPages } from './rest-get.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Finds the object ID of the Entra ID group with this display name through Microsoft Graph.
 * Throws GroupLookupError when no group or several groups have the name (listing them), and
 * AzureCheckError when Graph cannot be asked.
 */
export async function resolveGroupObjectId(displayName: string, options: AzureOptions = {}): Promise<string> {
  const name = displayName.trim();
  if (!name) throw new GroupLookupError('unknown', displayName, []);
  const resolved = await resolveOptions(options);
  const context: CallContext = {
    action: `look up the Entra ID group named "${name}"`,
    service: 'Microsoft Graph',
    endpoint: resolved.graphEndpoint,
    permission:
      'the identity needs the Microsoft Graph permission GroupMember.Read.All or Group.Read.All (an application permission with admin consent for a pipeline identity; ' +
      'a user signed in with `az login` needs a tenant that lets users read groups), or pass --groupObjectId <object id> instead of --group',
    ...(options.tenantId ? { tenantId: options.tenantId } : {}),
    timeoutMs: resolved.timeoutMs,
    offline: 'or pass --groupObjectId <object id>, which needs no network',
  };
  const items = await getAllPages(restClient(resolved.graphEndpoint, resolved), context, {
    path: '/v1.0/groups',
    // OData string literals escape a quote by doubling it.
    query: { $filter: `displayName eq '${name.replace(/'/g, "''")}'`, $select: 'id,displayName,description,mail', $top: '50' },
    nextLinkKey: '@odata.nextLink',
    endpoint: resolved.graphEndpoint,
    maxPages: 20,
  });
  const candidates = items.map((item): GroupCandidate => {
    const g = item as Record<string, unknown>;
    if (typeof g.id !== 'string' || !GUID.test(g.id) || typeof g.displayName !== 'string') {
      throw malformed(context, 'a group has no object ID (GUID) or displayName');
    }
    return {
      id: g.id.toLowerCase(),
      displayName: g.displayName,
      ...(typeof g.description === 'string' && g.description ? { description: g.description } : {}),
      ...(typeof g.mail === 'string' && g.mail ? { mail: g.mail } : {}),
    };
  });
  if (candidates.length === 0) throw new GroupLookupError('unknown', name, []);
  if (candidates.length > 1)
    throw new GroupLookupError(
      'ambiguous',
      name,
      [...candidates].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
  return candidates[0]!.id;
}
