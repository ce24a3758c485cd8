import { decomposeMaterial } from '@registry/chemistry';
import type {
  ComponentDocument,
  CompositionDocument,
  FlatComponent,
  FlatElementShare,
  FlatMaterial,
  FlattenedComposition,
  MaterialDocument,
} from './composition.types';

/** Keys a flat component or material carries in its own columns; the remaining keys go to `details`. */
const COMPONENT_COLUMNS = new Set(['key', 'name', 'quantity', 'massKg', 'materials', 'components']);
const MATERIAL_COLUMNS = new Set(['name', 'element', 'casNumber', 'massKg', 'recycledContentPct']);

/**
 * The component tree as a list in depth-first document order, with each component's place in the tree and the mass of
 * each material in one whole product. Expects a document that has passed CompositionValidator.
 */
export function flattenComposition(document: CompositionDocument): FlattenedComposition {
  const components: FlatComponent[] = [];
  let materialPosition = 0;

  const visit = (component: ComponentDocument, parent: FlatComponent | null): void => {
    const unitsPerProduct = (parent?.unitsPerProduct ?? 1) * component.quantity;
    const materials = component.materials.map((material: MaterialDocument): FlatMaterial => {
      const massKgPerProduct = material.massKg * unitsPerProduct;
      return {
        position: materialPosition++,
        name: material.name,
        elementSymbol: material.element ?? null,
        casNumber: material.casNumber ?? null,
        massKg: material.massKg,
        massKgPerProduct,
        recycledContentPct: material.recycledContentPct ?? null,
        details: detailsOf(material, MATERIAL_COLUMNS),
        elementShares: elementSharesOf(material, massKgPerProduct),
        substancesOfConcern: material.substancesOfConcern ?? [],
      };
    });
    const flat: FlatComponent = {
      position: components.length,
      key: component.key,
      name: component.name,
      path: `${parent?.path ?? ''}/${component.key}`,
      depth: parent === null ? 0 : parent.depth + 1,
      parentKey: parent?.key ?? null,
      quantity: component.quantity,
      massKg: component.massKg,
      unitsPerProduct,
      details: detailsOf(component, COMPONENT_COLUMNS),
      materials,
    };
    components.push(flat);
    for (const child of component.components) visit(child, flat);
  };

  for (const component of document.components) visit(component, null);

  const totalMassKg = document.productMassKg ?? document.components.reduce((total, c) => total + c.massKg * c.quantity, 0);
  return { totalMassKg, components, carbonFootprintKgCO2ePerProduct: carbonFootprintPerProduct(document, totalMassKg) };
}

/** The product's carbon footprint per product unit, from its declared unit (see FlattenedComposition). */
export function carbonFootprintPerProduct(document: CompositionDocument, totalMassKg: number): number | null {
  const footprint = document.environmentalImpact?.carbonFootprint;
  if (!footprint) return null;
  switch (footprint.declaredUnit) {
    case 'PRODUCT':
      return footprint.kgCO2e;
    case 'KG':
      return footprint.kgCO2e * totalMassKg;
    case 'KWH': {
      const energy = document.clusterData?.energyKWh;
      return typeof energy === 'number' ? footprint.kgCO2e * energy : null;
    }
  }
}

/** element mass = material mass x the element's mass fraction; elements with no share are left out. */
function elementSharesOf(material: MaterialDocument, massKgPerProduct: number): FlatElementShare[] {
  return decomposeMaterial(material)
    .filter((share) => share.massFraction > 0)
    .map((share) => ({
      element: share.element,
      massFraction: share.massFraction,
      massKg: material.massKg * share.massFraction,
      massKgPerProduct: massKgPerProduct * share.massFraction,
      source: share.source,
    }));
}

function detailsOf(object: object, columns: ReadonlySet<string>): Record<string, unknown> | null {
  const details = Object.fromEntries(Object.entries(object).filter(([key, value]) => !columns.has(key) && value !== undefined));
  return Object.keys(details).length > 0 ? details : null;
}
