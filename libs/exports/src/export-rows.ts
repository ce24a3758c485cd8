import { materialForms, type MaterialForm } from '@registry/chemistry';
import { type CompositionDocument, flattenComposition } from '@registry/composition';
import type { CompositionBatchRow, PassportBatchRow } from './export.repository';
import { type CsvValue, type PassportExportLine, spreadsheetSafe, optionalIdentifiers } from '@registry/verification';

/** One passport of a batch as its NDJSON line; the identity's empty strings (no serial, no batch) read as null. */
export function toExportLine(row: PassportBatchRow, sequence: number): PassportExportLine {
  return {
    sequence,
    id: row.id,
    gtin: row.gtin,
    ...optionalIdentifiers(row),
    granularity: row.granularity,
    cluster: row.cluster,
    manufacturer: { id: row.manufacturerId, name: row.manufacturerName },
    status: row.status,
    productName: row.productName,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    revisions: row.revisions ?? [],
    lifecycleEvents: row.lifecycleEvents ?? [],
  };
}

/**
 * The CSV rows of one passport: one per material and element (a material without known chemistry: one row with empty
 * element columns), in document order, of the revision in force at the export's asOf. `criticalLists` gives the ids of
 * the lists that flag an element of a material with these forms. Text taken from documents is made spreadsheet-safe
 * (see spreadsheetSafe); the manifest hashes these same bytes, so `verify` agrees.
 */
export function materialRows(row: CompositionBatchRow, criticalLists: (element: string, forms: MaterialForm[]) => readonly string[]): CsvValue[][] {
  const flattened = flattenComposition(row.composition as CompositionDocument);
  const identifiers = optionalIdentifiers(row);
  return flattened.components.flatMap((component) =>
    component.materials.flatMap((material) => {
      const materialColumns: CsvValue[] = [
        row.id,
        row.revision,
        row.gtin,
        identifiers.serialNumber,
        identifiers.batchNumber,
        row.cluster,
        row.status,
        row.manufacturerId,
        component.path,
        component.name,
        material.name,
        material.elementSymbol,
        material.casNumber,
        material.massKg,
        material.massKgPerProduct,
        material.recycledContentPct,
      ];
      if (material.elementShares.length === 0) return [[...materialColumns, null, null, null, null, null].map(spreadsheetSafe)];
      const forms = materialForms({ casNumber: material.casNumber ?? undefined, forms: declaredForms(material.details) });
      return material.elementShares.map((share): CsvValue[] =>
        [...materialColumns, share.element, share.massFraction, share.massKgPerProduct, share.source, criticalLists(share.element, forms).join(';')].map(
          spreadsheetSafe,
        ),
      );
    }),
  );
}

function declaredForms(details: Record<string, unknown> | null): string[] {
  const forms = details?.forms;
  return Array.isArray(forms) ? forms.filter((form): form is string => typeof form === 'string') : [];
}
