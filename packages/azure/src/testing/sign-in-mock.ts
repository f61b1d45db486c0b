import { createServer as createHttpsServer, Agent } from 'node:https';
import { createServer as createNetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { selfSignedCert } from './self-signed-cert.js';

/**
 * A loopback stand-in for the Microsoft Entra ID sign-in endpoint (the authority host MSAL talks to):
 * - `hang`: accepts every connection and never sends a byte, as a black-holed proxy or a stalled
 *   endpoint does;
 * - `refuse`: answers the OpenID metadata, then refuses the client credentials with an AADSTS error,
 *   as Entra does for a wrong secret.
 * Point a credential at it with `authorityHost: mock.authorityHost` and `disableInstanceDiscovery: true`.
 */
export interface SignInMock {
  /** `https://127.0.0.1:<port>` */
  readonly authorityHost: string;
  /** Trusts the `refuse` server's certificate; pass as the credential's `agent`. */
  readonly agent: Agent;
  /** Connections accepted so far. */
  readonly connections: () => number;
  close(): Promise<void>;
}

/** The error Entra returns for a wrong client secret. */
export const AADSTS_INVALID_SECRET =
  'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.';

export async function startSignInMock(mode: 'hang' | 'refuse'): Promise<SignInMock> {
  const { cert, key } = await selfSignedCert();
  const sockets = new Set<Socket>();
  let accepted = 0;
  const track = (socket: Socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };

  const server =
    mode === 'hang'
      ? createNetServer(track)
      : createHttpsServer({ cert, key }, (req, res) => {
          const url = new URL(req.url ?? '/', 'https://127.0.0.1');
          const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
          const tenant = url.pathname.split('/')[1] ?? 'common';
          res.setHeader('content-type', 'application/json');
          if (url.pathname.endsWith('/.well-known/openid-configuration')) {
            res.end(
              JSON.stringify({
                issuer: `${origin}/${tenant}/v2.0`,
                authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/authorize`,
                token_endpoint: `${origin}/${tenant}/oauth2/v2.0/token`,
                end_session_endpoint: `${origin}/${tenant}/oauth2/v2.0/logout`,
                jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
              }),
            );
            return;
          }
          res.statusCode = 401;
          res.end(JSON.stringify({ error: 'invalid_client', error_description: AADSTS_INVALID_SECRET, error_codes: [7000215] }));
        });
  if (mode === 'refuse') server.on('connection', track);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const agent = new Agent({ ca: cert, keepAlive: false });
  return {
    authorityHost: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    agent,
    connections: () => accepted,
    async close() {
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
