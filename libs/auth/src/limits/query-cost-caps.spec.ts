import { MAX_COMPONENTS, MAX_MATERIALS } from '@registry/composition';
import { MAX_COMPONENTS_PER_DOCUMENT, MAX_MATERIALS_PER_DOCUMENT } from './query-cost';

// The cost model prices a document's lists by the largest document the registry accepts. The constants are kept in
// this library (the composition library sits above it in the import graph), so this test keeps the two in step.
describe('the cost model of component and material lists', () => {
  it('uses the document limits of the composition validator', () => {
    expect(MAX_COMPONENTS_PER_DOCUMENT).toBe(MAX_COMPONENTS);
    expect(MAX_MATERIALS_PER_DOCUMENT).toBe(MAX_MATERIALS);
  });
});
