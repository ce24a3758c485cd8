import { Injectable } from '@nestjs/common';
import { compositionGrantsApplyTo, isOwner, type Principal } from '@registry/auth';
import { ELEMENT_MASS_METHOD, formsOfRow, type MaterialForm } from '@registry/chemistry';
import { CriticalMaterialsService } from '@registry/materials';
import { type ClusterCode, PassportStatus } from '@registry/prisma-client';
import type { ClusterCarbonFootprintModel, ClusterCriticalMaterialModel, ClusterSummaryModel, ReuseValueTotalModel } from '../models/cluster-summary.model';
import { PRICE_TABLES } from '../price-tables/price-tables';
import { type DraftScope, ValueRepository } from '../value.repository';

/** Sums in the database add float noise below these resolutions. */
const KG_DECIMALS = 1e6;
const MCI_DECIMALS = 1e6;

/** The fact-sheet figures of a cluster, each from one aggregate query over all its passports. */
@Injectable()
export class ClusterSummaryService {
  constructor(
    private readonly repository: ValueRepository,
    private readonly criticalMaterials: CriticalMaterialsService,
  ) {}

  /** Totals are of published passports; the DRAFT count only of the drafts the caller may see (see draftsVisibleTo). */
  async summary(caller: Principal | null, cluster: ClusterCode): Promise<ClusterSummaryModel> {
    const [counts, totals] = await Promise.all([this.repository.countByStatus(cluster, draftsVisibleTo(caller)), this.repository.publishedTotals(cluster)]);
    const countOf = new Map(counts.map((group) => [group.status, group.count]));
    return {
      cluster,
      passportsByStatus: Object.values(PassportStatus).map((status) => ({ status, count: countOf.get(status) ?? 0 })),
      productUnits: totals.productUnits,
      totalMassKg: round(totals.totalMassKg, KG_DECIMALS),
      averageMci: totals.averageMci === null ? null : round(totals.averageMci, MCI_DECIMALS),
      passportsWithMci: totals.passportsWithMci,
    };
  }

  /**
   * The elements flagged by any shipped critical material list, heaviest first, matched with the forms of the materials
   * holding them like Passport.criticalMaterials: the carbon of natural graphite anodes counts as graphite, that of steel
   * does not.
   */
  async criticalMaterialsOf(caller: Principal | null, cluster: ClusterCode): Promise<ClusterCriticalMaterialModel[]> {
    const [masses, materials] = await Promise.all([
      this.repository.elementMasses(cluster, compositionGrantsApplyTo(caller)),
      this.repository.elementMaterialForms(cluster),
    ]);
    // The no-form case stands for the materials the query leaves out; it never hides a match, as forms only add matches.
    const formsByElement = new Map<string, MaterialForm[][]>(masses.map((row) => [row.element, [[]]]));
    for (const row of materials) formsByElement.get(row.element)?.push(formsOfRow({ casNumber: row.casNumber, details: { forms: row.forms } }));
    return masses
      .map((row) => ({ ...row, flags: this.criticalMaterials.matchesForMaterials(row.element, formsByElement.get(row.element) ?? [[]]) }))
      .filter((row) => row.flags.length > 0)
      .map((row) => ({
        element: row.element,
        elementName: this.criticalMaterials.element(row.element)?.name ?? row.element,
        massKg: round(row.massKg, KG_DECIMALS),
        lists: [...new Set(row.flags.map((flag) => flag.listId))],
        methodVersion: ELEMENT_MASS_METHOD,
      }));
  }

  /** The carbon footprint of the published products that declare one: in all, and per product unit. */
  async carbonFootprintOf(cluster: ClusterCode): Promise<ClusterCarbonFootprintModel> {
    const totals = await this.repository.carbonFootprintTotals(cluster);
    return {
      totalKgCO2e: round(totals.totalKgCO2e, KG_DECIMALS),
      averageKgCO2ePerProduct: totals.productUnits > 0 ? round(totals.totalKgCO2e / totals.productUnits, KG_DECIMALS) : null,
      passportCount: totals.passportCount,
      productUnits: totals.productUnits,
    };
  }

  /** In the currency of the price tables (method 1 values in that currency only). */
  async totalReuseValueOf(caller: Principal | null, cluster: ClusterCode): Promise<ReuseValueTotalModel> {
    const currency = PRICE_TABLES[PRICE_TABLES.length - 1].currency;
    const total = await this.repository.reuseValueTotal(cluster, currency, compositionGrantsApplyTo(caller));
    return { amount: Math.round(total.amount * 100) / 100, currency, passportCount: total.passportCount };
  }
}

/**
 * Drafts are their owner's business (OWNER tier, like the passports themselves): a manufacturer counts its own, the
 * platform administrator all of them, everyone else none. Otherwise anyone could watch a competitor's pipeline.
 */
function draftsVisibleTo(caller: Principal | null): DraftScope {
  if (caller?.platformAdmin) return 'ALL';
  if (caller?.organizationId && isOwner(caller, caller.organizationId)) return { manufacturerId: caller.organizationId };
  return 'NONE';
}

function round(value: number, resolution: number): number {
  return Math.round(value * resolution) / resolution;
}
