import { ELEMENT_MASS_METHOD } from '@registry/chemistry';
import { Injectable } from '@nestjs/common';
import { compositionGrantsApplyTo, type Principal } from '@registry/auth';
import { type ConnectionShape, readPage, toConnection } from '@registry/core';
import { CriticalMaterialsService } from '@registry/materials';
import { OrganizationService } from '@registry/organizations';
import type { ComponentHitModel } from './models/component-hit.model';
import type { InventoryRowModel } from './models/inventory-row.model';
import { type InventoryFilter, type MaterialSearchFilter, readHitCursor, readInventoryFilter, readSearchFilter, type SearchReference } from './search-criteria';
import { searchScope } from './search-access';
import { toPassportModel, toSubstanceModel } from '@registry/passports';
import { passportOfRowJson, SearchRepository } from './search.repository';
import { readReleaseForecastFilter, type ReleaseForecastFilter } from './release-forecast.criteria';
import type { ReleaseForecastRowModel } from './models/release-forecast-row.model';
import type { HitParts, InventoryGroupBy } from './search.sql';

/** Finds materials for recyclers: which components hold what, and how much of it sits where. */
@Injectable()
export class SearchService {
  private readonly reference: SearchReference;

  constructor(
    private readonly search: SearchRepository,
    private readonly criticalMaterials: CriticalMaterialsService,
    private readonly organizations: OrganizationService,
  ) {
    // The lists ship with the code (and are seeded into CriticalListElement from it), so lookups need no query.
    this.reference = {
      isElement: (symbol) => criticalMaterials.element(symbol) !== undefined,
      listElements: (id) => criticalMaterials.list(id)?.materials.flatMap((material) => material.elements),
      listIds: () => criticalMaterials.lists().map((list) => list.id),
    };
  }

  /**
   * Hits matching the filter, one page at a time: by element, one per material and element, heaviest element mass per
   * product first; by CAS number, one per material, heaviest material first (keyset on that mass and the row id).
   */
  async componentsContaining(
    caller: Principal,
    args: { filter: MaterialSearchFilter; first?: number; after?: string | null },
    parts: HitParts = { passport: 'row', component: true, componentMaterials: true },
  ): Promise<ConnectionShape<ComponentHitModel>> {
    const { first, after } = readPage(args);
    const cursor = readHitCursor(after);
    const filter = readSearchFilter(args.filter, this.reference);
    const criteria = { ...filter, manufacturerId: searchScope(caller, filter), compositionReader: compositionGrantsApplyTo(caller) };
    if (criteria.elements?.length === 0)
      return toConnection(
        [],
        first,
        () => [],
        (row) => row,
      );
    const rows = await this.search.findHitPage(criteria, cursor, first + 1, parts);
    return toConnection(
      rows,
      first,
      (row) => [row.sortMassKg, row.sortId],
      // Built by PostgreSQL in the model's shape, but for a whole passport row (its times) and a substance (its list).
      ({ node, passportRow, substanceJson }) => {
        if (passportRow) node.passport = toPassportModel(passportOfRowJson(passportRow));
        if (substanceJson) node.substanceOfConcern = toSubstanceModel(substanceJson);
        return node;
      },
    );
  }

  /** Totals per group and element; MANUFACTURER keys see their own passports only. */
  async materialInventory(caller: Principal, args: InventoryFilter & { groupBy: InventoryGroupBy }): Promise<InventoryRowModel[]> {
    const criteria = readInventoryFilter(args, this.reference);
    const manufacturerId = searchScope(caller, { manufacturerId: null, status: criteria.status }, { manufacturerId: 'manufacturerId', status: 'status' });
    if (criteria.elements.length === 0) return [];
    const rows = await this.search.inventory(args.groupBy, criteria, manufacturerId, compositionGrantsApplyTo(caller));
    const names =
      args.groupBy === 'MANUFACTURER'
        ? new Map((await this.organizations.getMany([...new Set(rows.map((row) => row.group))])).flatMap((o) => (o ? [[o.id, o.name] as const] : [])))
        : null;
    return rows.map((row) => ({ ...row, groupLabel: names?.get(row.group) ?? null, methodVersion: ELEMENT_MASS_METHOD }));
  }

  /** Per year and element, the mass in products reaching their expected end of life (see releaseForecastSql). */
  async releaseForecast(caller: Principal, args: ReleaseForecastFilter): Promise<ReleaseForecastRowModel[]> {
    const criteria = readReleaseForecastFilter(args, this.reference);
    const manufacturerId = searchScope(caller, { manufacturerId: null, status: criteria.status }, { manufacturerId: 'manufacturerId', status: 'status' });
    if (criteria.elements.length === 0) return [];
    const rows = await this.search.releaseForecast(criteria, manufacturerId, compositionGrantsApplyTo(caller));
    return rows.map((row) => ({ ...row, methodVersion: ELEMENT_MASS_METHOD }));
  }
}
