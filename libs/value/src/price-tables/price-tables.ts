import { PRICE_TABLE_2026_01 } from './2026-01';
import type { PriceTable } from './price-table';

/** Every price table shipped, oldest first. Stored figures name their table, so old tables stay here. */
export const PRICE_TABLES: readonly PriceTable[] = [PRICE_TABLE_2026_01];

/**
 * The table in force on a valuation date (YYYY-MM-DD): the newest one dated on or before it; for a date before the
 * first table, the first table.
 */
export function priceTableFor(valuationDate: string, tables: readonly PriceTable[] = PRICE_TABLES): PriceTable {
  if (tables.length === 0) throw new Error('No price table is shipped');
  const applicable = tables.filter((table) => table.date <= valuationDate);
  return applicable.length > 0 ? applicable[applicable.length - 1] : tables[0];
}
