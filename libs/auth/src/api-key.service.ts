import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, RegistryError, readPage, readTimeCursor, toConnection, type ConnectionShape, isUuid } from '@registry/core';
import type { ApiKey, ApiKeyRole, OrganizationKind } from '@registry/prisma-client';
import { ApiKeyRepository } from './api-key.repository';
import { PrincipalCache } from './cache/principal-cache';
import { displayPrefix, generateSecret, hashSecret, secretsEqual } from './api-key.secret';
import { PLATFORM_ADMIN, type Principal } from './principal';

/** Which key roles an organization of each kind may hold (ADMIN manages the organization's own keys). */
const ROLES_BY_KIND: Record<OrganizationKind, ApiKeyRole[]> = {
  MANUFACTURER: ['ADMIN', 'MANUFACTURER'],
  RECYCLER: ['ADMIN', 'RECYCLER'],
  AUDITOR: ['ADMIN', 'AUDITOR'],
  AUTHORITY: ['ADMIN', 'AUDITOR'],
  SERVICE_PROVIDER: ['ADMIN', 'SERVICE_PROVIDER'],
};

/** A key's label names it in lists; it is no place for documents. */
export const MAX_LABEL_LENGTH = 200;

/** lastUsedAt is a date for people, not an audit trail: written at most once a minute per key. */
const TOUCH_INTERVAL_MS = 60_000;

export interface CreatedApiKey {
  secret: string;
  apiKey: ApiKey;
}

@Injectable()
export class ApiKeyService {
  private readonly logger = new Logger(ApiKeyService.name);
  /** When this instance last wrote each key's lastUsedAt, so that a fresh key costs no query per request. */
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly cache: PrincipalCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The caller behind an Authorization header: null without one; UNAUTHENTICATED when malformed or the key is bad. */
  async principalFromHeader(header: string | undefined): Promise<Principal | null> {
    if (header === undefined || header === '') return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw RegistryError.unauthenticated('The Authorization header must read "Bearer <api key>"');
    return this.authenticate(match[1]);
  }

  /** The caller behind a bearer secret; throws UNAUTHENTICATED for an unknown, revoked or expired key. */
  async authenticate(secret: string): Promise<Principal> {
    if (this.config.adminApiKey && secretsEqual(secret, this.config.adminApiKey)) return PLATFORM_ADMIN;
    const secretHash = hashSecret(secret);
    const now = new Date();
    const cached = this.cache.get(secretHash, now.getTime());
    if (cached) {
      if (cached.expiresAt && cached.expiresAt <= now) throw RegistryError.unauthenticated('The API key has expired');
      this.touch(cached.principal.apiKeyId!, now);
      return cached.principal;
    }
    const key = await this.keys.findBySecretHash(secretHash);
    if (!key) throw RegistryError.unauthenticated('The API key is not valid');
    if (key.revokedAt) throw RegistryError.unauthenticated('The API key was revoked');
    if (key.expiresAt && key.expiresAt <= now) throw RegistryError.unauthenticated('The API key has expired');
    this.touch(key.id, now);
    const principal: Principal = {
      apiKeyId: key.id,
      organizationId: key.organizationId,
      organizationKind: key.organization.kind,
      role: key.role,
      platformAdmin: false,
    };
    this.cache.set(secretHash, principal, key.expiresAt, now.getTime());
    return principal;
  }

  /** Records the use of a key in the background, at most once a minute per key from this instance. */
  private touch(apiKeyId: string, now: Date): void {
    const last = this.touched.get(apiKeyId);
    if (last !== undefined && now.getTime() - last < TOUCH_INTERVAL_MS) return;
    if (this.touched.size >= 10_000) this.touched.clear();
    this.touched.set(apiKeyId, now.getTime());
    this.keys.touch(apiKeyId, now).catch((error: unknown) => this.logger.warn(`could not record the use of key ${apiKeyId}: ${String(error)}`));
  }

  async create(caller: Principal, input: { organizationId: string; role: ApiKeyRole; label?: string | null; expiresAt?: Date | null }): Promise<CreatedApiKey> {
    this.requireOrganizationAdmin(caller, input.organizationId);
    const organization = isUuid(input.organizationId) ? await this.keys.findOrganization(input.organizationId) : null;
    if (!organization) throw RegistryError.notFound('Organization', input.organizationId);
    if (!ROLES_BY_KIND[organization.kind].includes(input.role)) {
      throw RegistryError.invalidField(
        'role',
        `an organization of kind ${organization.kind} can hold keys with role ${ROLES_BY_KIND[organization.kind].join(' or ')}, not ${input.role}`,
        'enum',
      );
    }
    const label = input.label?.trim() || null;
    if (label && label.length > MAX_LABEL_LENGTH) {
      throw RegistryError.invalidField('label', `must be at most ${MAX_LABEL_LENGTH} characters, got ${label.length}`, 'maxLength');
    }
    if (input.expiresAt && input.expiresAt <= new Date()) throw RegistryError.invalidField('expiresAt', 'must be in the future', 'range');
    const secret = generateSecret();
    const apiKey = await this.keys.create(
      {
        organizationId: organization.id,
        role: input.role,
        secretHash: hashSecret(secret),
        secretPrefix: displayPrefix(secret),
        label,
        expiresAt: input.expiresAt ?? null,
      },
      caller,
    );
    return { secret, apiKey };
  }

  /** The keys of an organization, newest first; without `organizationId`, those of the caller's organization. */
  async list(
    caller: Principal,
    organizationIdArg: string | null | undefined,
    args: { first?: number; after?: string | null },
  ): Promise<ConnectionShape<ApiKey>> {
    const organizationId = organizationIdArg ?? caller.organizationId;
    if (!organizationId) throw RegistryError.invalidField('organizationId', 'is required for the platform administrator key', 'required');
    this.requireOrganizationAdmin(caller, organizationId);
    if (!isUuid(organizationId)) throw RegistryError.invalidField('organizationId', `"${organizationId}" is not an organization id`, 'uuid');
    const { first, after } = readPage(args);
    const cursor = readTimeCursor(after);
    const [rows, total] = await Promise.all([this.keys.listForOrganization(organizationId, first, cursor), this.keys.countForOrganization(organizationId)]);
    return toConnection(
      rows,
      first,
      (key) => [key.createdAt.toISOString(), key.id],
      (key) => key,
      total,
    );
  }

  async revoke(caller: Principal, apiKeyId: string): Promise<ApiKey> {
    const key = isUuid(apiKeyId) ? await this.keys.findById(apiKeyId) : null;
    if (!key) throw RegistryError.notFound('ApiKey', apiKeyId);
    this.requireOrganizationAdmin(caller, key.organizationId);
    if (key.revokedAt) return key;
    const revoked = await this.keys.revoke(key.id, new Date(), caller);
    // At once here; other instances hear of it from the NOTIFY sent with the revocation (ApiKeyRevocationListener).
    this.cache.evictKey(key.id);
    return revoked;
  }

  private requireOrganizationAdmin(caller: Principal, organizationId: string): void {
    if (caller.platformAdmin) return;
    if (caller.role === 'ADMIN' && caller.organizationId === organizationId) return;
    throw RegistryError.forbidden('Only the platform administrator or an ADMIN key of the organization can manage its keys', {
      requiredRole: 'ADMIN',
    });
  }
}
