import { Type, type TSchema } from '@sinclair/typebox';

/** API group/version written at the top of every spec file. */
export const SPEC_API_VERSION = 'kit.aks-hybrid.dev/v1alpha1';

export const Guid = (description: string) =>
  Type.String({
    description,
    'x-hint': 'an object ID has the form 8-4-4-4-12 hex digits, e.g. 0f2d3c4b-1a2b-4c5d-8e9f-0123456789ab (az ad group show --group <name> --query id)',
    pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
  });

/** Canonical checks (host bits) live in the cross-field checks, where the hint can suggest a fix. */
export const Cidr = (description: string) =>
  Type.String({ description, 'x-hint': 'write an IPv4 CIDR as a.b.c.d/n, e.g. 10.0.0.0/16', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$' });

export const Ipv4 = (description: string) => Type.String({ description, 'x-hint': 'write an IPv4 address as a.b.c.d', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}$' });

export const DnsLabel = (description: string, maxLength = 63) =>
  Type.String({
    description,
    'x-hint': `use a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit, at most ${maxLength} characters`,
    pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
    maxLength,
  });

/** Kubernetes quantity, e.g. `500m`, `2`, `64Gi`. */
export const Quantity = (description: string) =>
  Type.String({
    description,
    pattern: '^[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$',
  });

export const StringMap = (description: string) =>
  Type.Record(Type.String({ pattern: '^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$' }), Type.String(), {
    description,
  });

/**
 * GitHub owners for .github/CODEOWNERS: `@user` or `@org/team` (GitHub user names: letters, digits and single
 * hyphens, at most 39 characters). https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners
 */
export const CodeOwners = (description: string) =>
  Type.Array(
    Type.String({
      'x-hint': 'write a GitHub user as @user or a team as @org/team-slug, e.g. @contoso/team-payments',
      pattern: '^@[A-Za-z0-9](-?[A-Za-z0-9])*(/[A-Za-z0-9][A-Za-z0-9_-]*)?$',
      maxLength: 100,
    }),
    { description, minItems: 1, uniqueItems: true },
  );

export const Strict = <T extends Record<string, TSchema>>(properties: T, description: string) =>
  Type.Object(properties, { additionalProperties: false, description });

/**
 * A secret that stays in Key Vault: the spec names where it is, never what it is.
 * Bicep reads it at deployment time with `getSecret()`.
 */
export const SecretRef = (description: string) =>
  Strict(
    {
      keyVaultName: Type.String({ description: 'Key Vault that holds the secret.', pattern: '^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$' }),
      resourceGroup: Type.String({ description: 'Resource group of the Key Vault.', minLength: 1, maxLength: 90 }),
      subscriptionId: Type.Optional(Guid('Subscription of the Key Vault. Default: the cluster subscription.')),
      secretName: Type.String({ description: 'Name of the secret.', pattern: '^[0-9a-zA-Z-]{1,127}$' }),
    },
    description,
  );
