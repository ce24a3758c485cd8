import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { hitPartsOf } from './hit-selection';

const schema = buildSchema(`
  type Passport { id: ID }
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
      passport: false,
      component: false,
      componentMaterials: false,
    });
  });

  it('reads what the selection names, through inline and named fragments', async () => {
    expect(await partsOf('{ componentsContaining { edges { node { passport { id } } } } }')).toEqual({
      passport: true,
      component: false,
      componentMaterials: false,
    });
    expect(await partsOf('{ componentsContaining { edges { ... on Edge { node { ...Parts } } } } } fragment Parts on Hit { component { key } }')).toEqual({
      passport: false,
      component: true,
      componentMaterials: false,
    });
    expect(await partsOf('{ componentsContaining { edges { node { component { ... on Component { materials { name } } } } } } }')).toEqual({
      passport: false,
      component: true,
      componentMaterials: true,
    });
  });
});
