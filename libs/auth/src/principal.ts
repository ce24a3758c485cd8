import type { ApiKeyRole, OrganizationKind } from '@registry/prisma-client';

/** Who is calling: resolved once per request from the API key. `null` stands for an anonymous caller. */
export interface Principal {
  /** The key used, or null for the platform administrator key from the environment. */
  apiKeyId: string | null;
  organizationId: string | null;
  organizationKind: OrganizationKind | null;
  role: ApiKeyRole;
  /** The ADMIN_API_KEY of the environment: may administer every organization. */
  platformAdmin: boolean;
}

export const PLATFORM_ADMIN: Principal = {
  apiKeyId: null,
  organizationId: null,
  organizationKind: null,
  role: 'ADMIN',
  platformAdmin: true,
};
