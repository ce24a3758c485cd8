// Starts nothing: talks to a running API (GRAPHQL_URL, ADMIN_API_KEY) and checks that a passport can be
// registered and read back. Used by CI against a fresh embedded database; handy after a deployment too.
const url = process.env.GRAPHQL_URL ?? 'http://127.0.0.1:3000/graphql';
const admin = process.env.ADMIN_API_KEY;

async function gql(query, variables, key) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`${query.split('(')[0]}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A GTIN-13 from its first 12 digits and the GS1 check digit. */
const gtin13 = (body) => body + ((10 - (body.split('').reduce((sum, d, i) => sum + Number(d) * (i % 2 ? 3 : 1), 0) % 10)) % 10);

const suffix = Date.now().toString(36);
// A manufacturer registers only GTINs under its GS1 Company Prefix: a random 9-digit one, outside the demo's
// "879..." and other test tools' "871...".
const prefix = `873${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
const org = await gql(
  'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id gs1CompanyPrefixes } }',
  { i: { name: `Smoke manufacturer ${suffix}`, kind: 'MANUFACTURER', corop: 'CR17', gs1CompanyPrefixes: [prefix] } },
  admin,
);
const { createApiKey } = await gql(
  'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }',
  { i: { organizationId: org.createOrganization.id, role: 'MANUFACTURER' } },
  admin,
);
const composition = {
  schemaVersion: '1.0',
  components: [
    {
      key: 'frame',
      name: 'Aluminium frame',
      quantity: 1,
      massKg: 2.6,
      components: [],
      materials: [
        { name: 'Aluminium alloy EN AW-6063', element: 'Al', casNumber: '7429-90-5', massKg: 2.582, recycledContentPct: 30 },
        { name: 'Magnesium (alloying)', element: 'Mg', massKg: 0.018 },
      ],
    },
  ],
};
const { registerPassport } = await gql(
  'mutation($i: RegisterPassportInput!) { registerPassport(input: $i) { id } }',
  {
    i: {
      productName: 'Smoke test frame',
      cluster: 'HIGH_TECH_EQUIPMENT',
      granularity: 'ITEM',
      gtin: gtin13(`${prefix}001`),
      serialNumber: suffix,
      composition,
      publish: true,
    },
  },
  createApiKey.secret,
);
const { passport } = await gql('query($id: ID!) { passport(id: $id) { status totalMassKg criticalMaterials { element } } }', { id: registerPassport.id });
if (passport.status !== 'PUBLISHED' || passport.totalMassKg !== 2.6 || !passport.criticalMaterials.some((m) => m.element === 'Mg')) {
  throw new Error(`unexpected passport read back: ${JSON.stringify(passport)}`);
}
console.log(`smoke: registered and read back passport ${registerPassport.id}`);
