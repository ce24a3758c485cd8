import { DATABASE, type Database } from '@registry/core';
import { REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

// Issue 9, finding 14: headers, key labels, and an audit log the database itself keeps append-only and chained.

const VERIFY = '{ verifyAuditLog { valid checkedEvents unchainedEvents lastEventId lastHash problemCount problems { code eventId field message } } }';
const EVENTS = '{ auditEvents(first: 100) { edges { node { id action previousHash hash } } } }';
const CREATE_KEY = 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { id label } } }';
const API_KEYS = 'query($o: ID!) { apiKeys(organizationId: $o) { totalCount } }';

describe('hardening: headers, key labels, the audit log', () => {
  let t: TestApp;
  let db: Database;
  let maker: TestOrganization;
  let auditor: TestOrganization;

  const verify = async (key = auditor.key) => {
    const res = await t.gql(VERIFY, {}, key);
    expect(res.errors).toBeUndefined();
    return res.data.verifyAuditLog;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    db = t.app.get<Database>(DATABASE);
    maker = await t.organization('MANUFACTURER');
    auditor = await t.organization('AUDITOR');
  });
  afterAll(() => t.close());

  it('sends no X-Powered-By header', async () => {
    const graphql = await t.http().post('/graphql').send({ query: '{ __typename }' });
    expect(graphql.headers['x-powered-by']).toBeUndefined();
    const jwks = await t.http().get('/.well-known/jwks.json').expect(200);
    expect(jwks.headers['x-powered-by']).toBeUndefined();
    const missing = await t.http().get('/no/such/route');
    expect(missing.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses an API key label over 200 characters, naming label, and creates nothing', async () => {
    const before = (await t.gql(API_KEYS, { o: maker.id }, t.adminKey)).data.apiKeys.totalCount;
    const res = await t.gql(CREATE_KEY, { i: { organizationId: maker.id, role: 'MANUFACTURER', label: 'x'.repeat(201) } }, t.adminKey);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      violations: [expect.objectContaining({ path: 'label', keyword: 'maxLength' })],
    });
    expect(res.errors?.[0].message).toContain('at most 200 characters');
    expect((await t.gql(API_KEYS, { o: maker.id }, t.adminKey)).data.apiKeys.totalCount).toBe(before);
    const ok = await t.gql(CREATE_KEY, { i: { organizationId: maker.id, role: 'MANUFACTURER', label: 'y'.repeat(200) } }, t.adminKey);
    expect(ok.data.createApiKey.apiKey.label).toHaveLength(200);
  });

  it('chains every event, whichever part of the registry wrote it, also under concurrent writes', async () => {
    const registered = await Promise.all(Array.from({ length: 8 }, () => t.gql(REGISTER, { i: registerInput({ publish: true }, maker) }, maker.key)));
    expect(registered.map((res) => res.errors)).toEqual(Array(8).fill(undefined));
    await t.organization('RECYCLER');
    const result = await verify();
    expect(result).toMatchObject({ valid: true, unchainedEvents: 0, problemCount: 0, problems: [] });
    expect(result.checkedEvents).toBeGreaterThanOrEqual(8 + 2 * 3);

    const events = (await t.gql(EVENTS, {}, t.adminKey)).data.auditEvents.edges.map((edge: any) => edge.node);
    expect(new Set(events.map((e: any) => e.action))).toEqual(new Set(['organization.created', 'api_key.created', 'passport.registered']));
    expect(events[0]).toMatchObject({ id: result.lastEventId, hash: result.lastHash });
    for (let i = 0; i < events.length - 1; i++) expect(events[i].previousHash).toBe(events[i + 1].hash);
    expect(events.at(-1).previousHash).toBeNull();
  });

  it('is checked by auditors and the platform administrator only', async () => {
    expect((await verify(t.adminKey)).valid).toBe(true);
    const recycler = await t.organization('RECYCLER');
    for (const key of [maker.key, recycler.key]) expect((await t.gql(VERIFY, {}, key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('cannot be changed or deleted, not even with SQL: the database refuses', async () => {
    const [event] = await db.query<{ id: string; action: string }>('SELECT id::text AS id, action FROM "AuditEvent" ORDER BY id LIMIT 1');
    await expect(db.query(`UPDATE "AuditEvent" SET action = 'passport.archived' WHERE id = $1`, [event.id])).rejects.toThrow(
      /The audit log is append-only: UPDATE of "AuditEvent" rows is not allowed/,
    );
    await expect(db.query('DELETE FROM "AuditEvent" WHERE id = $1', [event.id])).rejects.toThrow(/The audit log is append-only: DELETE/);
    const [after] = await db.query<{ action: string }>('SELECT action FROM "AuditEvent" WHERE id = $1', [event.id]);
    expect(after.action).toBe(event.action);
    expect((await verify()).valid).toBe(true);
  });

  it('detects an event changed or removed behind the trigger, naming the event', async () => {
    const rows = await db.query<{ id: string }>('SELECT id::text AS id FROM "AuditEvent" ORDER BY id');
    const [changed, removed, afterRemoved] = [rows[2].id, rows[5].id, rows[6].id];
    // Only the table's owner can do this; the test database's owner plays the insider.
    await db.exec('ALTER TABLE "AuditEvent" DISABLE TRIGGER "audit_event_append_only"');
    await db.query(`UPDATE "AuditEvent" SET details = jsonb_set(details, '{kind}', '"AUTHORITY"') WHERE id = $1`, [changed]);
    await db.query('DELETE FROM "AuditEvent" WHERE id = $1', [removed]);
    await db.exec('ALTER TABLE "AuditEvent" ENABLE TRIGGER "audit_event_append_only"');

    const result = await verify();
    expect(result.valid).toBe(false);
    expect(result.problems.map((p: any) => [p.code, p.eventId, p.field])).toEqual([
      ['HASH_MISMATCH', changed, 'hash'],
      ['CHAIN_BROKEN', afterRemoved, 'previousHash'],
    ]);
    expect(result.problems[0].message).toContain('was changed after it was written');
  });
});
