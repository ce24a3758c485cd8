import { compactVerify, createLocalJWKSet } from 'jose';
import { canonicalJson, hashLifecycleEvent, verifyPassportExport } from '@registry/verification';
import { compositionFixtures, REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const EVENT_FIELDS = `id sequence type occurredAt recordedAt corop componentKeys note evidenceUrl actorOrganizationId fromOrganizationId toOrganizationId
  contentHash previousHash signature signingKeyId`;
const RECORD = `mutation($i: RecordLifecycleEventInput!) { recordLifecycleEvent(input: $i) { ${EVENT_FIELDS} } }`;
const TRANSFER = `mutation($p: ID!, $o: ID!) { transferResponsibility(passportId: $p, toOrganizationId: $o) { ${EVENT_FIELDS} } }`;
const SUCCESSOR = `mutation($p: ID!, $i: RegisterPassportInput!) { registerSuccessor(predecessorId: $p, input: $i) { id manufacturerId status } }`;
const READ = `query($id: ID!) { passport(id: $id) {
  id status ended endedAt installedCorop expectedEndOfLife responsibleOrganizationId
  lifecycleEvents(first: 20) { edges { node { sequence type occurredAt note } } }
  successors: links(relation: SUCCESSOR) { edges { node { relation passportId passport { id productName } } } }
  predecessors: links(relation: PREDECESSOR) { edges { node { relation passportId } } }
} }`;
const EVENTS_PAGE = `query($id: ID!, $after: String) { passport(id: $id) { lifecycleEvents(first: 1, after: $after) {
  edges { node { sequence type } } pageInfo { hasNextPage endCursor } } } }`;
const AUDIT = `query($f: AuditEventFilter) { auditEvents(filter: $f, first: 50) { edges { node { action details actorOrganizationId } } } }`;

async function* chunks(text: string): AsyncGenerator<string> {
  yield text;
}

const battery = compositionFixtures('ok').find((fixture) => fixture.name === 'battery-ebike-pack.json')!;

describe('lifecycle: service providers record repairs, responsibility moves, a battery gets a second life, recycling ends it', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let repairer: TestOrganization;
  let recycler: TestOrganization;
  let otherMaker: TestOrganization;
  let auditor: TestOrganization;
  let batteryId: string;

  const record = (input: Record<string, unknown>, key: string) => t.gql(RECORD, { i: { passportId: batteryId, ...input } }, key);
  const read = async (id: string, key: string | null) => {
    const res = await t.gql(READ, { id }, key);
    return res;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    maker = await t.organization('MANUFACTURER');
    repairer = await t.organization('SERVICE_PROVIDER', { corop: 'CR23' });
    recycler = await t.organization('RECYCLER');
    otherMaker = await t.organization('MANUFACTURER');
    auditor = await t.organization('AUDITOR');
    const res = await t.gql(
      REGISTER,
      { i: registerInput({ productName: 'E-bike battery', cluster: 'BATTERY', composition: battery.document, publish: true }, maker) },
      maker.key,
    );
    expect(res.errors).toBeUndefined();
    batteryId = res.data.registerPassport.id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('installs the battery: its COROP region is where it is, and its end of life follows from the lifetime of 6 years', async () => {
    const res = await record({ type: 'INSTALLED', occurredAt: '2025-06-01T00:00:00.000Z', corop: 'CR17', note: 'Delivered with bike 4411' }, maker.key);
    expect(res.errors).toBeUndefined();
    expect(res.data.recordLifecycleEvent).toMatchObject({ sequence: 1, type: 'INSTALLED', corop: 'CR17', previousHash: null, actorOrganizationId: maker.id });
    const passport = (await read(batteryId, recycler.key)).data.passport;
    expect(passport).toMatchObject({
      installedCorop: 'CR17',
      expectedEndOfLife: '2031-06-01T00:00:00.000Z',
      ended: false,
      responsibleOrganizationId: maker.id,
    });
  });

  it('lets a repairer (SERVICE_PROVIDER key) record a repair, chained to the event before and signed by the registry', async () => {
    const res = await record(
      {
        type: 'REPAIRED',
        occurredAt: '2026-03-10T09:30:00.000Z',
        componentKeys: ['bms'],
        note: 'BMS board replaced',
        evidenceUrl: 'https://repair.example.org/r/881',
      },
      repairer.key,
    );
    expect(res.errors).toBeUndefined();
    const event = res.data.recordLifecycleEvent;
    const first = (await t.gql(`query($id: ID!) { passport(id: $id) { lifecycleEvents { edges { node { contentHash } } } } }`, { id: batteryId }, recycler.key))
      .data.passport.lifecycleEvents.edges[0].node;
    expect(event).toMatchObject({ sequence: 2, type: 'REPAIRED', componentKeys: ['bms'], actorOrganizationId: repairer.id, previousHash: first.contentHash });
    // The hash covers the event as stored; the signature covers { passportId, sequence, contentHash }.
    expect(hashLifecycleEvent({ passportId: batteryId, ...event })).toBe(event.contentHash);
    const keySet = createLocalJWKSet((await t.http().get('/.well-known/jwks.json').expect(200)).body);
    const { payload, protectedHeader } = await compactVerify(event.signature, keySet);
    expect(protectedHeader.typ).toBe('passport-lifecycle-event+jws');
    expect(new TextDecoder().decode(payload)).toBe(canonicalJson({ passportId: batteryId, sequence: 2, contentHash: event.contentHash }));
  });

  it('refuses events from a wrong organization (FORBIDDEN) and bad input (BAD_USER_INPUT naming the field), changing nothing', async () => {
    for (const key of [otherMaker.key, auditor.key]) {
      const res = await record({ type: 'INSPECTED', occurredAt: '2026-04-01T00:00:00.000Z' }, key);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await record({ type: 'INSPECTED', occurredAt: '2026-04-01T00:00:00.000Z' }, null as unknown as string);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const unknownComponent = await record({ type: 'REPAIRED', occurredAt: '2026-04-01T00:00:00.000Z', componentKeys: ['bms', 'flux-capacitor'] }, repairer.key);
    expect(unknownComponent.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(unknownComponent.errors?.[0].extensions?.violations).toEqual([expect.objectContaining({ path: 'componentKeys/1' })]);
    const noRegion = await record({ type: 'INSTALLED', occurredAt: '2026-04-01T00:00:00.000Z' }, repairer.key);
    expect(noRegion.errors?.[0].extensions?.violations).toEqual([expect.objectContaining({ path: 'corop', keyword: 'required' })]);
    const future = await record({ type: 'INSPECTED', occurredAt: '2999-01-01T00:00:00.000Z', corop: 'CR41', evidenceUrl: 'ftp://x' }, repairer.key);
    expect(future.errors?.[0].extensions?.violations.map((v: any) => v.path).sort()).toEqual(['corop', 'evidenceUrl', 'occurredAt']);
    const transferType = await record({ type: 'RESPONSIBILITY_TRANSFERRED', occurredAt: '2026-04-01T00:00:00.000Z' }, maker.key);
    expect(transferType.errors?.[0].extensions?.violations).toEqual([expect.objectContaining({ path: 'type' })]);

    const events = (await read(batteryId, recycler.key)).data.passport.lifecycleEvents.edges;
    expect(events.map((edge: any) => edge.node.type)).toEqual(['INSTALLED', 'REPAIRED']);
  });

  it('shows everyone the type and date of each event, and the rest only at LEGITIMATE_INTEREST', async () => {
    const anonymous = await read(batteryId, null);
    expect(anonymous.data.passport.lifecycleEvents.edges[0].node).toEqual({
      sequence: 1,
      type: 'INSTALLED',
      occurredAt: '2025-06-01T00:00:00.000Z',
      note: null,
    });
    expect(anonymous.errors?.map((error: any) => error.extensions.field)).toContain('LifecycleEvent.note');
    expect(anonymous.errors?.map((error: any) => error.extensions.field)).toContain('Passport.installedCorop');
    const recyclerView = await read(batteryId, recycler.key);
    expect(recyclerView.errors).toBeUndefined();
    expect(recyclerView.data.passport.lifecycleEvents.edges[0].node.note).toBe('Delivered with bike 4411');
  });

  it('pages the events oldest first', async () => {
    const first = (await t.gql(EVENTS_PAGE, { id: batteryId }, recycler.key)).data.passport.lifecycleEvents;
    expect(first.edges.map((edge: any) => edge.node.sequence)).toEqual([1]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await t.gql(EVENTS_PAGE, { id: batteryId, after: first.pageInfo.endCursor }, recycler.key)).data.passport.lifecycleEvents;
    expect(second.edges.map((edge: any) => edge.node.sequence)).toEqual([2]);
  });

  it('transfers the responsibility to the repairer, recording both parties; only the responsible organizations may', async () => {
    const refused = await t.gql(TRANSFER, { p: batteryId, o: otherMaker.id }, otherMaker.key);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const res = await t.gql(TRANSFER, { p: batteryId, o: repairer.id }, maker.key);
    expect(res.errors).toBeUndefined();
    expect(res.data.transferResponsibility).toMatchObject({
      sequence: 3,
      type: 'RESPONSIBILITY_TRANSFERRED',
      fromOrganizationId: maker.id,
      toOrganizationId: repairer.id,
    });
    expect((await read(batteryId, null)).data.passport.responsibleOrganizationId).toBe(repairer.id);
    const again = await t.gql(TRANSFER, { p: batteryId, o: repairer.id }, repairer.key);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it("registers the battery's second life as a successor, linked both ways", async () => {
    const secondLife = {
      ...battery.document,
      clusterData: { ...(battery.document.clusterData as object), status: 'repurposed' },
    };
    const input = registerInput({ productName: 'Home storage module (second life)', cluster: 'BATTERY', composition: secondLife, publish: true }, repairer);
    const refused = await t.gql(SUCCESSOR, { p: batteryId, i: input }, recycler.key);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const res = await t.gql(SUCCESSOR, { p: batteryId, i: input }, repairer.key);
    expect(res.errors).toBeUndefined();
    const successorId = res.data.registerSuccessor.id;
    expect(res.data.registerSuccessor).toMatchObject({ manufacturerId: repairer.id, status: 'PUBLISHED' });

    const original = (await read(batteryId, null)).data.passport;
    expect(original.successors.edges).toEqual([
      { node: { relation: 'SUCCESSOR', passportId: successorId, passport: { id: successorId, productName: 'Home storage module (second life)' } } },
    ]);
    const successor = (await read(successorId, null)).data.passport;
    expect(successor.predecessors.edges).toEqual([{ node: { relation: 'PREDECESSOR', passportId: batteryId } }]);

    const audit = await t.gql(AUDIT, { f: { passportId: batteryId } }, auditor.key);
    expect(audit.data.auditEvents.edges.map((edge: any) => edge.node.action)).toEqual(
      expect.arrayContaining(['passport.successor_registered', 'passport.responsibility_transferred', 'passport.lifecycle_event_recorded']),
    );
  });

  it('ends the product when a recycler records RECYCLED: the passport still resolves, marked as ended, and takes no more events', async () => {
    const res = await record({ type: 'RECYCLED', occurredAt: '2026-09-01T12:00:00.000Z', corop: 'CR23' }, recycler.key);
    expect(res.errors).toBeUndefined();
    const passport = (await read(batteryId, null)).data.passport;
    expect(passport).toMatchObject({ id: batteryId, status: 'PUBLISHED', ended: true, endedAt: '2026-09-01T12:00:00.000Z' });
    const after = await record({ type: 'INSPECTED', occurredAt: '2026-09-02T00:00:00.000Z' }, repairer.key);
    expect(after.errors?.[0].extensions?.code).toBe('CONFLICT');
    const transfer = await t.gql(TRANSFER, { p: batteryId, o: maker.id }, repairer.key);
    expect(transfer.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('exports the events with the passport in passports.ndjson, their hash chain intact', async () => {
    const res = await t
      .http()
      .get('/exports/passports.ndjson')
      .set('authorization', `Bearer ${auditor.key}`)
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        r.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    const line = (res.body as string)
      .split('\n')
      .filter(Boolean)
      .map((text) => JSON.parse(text))
      .find((row) => row.id === batteryId);
    expect(line.lifecycleEvents.map((event: any) => event.type)).toEqual(['INSTALLED', 'REPAIRED', 'RESPONSIBILITY_TRANSFERRED', 'RECYCLED']);
    let previousHash: string | null = null;
    for (const event of line.lifecycleEvents) {
      expect(event.previousHash).toBe(previousHash);
      expect(hashLifecycleEvent({ passportId: batteryId, ...event })).toBe(event.contentHash);
      previousHash = event.contentHash;
    }
    // The auditors' offline check reads the events too: intact, then a changed note is caught.
    const jwks = (await t.http().get('/.well-known/jwks.json').expect(200)).body;
    const file = res.body as string;
    expect((await verifyPassportExport(chunks(file), jwks)).problems).toEqual([]);
    const tampered = file.replace('BMS board replaced', 'BMS board inspected');
    const found = (await verifyPassportExport(chunks(tampered), jwks)).problems.map((problem) => [problem.code, problem.field]);
    expect(found).toEqual(expect.arrayContaining([['EVENT_HASH_MISMATCH', 'lifecycleEvents/1/contentHash']]));
  });
});
