import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { hitPartsOf } from './hit-selection';

const schema = buildSchema(`
  type Organization { id: ID }
  type Passport { id: ID productName: String gtin: String createdAt: String manufacturer: Organization }
  type Material { name: String }
  type Component { key: String materials: [Material] }
  type Hit { massKgPerProduct: Float passport: Passport component: Component }
  type Edge { node: Hit cursor: String }
  type Page { edges: [Edge] }
  type Query { componentsContaining: Page }
`);

async function partsOf(query: string) {
  let info: GraphQLResolveInfo | undefined;
  await graphql({
    schema,
    source: query,
    rootValue: { componentsContaining: (_args: unknown, _context: unknown, i: GraphQLResolveInfo) => ((info = i), { edges: [] }) },
  });
  return hitPartsOf(info!);
}

describe('hitPartsOf: the related rows a page of hits must carry', () => {
  it('reads neither when only the hit itself is selected', async () => {
    expect(await partsOf('{ componentsContaining { edges { cursor node { massKgPerProduct } } } }')).toEqual({
      passport: 'none',
      component: false,
      componentMaterials: false,
    });
  });

  it('reads what the selection names, through inline and named fragments', async () => {
    expect(await partsOf('{ componentsContaining { edges { node { passport { id } } } } }')).toEqual({
      passport: 'name',
      component: false,
      componentMaterials: false,
    });
    expect(await partsOf('{ componentsContaining { edges { ... on Edge { node { ...Parts } } } } } fragment Parts on Hit { component { key } }')).toEqual({
      passport: 'none',
      component: true,
      componentMaterials: false,
    });
    expect(await partsOf('{ componentsContaining { edges { node { component { ... on Component { materials { name } } } } } } }')).toEqual({
      passport: 'none',
      component: true,
      componentMaterials: true,
    });
  });

  it("reads the passport's name or summary columns for those fields only, its whole row for any other field", async () => {
    const passport = async (selection: string, fragments = '') =>
      (await partsOf(`{ componentsContaining { edges { node { passport { ${selection} } } } } } ${fragments}`)).passport;
    expect(await passport('__typename id name: productName')).toBe('name');
    expect(await passport('id gtin')).toBe('summary');
    expect(await passport('id createdAt')).toBe('row');
    expect(await passport('id manufacturer { id }')).toBe('row');
    expect(await passport('id ... on Passport { createdAt }')).toBe('row');
    expect(await passport('id ...Times', 'fragment Times on Passport { createdAt }')).toBe('row');
    expect(await passport('id ...Names', 'fragment Names on Passport { productName }')).toBe('name');
    expect(await passport('id ...Codes', 'fragment Codes on Passport { gtin }')).toBe('summary');
  });
});
