import { REGISTER, registerInput } from '../support/factories';
import { TestApp, type GraphQLResponse } from '../support/test-app';

/**
 * The access matrix: for every query, mutation and field group, what each role gets. ONE table (MATRIX) holds the
 * expectations; every cell becomes a test that performs the operation over HTTP with that role's key.
 *
 * Field groups of Passport are read from the schema: a field belongs to the group of the tier its description
 * states ("Tier: X"), so fields added later are checked against the row of their tier without touching this file.
 */

const ROLES = ['anonymous', 'ownMaker', 'otherMaker', 'recycler', 'auditor', 'authority', 'platformAdmin', 'ownMakerAdmin'] as const;
type Role = (typeof ROLES)[number];

/** allow | FORBIDDEN | UNAUTHENTICATED | NOT_FOUND, or HIDDEN: answered, but without the item (lists). */
const Y = 'allow';
const F = 'FORBIDDEN';
const U = 'UNAUTHENTICATED';
const N = 'NOT_FOUND';
const H = 'HIDDEN';
/** For PUBLIC figures whose precision depends on the tier: exact, or rounded for the public. */
const X = 'exact';
const R = 'rounded';
type Outcome = string;

interface World {
  t: TestApp;
  keys: Record<Role, string | null>;
  /** The GS1 Company Prefix of the organization of each key that has one: registrations use GTINs under it. */
  prefixByKey: Map<string | null, string | null | undefined>;
  ownMakerId: string;
  otherMakerId: string;
  published: { id: string; gtin: string; serialNumber: string };
  /** A published passport of the owner whose composition it restricted to no organization (setCompositionAccess). */
  restricted: { id: string };
  draft: { id: string };
  /** The organization id and role each key belongs to (null organization: anonymous, platform administrator). */
  holderByKey: Map<string | null, { organizationId: string | null; role: string | null }>;
  /** A dry-run import of the owner. */
  importRunId: string;
  fieldsByTier: Map<string, { name: string; selection: string }[]>;
}

type Check = (world: World, key: string | null) => Promise<Outcome>;

// prettier-ignore
const MATRIX: [string, Outcome[], Check][] = [
  //                                                          anon own other recyc audit auth admin ownAdm
  // Queries
  ['query passport: a published one',                         [Y,  Y,  Y,   Y,   Y,   Y,   Y,   Y], (w, k) => gql(w, k, 'query($id: ID!) { passport(id: $id) { id } }', { id: w.published.id })],
  ['query passport: a draft',                                 [N,  Y,  N,   N,   N,   N,   Y,   Y], (w, k) => gql(w, k, 'query($id: ID!) { passport(id: $id) { id } }', { id: w.draft.id })],
  ['query passports: lists a draft',                          [H,  Y,  H,   H,   H,   H,   Y,   Y], (w, k) => listsDraft(w, k)],
  ['query passports: lists a published one',                  [Y,  Y,  Y,   Y,   Y,   Y,   Y,   Y], (w, k) => listsPublished(w, k)],
  ['query organization',                                      [Y,  Y,  Y,   Y,   Y,   Y,   Y,   Y], (w, k) => gql(w, k, 'query($id: ID!) { organization(id: $id) { name kind } }', { id: w.ownMakerId })],
  ['query organizations',                                     [Y,  Y,  Y,   Y,   Y,   Y,   Y,   Y], (w, k) => gql(w, k, '{ organizations(first: 5) { totalCount } }')],
  ['query clusters',                                          [Y,  Y,  Y,   Y,   Y,   Y,   Y,   Y], (w, k) => gql(w, k, '{ clusters { code } }')],
  ['query criticalMaterialLists',                             [Y,  Y,  Y,   Y,   Y,   Y,   Y,   Y], (w, k) => gql(w, k, '{ criticalMaterialLists { id } }')],
  ['query elements',                                          [Y,  Y,  Y,   Y,   Y,   Y,   Y,   Y], (w, k) => gql(w, k, '{ elements { symbol } }')],
  ['query substanceOfConcernLists',                           [Y,  Y,  Y,   Y,   Y,   Y,   Y,   Y], (w, k) => gql(w, k, '{ substanceOfConcernLists { id } }')],
  ["query apiKeys of the owner's organization",               [U,  F,  F,   F,   F,   F,   Y,   Y], (w, k) => gql(w, k, 'query($o: ID) { apiKeys(organizationId: $o) { totalCount } }', { o: w.ownMakerId })],
  ["query componentsContaining: finds the owner's passport",  [U,  Y,  H,   Y,   Y,   Y,   Y,   F], (w, k) => finds(w, k, '{ componentsContaining(first: 100, filter: { element: "Sb" }) { edges { node { passport { id } } } } }', (d) => d.componentsContaining.edges.map((e: any) => e.node.passport.id), w.published.id)],
  ["query materialInventory: counts the owner's passports",   [U,  Y,  H,   Y,   Y,   Y,   Y,   F], (w, k) => finds(w, k, '{ materialInventory(groupBy: MANUFACTURER, elements: ["Sb"]) { group } }', (d) => d.materialInventory.map((r: any) => r.group), w.ownMakerId)],
  ['query clusterSummary',                                    [Y,  Y,  Y,   Y,   Y,   Y,   Y,   Y], (w, k) => gql(w, k, '{ clusterSummary(cluster: HIGH_TECH_EQUIPMENT) { cluster } }')],
  ["clusterSummary: counts the owner's draft",                [H,  Y,  H,   H,   H,   H,   Y,   Y], (w, k) => countsDraft(w, k)],
  ['ClusterSummary.criticalMaterials (all manufacturers)',    [F,  F,  F,   Y,   Y,   Y,   Y,   F], (w, k) => gql(w, k, '{ clusterSummary(cluster: HIGH_TECH_EQUIPMENT) { criticalMaterials { massKg } } }', {}, 'LEGITIMATE_INTEREST')],
  ["query auditEvents: events of the owner's passport",       [U,  Y,  H,   F,   Y,   Y,   Y,   Y], (w, k) => finds(w, k, 'query($p: ID) { auditEvents(first: 100, filter: { passportId: $p }) { edges { node { passportId } } } }', (d) => d.auditEvents.edges.map((e: any) => e.node.passportId), w.published.id, { p: w.published.id })],
  ["query auditEvents: events of the owner's draft",          [U,  Y,  H,   F,   H,   H,   Y,   Y], (w, k) => finds(w, k, 'query($p: ID) { auditEvents(first: 100, filter: { passportId: $p }) { edges { node { passportId } } } }', (d) => d.auditEvents.edges.map((e: any) => e.node.passportId), w.draft.id, { p: w.draft.id })],
  ['query verifyAuditLog',                                    [U,  F,  F,   F,   Y,   Y,   Y,   F], (w, k) => gql(w, k, '{ verifyAuditLog { valid } }')],
  ["query importRun (of the owner's run)",                     [U,  Y,  N,   F,   F,   F,   Y,   F], (w, k) => gql(w, k, 'query($id: ID!) { importRun(id: $id) { status } }', { id: w.importRunId })],
  ['query releaseForecast',                                   [U,  Y,  Y,   Y,   Y,   Y,   Y,   F], (w, k) => gql(w, k, '{ releaseForecast(element: "Sb", fromYear: 2030, toYear: 2040) { year } }')],
  ['query viewer: the organization and role of the key',     [Y,  Y,  Y,   Y,   Y,   Y,   Y,   Y], (w, k) => viewerIsKeyHolder(w, k)],
  ['query viewer: accessTier',                                ['PUBLIC', 'PUBLIC', 'PUBLIC', 'LEGITIMATE_INTEREST', 'AUTHORITY', 'AUTHORITY', 'OWNER', 'PUBLIC'], (w, k) => viewerTier(w, k)],
  ['query passportDiff (of a published passport)',            [U,  Y,  F,   F,   Y,   Y,   Y,   Y], (w, k) => gql(w, k, 'query($p: ID!) { passportDiff(passportId: $p, fromRevision: 1, toRevision: 1) { passportId } }', { p: w.published.id }, 'AUTHORITY')],
  // Mutations
  ['mutation createOrganization',                             [U,  F,  F,   F,   F,   F,   Y,   F], (w, k) => gql(w, k, 'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }', { i: { name: `org ${Math.random()}`, kind: 'RECYCLER' } })],
  ["mutation setGs1CompanyPrefixes (the owner's own prefix)",  [U,  F,  F,   F,   F,   F,   Y,   F], (w, k) => gql(w, k, 'mutation($o: ID!, $p: [String!]!) { setGs1CompanyPrefixes(organizationId: $o, prefixes: $p) { id } }', { o: w.ownMakerId, p: [w.prefixByKey.get(w.keys.ownMaker)] })],
  ["mutation createApiKey for the owner's organization",      [U,  F,  F,   F,   F,   F,   Y,   Y], (w, k) => gql(w, k, 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }', { i: { organizationId: w.ownMakerId, role: 'MANUFACTURER' } })],
  ["mutation revokeApiKey of the owner's organization",       [U,  F,  F,   F,   F,   F,   Y,   Y], (w, k) => revokeFreshKey(w, k)],
  ['mutation registerPassport',                               [U,  Y,  Y,   F,   F,   F,   F,   Y], (w, k) => gql(w, k, REGISTER, { i: registerInput({}, { prefix: w.prefixByKey.get(k) ?? null }) })],
  ['mutation revisePassport (of the owner)',                  [U,  Y,  F,   F,   F,   F,   Y,   Y], async (w, k) => gql(w, k, 'mutation($i: RevisePassportInput!) { revisePassport(input: $i) { revision } }', { i: { passportId: await fresh(w, true), expectedRevision: 1, productName: 'Renamed' } })],
  ['mutation publishPassport (a draft of the owner)',         [U,  Y,  N,   F,   F,   F,   Y,   Y], async (w, k) => gql(w, k, 'mutation($id: ID!) { publishPassport(passportId: $id) { status } }', { id: await fresh(w, false) })],
  ['mutation archivePassport (of the owner)',                 [U,  Y,  F,   F,   F,   F,   Y,   Y], async (w, k) => gql(w, k, 'mutation($id: ID!) { archivePassport(passportId: $id) { status } }', { id: await fresh(w, true) })],
  ['mutation recordLifecycleEvent (on the published one)',    [U,  Y,  F,   Y,   F,   F,   Y,   Y], (w, k) => gql(w, k, 'mutation($i: RecordLifecycleEventInput!) { recordLifecycleEvent(input: $i) { sequence } }', { i: { passportId: w.published.id, type: 'INSPECTED', occurredAt: '2026-01-01T00:00:00Z' } })],
  ['mutation transferResponsibility (of the owner)',          [U,  Y,  F,   F,   F,   F,   Y,   Y], async (w, k) => gql(w, k, 'mutation($p: ID!, $o: ID!) { transferResponsibility(passportId: $p, toOrganizationId: $o) { sequence } }', { p: await fresh(w, true), o: w.otherMakerId })],
  ['mutation registerSuccessor (of the published one)',       [U,  Y,  Y,   F,   F,   F,   F,   Y], (w, k) => gql(w, k, 'mutation($p: ID!, $i: RegisterPassportInput!) { registerSuccessor(predecessorId: $p, input: $i) { id } }', { p: w.published.id, i: registerInput({}, { prefix: w.prefixByKey.get(k) ?? null }) })],
  ['mutation setCompositionAccess (of the owner)',            [U,  Y,  F,   F,   F,   F,   Y,   Y], async (w, k) => gql(w, k, 'mutation($p: ID!, $i: CompositionAccessInput!) { setCompositionAccess(passportId: $p, input: $i) { id } }', { p: await fresh(w, true), i: { restricted: true, organizationIds: [] } })],
  ['mutation importPassports (a dry run)',                    [U,  Y,  Y,   F,   F,   F,   F,   F], (w, k) => gql(w, k, IMPORT, { i: { dryRun: true, rows: [{ rowRef: '1', passport: registerInput({}, { prefix: w.prefixByKey.get(k) ?? null }) }] } })],
  // Field groups of a published passport
  ['Passport fields of tier PUBLIC',                          [Y,  Y,  Y,   Y,   Y,   Y,   Y,   Y], (w, k) => tierGroup(w, k, 'PUBLIC')],
  ['Passport fields of tier LEGITIMATE_INTEREST',             [F,  Y,  F,   Y,   Y,   Y,   Y,   Y], (w, k) => tierGroup(w, k, 'LEGITIMATE_INTEREST')],
  ['Passport fields of tier OWNER',                           [F,  Y,  F,   F,   F,   F,   Y,   Y], (w, k) => tierGroup(w, k, 'OWNER')],
  // A passport whose owner restricted its composition (to no organization): recyclers lose LEGITIMATE_INTEREST on it
  ['restricted: Passport fields of tier LEGITIMATE_INTEREST', [F,  Y,  F,   F,   Y,   Y,   Y,   Y], (w, k) => tierGroup(w, k, 'LEGITIMATE_INTEREST', w.restricted.id)],
  ['restricted: CriticalMaterial masses',                     [F,  Y,  F,   F,   Y,   Y,   Y,   Y], (w, k) => field(w, k, 'criticalMaterials { massKg shareOfProductMass }', 'LEGITIMATE_INTEREST', w.restricted.id)],
  ['restricted: Circularity.flows (masses)',                  [F,  Y,  F,   F,   Y,   Y,   Y,   Y], (w, k) => field(w, k, 'circularity { flows { massKg virginKg } }', 'LEGITIMATE_INTEREST', w.restricted.id)],
  ['restricted: Passport fields of tier PUBLIC',              [Y,  Y,  Y,   Y,   Y,   Y,   Y,   Y], (w, k) => tierGroup(w, k, 'PUBLIC', w.restricted.id)],
  ['restricted: componentsContaining finds it',               [U,  Y,  H,   H,   Y,   Y,   Y,   F], (w, k) => finds(w, k, '{ componentsContaining(first: 100, filter: { element: "Sb" }) { edges { node { passport { id } } } } }', (d) => d.componentsContaining.edges.map((e: any) => e.node.passport.id), w.restricted.id)],
  ['restricted: GET /passports/{id}/credential',              [U,  Y,  F,   F,   Y,   Y,   Y,   Y], (w, k) => http(w, k, `/passports/${w.restricted.id}/credential`)],
  ['Passport fields of tier AUTHORITY',                       [F,  Y,  F,   F,   Y,   Y,   Y,   Y], (w, k) => tierGroup(w, k, 'AUTHORITY')],
  ['CriticalMaterial presence (element, threshold, lists)',   [Y,  Y,  Y,   Y,   Y,   Y,   Y,   Y], (w, k) => field(w, k, 'criticalMaterials { element aboveReportingThreshold lists { listId } }')],
  ['CriticalMaterial masses (massKg, shareOfProductMass)',    [F,  Y,  F,   Y,   Y,   Y,   Y,   Y], (w, k) => field(w, k, 'criticalMaterials { massKg shareOfProductMass }', 'LEGITIMATE_INTEREST')],
  ['Circularity indicators (mci, lfi, utility, inputsComplete)', [Y, Y, Y,   Y,   Y,   Y,   Y,   Y], (w, k) => field(w, k, 'circularity { mci lfi utility inputsComplete methodVersion }')],
  ['Circularity.missingInputs (the shape of the tree)',       [F,  Y,  F,   Y,   Y,   Y,   Y,   Y], (w, k) => field(w, k, 'circularity { missingInputs }', 'LEGITIMATE_INTEREST')],
  ['Circularity.flows (masses)',                              [F,  Y,  F,   Y,   Y,   Y,   Y,   Y], (w, k) => field(w, k, 'circularity { flows { massKg virginKg } }', 'LEGITIMATE_INTEREST')],
  ['recycledContentSummary: exact, or whole percent',         [R,  X,  R,   X,   X,   X,   X,   X], (w, k) => recycledPrecision(w, k)],
  // HTTP
  ['GET /01/{gtin}/21/{serial} (public view)',                [Y,  Y,  Y,   Y,   Y,   Y,   Y,   Y], (w, k) => http(w, k, `/01/${w.published.gtin}/21/${w.published.serialNumber}`)],
  ['GET /passports/{id}/qr.svg of a published passport',      [Y,  Y,  Y,   Y,   Y,   Y,   Y,   Y], (w, k) => http(w, k, `/passports/${w.published.id}/qr.svg`)],
  ['GET /exports/passports.ndjson (own passports for a maker)', [U, Y,  Y,   F,   Y,   Y,   Y,   F], (w, k) => http(w, k, '/exports/passports.ndjson')],
  ['GET /passports/{id}/qr.png of a draft',                   [N,  Y,  N,   N,   N,   N,   Y,   Y], (w, k) => http(w, k, `/passports/${w.draft.id}/qr.png`)],
];

function cells(): [string, Role, Outcome, Check][] {
  return MATRIX.flatMap(([what, outcomes, check]) => ROLES.map((role, i): [string, Role, Outcome, Check] => [what, role, outcomes[i], check]));
}

// ---------------------------------------------------------------------------------------------------------------

function outcomeOf(response: GraphQLResponse, requiredTier?: string): Outcome {
  if (!response.errors?.length) return Y;
  const codes = [...new Set(response.errors.map((e) => String(e.extensions?.code)))];
  if (codes.length !== 1) return codes.join('+');
  // A tier refusal must name the tier; otherwise report what came instead.
  if (requiredTier && codes[0] === F) {
    const named = response.errors.map((e) => e.extensions?.requiredTier);
    if (named.some((tier) => tier !== requiredTier)) return `FORBIDDEN naming ${named.join(',')}`;
  }
  return codes[0];
}

async function gql(w: World, key: string | null, query: string, variables: Record<string, unknown> = {}, requiredTier?: string): Promise<Outcome> {
  return outcomeOf(await w.t.gql(query, variables, key), requiredTier);
}

/** For lists scoped to the caller: allowed and holding `wanted`, or answered without it (HIDDEN). */
async function finds(
  w: World,
  key: string | null,
  query: string,
  ids: (data: any) => string[],
  wanted: string,
  variables: Record<string, unknown> = {},
): Promise<Outcome> {
  const res = await w.t.gql(query, variables, key);
  if (res.errors?.length) return outcomeOf(res);
  return ids(res.data).includes(wanted) ? Y : H;
}

async function http(w: World, key: string | null, path: string): Promise<Outcome> {
  const req = w.t.http().get(path).set('accept', 'application/json');
  if (key) req.set('authorization', `Bearer ${key}`);
  const res = await req;
  if (res.status === 200) return Y;
  return res.body?.errors?.[0]?.extensions?.code ?? `HTTP ${res.status}`;
}

async function field(w: World, key: string | null, selection: string, requiredTier?: string, id = w.published.id): Promise<Outcome> {
  const res = await w.t.gql(`query($id: ID!) { passport(id: $id) { id ${selection} } }`, { id }, key);
  const outcome = outcomeOf(res, requiredTier);
  // A refused field reads null; the rest of the passport is still answered.
  if (outcome === F && res.data?.passport?.id !== id) return 'FORBIDDEN, and the passport was lost';
  return outcome;
}

/** Every field of the tier on its own; the group's outcome when they agree, else each field's. */
async function tierGroup(w: World, key: string | null, tier: string, id = w.published.id): Promise<Outcome> {
  const fields = w.fieldsByTier.get(tier) ?? [];
  if (fields.length === 0) return `no Passport field of tier ${tier}`;
  const outcomes = await Promise.all(fields.map(async (f) => [f.name, await field(w, key, `${f.name} ${f.selection}`, tier, id)] as const));
  const distinct = new Set(outcomes.map(([, outcome]) => outcome));
  return distinct.size === 1 ? [...distinct][0] : outcomes.map(([name, outcome]) => `${name}: ${outcome}`).join('; ');
}

/** DRAFT counts of clusterSummary: Y when the owner's draft is counted, H when not. */
async function countsDraft(w: World, key: string | null): Promise<Outcome> {
  const res = await w.t.gql('{ clusterSummary(cluster: HIGH_TECH_EQUIPMENT) { passportsByStatus { status count } } }', {}, key);
  if (res.errors?.length) return outcomeOf(res);
  const drafts = res.data.clusterSummary.passportsByStatus.find((row: { status: string }) => row.status === 'DRAFT').count;
  return drafts > 0 ? Y : H;
}

/** The lamp: 79 g of 100 g declare 50 % recycled content, so 39.5 % of the product is recycled (40 % for the public). */
async function recycledPrecision(w: World, key: string | null): Promise<Outcome> {
  const res = await w.t.gql('query($id: ID!) { passport(id: $id) { recycledContentSummary { recycledShareOfMass } } }', { id: w.published.id }, key);
  if (res.errors?.length) return outcomeOf(res);
  const share = res.data.passport.recycledContentSummary.recycledShareOfMass;
  return share === 0.395 ? X : share === 0.4 ? R : `share ${share}`;
}

const IMPORT = 'mutation($i: ImportPassportsInput!) { importPassports(input: $i) { id } }';

const VIEWER = '{ viewer { organization { id } role accessTier platformAdmin } }';

/** Y when `viewer` names the key's own organization and role (none for anonymous callers). */
async function viewerIsKeyHolder(w: World, key: string | null): Promise<Outcome> {
  const res = await w.t.gql(VIEWER, {}, key);
  if (res.errors?.length) return outcomeOf(res);
  const { organization, role, platformAdmin } = res.data.viewer;
  const got = { organizationId: organization?.id ?? null, role, platformAdmin };
  const expected = { ...w.holderByKey.get(key)!, platformAdmin: key === w.t.adminKey };
  return JSON.stringify(got) === JSON.stringify(expected) ? Y : `viewer ${JSON.stringify(got)}`;
}

async function viewerTier(w: World, key: string | null): Promise<Outcome> {
  const res = await w.t.gql(VIEWER, {}, key);
  return res.errors?.length ? outcomeOf(res) : res.data.viewer.accessTier;
}

const OWN_PASSPORTS = 'query($m: ID) { passports(first: 100, filter: { manufacturerId: $m }) { edges { node { id } } } }';
const idsOf = (data: any): string[] => data.passports.edges.map((e: { node: { id: string } }) => e.node.id);
const listsDraft = (w: World, key: string | null) => finds(w, key, OWN_PASSPORTS, idsOf, w.draft.id, { m: w.ownMakerId });
const listsPublished = (w: World, key: string | null) => finds(w, key, OWN_PASSPORTS, idsOf, w.published.id, { m: w.ownMakerId });

/** A new passport of the owner, so that each cell of a mutation row starts from the same state. */
async function fresh(w: World, publish: boolean): Promise<string> {
  const res = await w.t.gql(REGISTER, { i: registerInput({ publish }, { prefix: w.prefixByKey.get(w.keys.ownMaker) ?? null }) }, w.keys.ownMaker);
  return res.data.registerPassport.id;
}

async function revokeFreshKey(w: World, key: string | null): Promise<Outcome> {
  const created = await w.t.gql(
    'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { id } } }',
    { i: { organizationId: w.ownMakerId, role: 'MANUFACTURER' } },
    w.t.adminKey,
  );
  return gql(w, key, 'mutation($id: ID!) { revokeApiKey(apiKeyId: $id) { revokedAt } }', { id: created.data.createApiKey.apiKey.id });
}

// ---------------------------------------------------------------------------------------------------------------

interface IntrospectedField {
  name: string;
  description: string | null;
  args: { name: string; defaultValue: string | null; type: { kind: string } }[];
  type: { kind: string; name: string | null; ofType: IntrospectedType | null };
}
interface IntrospectedType {
  kind: string;
  name: string | null;
  ofType: IntrospectedType | null;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';

function namedKind(type: IntrospectedType): string {
  return type.ofType ? namedKind(type.ofType) : type.kind;
}

describe('access matrix: every query, mutation and field group for every role', () => {
  const world = {} as World;
  let passportFields: IntrospectedField[] = [];
  let operations: string[] = [];

  beforeAll(async () => {
    // Rate limits are tested on their own (access-limits); here every role makes many requests.
    const t = await TestApp.start({ rateLimitPerMinute: 0, anonymousRateLimitPerMinute: 0, publicBaseUrl: 'https://id.example.org' });
    const own = await t.organization('MANUFACTURER');
    const other = await t.organization('MANUFACTURER');
    const ownAdmin = await t.gql(
      'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }',
      { i: { organizationId: own.id, role: 'ADMIN' } },
      t.adminKey,
    );
    world.t = t;
    world.ownMakerId = own.id;
    world.otherMakerId = other.id;
    const [recycler, auditor, authority] = [await t.organization('RECYCLER'), await t.organization('AUDITOR'), await t.organization('AUTHORITY')];
    world.keys = {
      anonymous: null,
      ownMaker: own.key,
      otherMaker: other.key,
      recycler: recycler.key,
      auditor: auditor.key,
      authority: authority.key,
      platformAdmin: t.adminKey,
      ownMakerAdmin: ownAdmin.data.createApiKey.secret,
    };
    world.holderByKey = new Map([
      [null, { organizationId: null, role: null }],
      [own.key, { organizationId: own.id, role: 'MANUFACTURER' }],
      [other.key, { organizationId: other.id, role: 'MANUFACTURER' }],
      [recycler.key, { organizationId: recycler.id, role: 'RECYCLER' }],
      [auditor.key, { organizationId: auditor.id, role: 'AUDITOR' }],
      [authority.key, { organizationId: authority.id, role: 'AUDITOR' }],
      [t.adminKey, { organizationId: null, role: 'ADMIN' }],
      [world.keys.ownMakerAdmin, { organizationId: own.id, role: 'ADMIN' }],
    ]);
    world.prefixByKey = new Map([
      [own.key, own.prefix],
      [other.key, other.prefix],
      [world.keys.ownMakerAdmin, own.prefix],
    ]);
    const published = await t.gql(REGISTER, { i: registerInput({ serialNumber: 'MATRIX-1', publish: true }, own) }, own.key);
    world.published = { id: published.data.registerPassport.id, gtin: published.data.registerPassport.gtin, serialNumber: 'MATRIX-1' };
    world.draft = { id: (await t.gql(REGISTER, { i: registerInput({}, own) }, own.key)).data.registerPassport.id };
    const restricted = await t.gql(REGISTER, { i: registerInput({ serialNumber: 'MATRIX-2', publish: true }, own) }, own.key);
    world.restricted = { id: restricted.data.registerPassport.id };
    const access = 'mutation($p: ID!, $i: CompositionAccessInput!) { setCompositionAccess(passportId: $p, input: $i) { id } }';
    expect((await t.gql(access, { p: world.restricted.id, i: { restricted: true, organizationIds: [] } }, own.key)).errors).toBeUndefined();
    world.importRunId = (
      await t.gql(IMPORT, { i: { dryRun: true, rows: [{ rowRef: '1', passport: registerInput({}, own) }] } }, own.key)
    ).data.importPassports.id;

    const schema = await t.gql(`{
      passport: __type(name: "Passport") { fields { name description args { name defaultValue type { kind } } type { ${TYPE_REF} } } }
      query: __type(name: "Query") { fields { name } }
      mutation: __type(name: "Mutation") { fields { name } }
    }`);
    passportFields = schema.data.passport.fields;
    operations = [
      ...schema.data.query.fields.map((f: { name: string }) => `query ${f.name}`),
      ...schema.data.mutation.fields.map((f: { name: string }) => `mutation ${f.name}`),
    ];
    world.fieldsByTier = new Map();
    for (const f of passportFields) {
      const tier = /\bTier: ([A-Z_]+)\b/.exec(f.description ?? '')?.[1];
      // Fields with required arguments cannot be asked for generically; the row of their operation covers them.
      if (!tier || f.args.some((arg) => arg.type.kind === 'NON_NULL' && arg.defaultValue === null)) continue;
      const kind = namedKind(f.type);
      const selection = kind === 'OBJECT' || kind === 'INTERFACE' || kind === 'UNION' ? '{ __typename }' : '';
      world.fieldsByTier.set(tier, [...(world.fieldsByTier.get(tier) ?? []), { name: f.name, selection }]);
    }
  });
  afterAll(() => world.t.close());

  it('has a row for every query and mutation of the schema', () => {
    const rows = MATRIX.map(([what]) => what);
    const missing = operations.filter(
      (operation) => !rows.some((row) => row === operation || row.startsWith(`${operation} `) || row.startsWith(`${operation}:`)),
    );
    expect(missing).toEqual([]);
  });

  it('documents the access tier of every Passport field, and tiered fields are nullable', () => {
    const undocumented = passportFields.filter((f) => !/\bTier: (PUBLIC|LEGITIMATE_INTEREST|AUTHORITY|OWNER)\b/.test(f.description ?? '')).map((f) => f.name);
    expect(undocumented).toEqual([]);
    const tieredNonNull = passportFields.filter((f) => !/\bTier: PUBLIC\b/.test(f.description ?? '') && f.type.kind === 'NON_NULL').map((f) => f.name);
    expect(tieredNonNull).toEqual([]);
    expect(world.fieldsByTier.get('LEGITIMATE_INTEREST')?.map((f) => f.name)).toEqual(expect.arrayContaining(['composition', 'components']));
    // A field of a tier without a row in MATRIX would go unchecked.
    const rows = MATRIX.map(([what]) => what);
    expect([...world.fieldsByTier.keys()].filter((tier) => !rows.includes(`Passport fields of tier ${tier}`))).toEqual([]);
  });

  const generated = cells();
  it.each(generated)('%s: %s -> %s', async (_what, role, expected, check) => {
    expect(await check(world, world.keys[role])).toBe(expected);
  });
});
