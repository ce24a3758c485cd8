import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@registry/core';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createTestDatabase, TEST_ADMIN_KEY } from './test-database';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestOrganization {
  id: string;
  key: string;
  /** The GS1 Company Prefix of a manufacturer (registerInput(…, org) makes GTINs under it); null for others. */
  prefix?: string | null;
}

/** The real application on a database of its own, driven over HTTP like a client would. */
export class TestApp {
  readonly adminKey = TEST_ADMIN_KEY;
  private counter = 0;

  private constructor(
    readonly app: INestApplication,
    private readonly dropDatabase: () => Promise<void>,
  ) {}

  static async start(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
    const database = await createTestDatabase(overrides);
    const app = await createApp(database.config, { logger: ['error'] });
    return new TestApp(app, database.drop);
  }

  http() {
    return request(this.app.getHttpServer());
  }

  async gql<T = any>(query: string, variables: Record<string, unknown> = {}, key?: string | null): Promise<GraphQLResponse<T>> {
    const req = this.http().post('/graphql').set('content-type', 'application/json');
    if (key) req.set('authorization', `Bearer ${key}`);
    const res = await req.send({ query, variables });
    return res.body as GraphQLResponse<T>;
  }

  /** A new organization of `kind` with a key of `role` (the kind's own role by default). */
  /**
   * A new organization of `kind` with a key of `role` (the kind's own role by default). A manufacturer (and a service
   * provider, which registers successors) gets a GS1 Company Prefix of its own, "870" and four digits, unique in this app's database.
   */
  async organization(
    kind: 'MANUFACTURER' | 'RECYCLER' | 'AUDITOR' | 'AUTHORITY' | 'SERVICE_PROVIDER',
    options: { role?: string; corop?: string } = {},
  ): Promise<TestOrganization> {
    const name = `${kind.toLowerCase()} ${++this.counter} ${Math.random().toString(36).slice(2, 8)}`;
    const prefix = kind === 'MANUFACTURER' || kind === 'SERVICE_PROVIDER' ? `870${String(this.counter).padStart(4, '0')}` : null;
    const org = await this.gql(
      'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }',
      { i: { name, kind, corop: options.corop ?? 'CR17', ...(prefix ? { gs1CompanyPrefixes: [prefix] } : {}) } },
      this.adminKey,
    );
    const id = org.data?.createOrganization?.id;
    if (!id) throw new Error(`createOrganization failed: ${JSON.stringify(org.errors)}`);
    const role = options.role ?? (kind === 'AUTHORITY' ? 'AUDITOR' : kind);
    const key = await this.gql('mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }', { i: { organizationId: id, role } }, this.adminKey);
    const secret = key.data?.createApiKey?.secret;
    if (!secret) throw new Error(`createApiKey failed: ${JSON.stringify(key.errors)}`);
    return { id, key: secret, prefix };
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.dropDatabase();
  }
}
