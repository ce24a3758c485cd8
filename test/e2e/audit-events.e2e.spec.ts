import { REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const EVENTS = `query($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id occurredAt action actorOrganizationId actorKeyId passportId revision details } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const REVISE = 'mutation($i: RevisePassportInput!) { revisePassport(input: $i) { revision } }';
const PUBLISH = 'mutation($id: ID!) { publishPassport(passportId: $id) { status } }';
const ARCHIVE = 'mutation($id: ID!) { archivePassport(passportId: $id) { status } }';
const CREATE_KEY = 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id } } }';
const REVOKE_KEY = 'mutation($id: ID!) { revokeApiKey(apiKeyId: $id) { id revokedAt } }';
const API_KEYS = 'query($o: ID!) { apiKeys(organizationId: $o, first: 5) { edges { node { id role } } } }';

describe('audit log', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let makerKeyId: string;
  let auditor: TestOrganization;
  let authority: TestOrganization;

  beforeAll(async () => {
    t = await TestApp.start();
    maker = await t.organization('MANUFACTURER');
    auditor = await t.organization('AUDITOR');
    authority = await t.organization('AUTHORITY');
    const keys = await t.gql(API_KEYS, { o: maker.id }, t.adminKey);
    makerKeyId = keys.data.apiKeys.edges[0].node.id;
  });
  afterAll(() => t.close());

  async function events(filter: Record<string, unknown>, key = auditor.key, first = 50) {
    const res = await t.gql(EVENTS, { filter, first }, key);
    expect(res.errors).toBeUndefined();
    return res.data.auditEvents.edges.map((edge: any) => edge.node);
  }

  it('records every passport write with its actor, revision and status, newest first', async () => {
    const { data } = await t.gql(REGISTER, { i: registerInput({}, maker) }, maker.key);
    const id = data.registerPassport.id;
    expect((await t.gql(REVISE, { i: { passportId: id, expectedRevision: 1, productName: 'Lamp 2' } }, maker.key)).errors).toBeUndefined();
    expect((await t.gql(PUBLISH, { id }, maker.key)).errors).toBeUndefined();
    expect((await t.gql(REVISE, { i: { passportId: id, expectedRevision: 2, productName: 'Lamp 3' } }, maker.key)).errors).toBeUndefined();
    expect((await t.gql(ARCHIVE, { id }, maker.key)).errors).toBeUndefined();

    // The owner's view: every event of its passport, the draft's included.
    const log = await events({ passportId: id }, maker.key);
    expect(log.map((e: any) => [e.action, e.revision])).toEqual([
      ['passport.archived', 3],
      ['passport.revised', 3],
      ['passport.published', 2],
      ['passport.revised', 2],
      ['passport.registered', 1],
    ]);
    for (const event of log) expect(event).toMatchObject({ actorOrganizationId: maker.id, actorKeyId: makerKeyId, passportId: id });
    expect(log[0].details).toEqual({ from: 'PUBLISHED', to: 'ARCHIVED' });
    expect(log[2].details).toEqual({ from: 'DRAFT', to: 'PUBLISHED', signingKeyId: 'test-signing-key' });
    expect(log[4].details).toMatchObject({ status: 'DRAFT', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(log[1].details).toMatchObject({ status: 'PUBLISHED', previousHash: log[3].details.contentHash });
    const ids = log.map((e: any) => BigInt(e.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);
    // An auditor's view starts at the publication: what the passport was as a draft stays the owner's business.
    expect((await events({ passportId: id })).map((e: any) => e.id)).toEqual(log.slice(0, 3).map((e: any) => e.id));
  });

  it('records nothing when a write is refused', async () => {
    const { data } = await t.gql(REGISTER, { i: registerInput({}, maker) }, maker.key);
    const id = data.registerPassport.id;
    const stale = await t.gql(REVISE, { i: { passportId: id, expectedRevision: 7, productName: 'lost' } }, maker.key);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const other = await t.organization('MANUFACTURER');
    expect((await t.gql(PUBLISH, { id }, other.key)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await events({ passportId: id }, maker.key)).map((e: any) => e.action)).toEqual(['passport.registered']);
  });

  it('records organizations and API keys, the platform administrator without a key id', async () => {
    const org = await t.organization('RECYCLER');
    const created = await t.gql(CREATE_KEY, { i: { organizationId: org.id, role: 'ADMIN', label: 'ops' } }, t.adminKey);
    const adminKey = created.data.createApiKey;
    const byOrgAdmin = await t.gql(CREATE_KEY, { i: { organizationId: org.id, role: 'RECYCLER' } }, adminKey.secret);
    const keyId = byOrgAdmin.data.createApiKey.apiKey.id;
    expect((await t.gql(REVOKE_KEY, { id: keyId }, adminKey.secret)).errors).toBeUndefined();
    expect((await t.gql(REVOKE_KEY, { id: keyId }, adminKey.secret)).errors).toBeUndefined();

    const since = new Date(Date.now() - 60_000).toISOString();
    const all = await events({ since });
    const aboutOrg = all.filter((e: any) => e.details?.organizationId === org.id);
    expect(aboutOrg.map((e: any) => [e.action, e.actorOrganizationId, e.actorKeyId])).toEqual([
      ['api_key.revoked', org.id, adminKey.apiKey.id],
      ['api_key.created', org.id, adminKey.apiKey.id],
      ['api_key.created', null, null],
      ['api_key.created', null, null],
      ['organization.created', null, null],
    ]);
    expect(aboutOrg[4].details).toEqual({ platformAdmin: true, organizationId: org.id, name: expect.any(String), kind: 'RECYCLER' });
    expect(aboutOrg[2].details).toMatchObject({ platformAdmin: true, role: 'ADMIN' });
    expect(aboutOrg[0].details).toEqual({ apiKeyId: keyId, organizationId: org.id });
  });

  it('filters by passport, actor organization, action and time, and pages by cursor', async () => {
    const { data } = await t.gql(REGISTER, { i: registerInput({ publish: true }, maker) }, maker.key);
    const id = data.registerPassport.id;
    for (let revision = 1; revision <= 4; revision++) {
      await t.gql(REVISE, { i: { passportId: id, expectedRevision: revision, productName: `Lamp ${revision + 1}` } }, maker.key);
    }
    const revised = await events({ passportId: id, action: 'passport.revised' });
    expect(revised.map((e: any) => e.revision)).toEqual([5, 4, 3, 2]);
    expect((await events({ actorOrganizationId: auditor.id })).length).toBe(0);
    const mine = await events({ actorOrganizationId: maker.id, action: 'passport.registered' });
    expect(mine.every((e: any) => e.actorOrganizationId === maker.id && e.action === 'passport.registered')).toBe(true);
    expect(mine.map((e: any) => e.passportId)).toContain(id);

    const pivot = revised[1].occurredAt; // revision 4
    expect((await events({ passportId: id, since: pivot })).every((e: any) => e.occurredAt >= pivot)).toBe(true);
    expect((await events({ passportId: id, until: pivot })).every((e: any) => e.occurredAt < pivot)).toBe(true);

    const seen: number[] = [];
    let after: string | null = null;
    do {
      const res: any = await t.gql(EVENTS, { filter: { passportId: id }, first: 2, after }, authority.key);
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.auditEvents.edges.map((edge: any) => edge.node.revision));
      after = res.data.auditEvents.pageInfo.hasNextPage ? res.data.auditEvents.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual([5, 4, 3, 2, 1]);
  });

  it('answers bad filters with the field named', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ filter: { action: 'passport.deleted' } }, 'filter.action'],
      [{ filter: { passportId: 'nope' } }, 'filter.passportId'],
      [{ filter: { since: '2026-02-01T00:00:00Z', until: '2026-01-01T00:00:00Z' } }, 'filter.until'],
      [{ after: 'garbage' }, 'after'],
      [{ first: 500 }, 'first'],
    ];
    for (const [variables, field] of cases) {
      const res = await t.gql(EVENTS, variables, auditor.key);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', violations: [expect.objectContaining({ path: field })] });
    }
  });

  it('shows a manufacturer only its own events, refuses other keys, and needs a key', async () => {
    const other = await t.organization('MANUFACTURER');
    const { data } = await t.gql(REGISTER, { i: registerInput({ publish: true }, other) }, other.key);
    const theirs = data.registerPassport.id;
    const own = await events({}, maker.key, 100);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((e: any) => e.actorOrganizationId === maker.id)).toBe(true);
    expect((await events({ passportId: theirs }, maker.key)).length).toBe(0);
    expect((await events({ passportId: theirs }, other.key)).map((e: any) => e.action)).toEqual(['passport.registered']);
    expect((await events({ passportId: theirs }, t.adminKey)).length).toBe(1);

    const recycler = await t.organization('RECYCLER');
    const refused = await t.gql(EVENTS, {}, recycler.key);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const auditorAdmin = await t.organization('AUDITOR', { role: 'ADMIN' });
    expect((await t.gql(EVENTS, {}, auditorAdmin.key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(EVENTS, {}, null)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('offers no operation that changes or deletes audit events', async () => {
    const res = await t.gql('{ __schema { mutationType { fields { name } } } }');
    const mutations = res.data.__schema.mutationType.fields.map((field: any) => field.name.toLowerCase());
    // recordLifecycleEvent only appends to a product's own chain (lifecycle-events.e2e.spec.ts); nothing changes or deletes an event.
    const appendOnly = ['recordlifecycleevent'];
    expect(mutations.filter((name: string) => (name.includes('audit') || name.includes('event')) && !appendOnly.includes(name))).toEqual([]);
  });
});
