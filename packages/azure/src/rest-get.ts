import type { ContainerServiceContext } from '@azure/arm-containerservice/api';
import { callAzure, errorBody, fromResponse, malformed, type CallContext } from './classify-error.js';
import { attemptsOf } from './pipeline.js';

export interface PagedGet {
  /** Path under the client's endpoint, already encoded. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Property holding the next page's absolute URL: `nextLink` (ARM) or `@odata.nextLink` (Graph). */
  readonly nextLinkKey: string;
  /** Where the client points; next links elsewhere are refused so the token never leaves it. */
  readonly endpoint: string;
  /** Stop after this many pages. */
  readonly maxPages: number;
}

/** GETs a list and its next pages; returns the `value` items. */
export async function getAllPages(client: ContainerServiceContext, context: CallContext, request: PagedGet): Promise<unknown[]> {
  const items: unknown[] = [];
  let url: string | undefined = request.path;
  for (let page = 0; url && page < request.maxPages; page += 1) {
    const first = page === 0;
    const target: string = url;
    const response = await callAzure(context, async () => client.pathUnchecked(target).get(first ? { queryParameters: { ...request.query } } : {}));
    const status = Number(response.status);
    if (status !== 200) {
      throw fromResponse({ status, ...errorBody(response.body), ...withAttempts(attemptsOf(response.request)) }, context);
    }
    const body = response.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || !Array.isArray(body.value)) throw malformed(context, 'the list has no `value` array');
    items.push(...body.value);
    const next = body[request.nextLinkKey];
    if (next !== undefined && next !== null && !(typeof next === 'string' && sameOrigin(next, request.endpoint))) {
      throw malformed(context, `\`${request.nextLinkKey}\` is not a link on ${request.endpoint}`);
    }
    url = (next as string | null | undefined) ?? undefined;
  }
  if (url) throw malformed(context, `the list did not end after ${request.maxPages} pages`);
  return items;
}

function sameOrigin(link: string, endpoint: string): boolean {
  try {
    return new URL(link).origin === new URL(endpoint).origin;
  } catch {
    return false;
  }
}

const withAttempts = (n: number | undefined) => (n === undefined ? {} : { attempts: n });
