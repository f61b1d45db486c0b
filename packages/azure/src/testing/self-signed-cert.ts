import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/**
 * A throw-away self-signed certificate for the loopback mock servers. The Azure SDK's bearer-token
 * policy refuses plain http, so the mocks must speak TLS; generating the certificate per run keeps
 * private keys out of the repository and needs no openssl binary. @peculiar/x509 builds it on Node's
 * WebCrypto.
 */
export interface SelfSignedCert {
  /** PEM certificate: give it to the server and, as `ca`, to the client agent. */
  readonly cert: string;
  /** PEM PKCS#8 private key. */
  readonly key: string;
}

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/** Certificate for `127.0.0.1`, `::1` and `localhost`, valid from an hour ago for one day. */
export async function selfSignedCert(now = new Date()): Promise<SelfSignedCert> {
  // Node's WebCrypto is the provider; the casts bridge Node's and the DOM's names for the same types.
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: now.getTime().toString(16),
    name: 'CN=aks-hybrid-kit loopback mock',
    notBefore: new Date(now.getTime() - 3_600_000),
    notAfter: new Date(now.getTime() + 86_400_000),
    keys: keys as unknown as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'],
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.SubjectAlternativeNameExtension([
        { type: 'ip', value: '127.0.0.1' },
        { type: 'ip', value: '::1' },
        { type: 'dns', value: 'localhost' },
      ]),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const body = pkcs8
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trimEnd();
  return { cert: certificate.toString('pem'), key: `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n` };
}
