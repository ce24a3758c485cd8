// The public sections of a passport read from its composition document (environmental impact, battery data) and
// from its substance rows. Pure functions: the GraphQL fields and the public GS1 page share them.
import { candidateList } from '@registry/chemistry';
import type { CarbonFootprintDocument, EnvironmentalImpactDocument } from '@registry/composition';
import type { PassportSubstanceOfConcern } from '@registry/prisma-client';
import type { BatteryPublicDataModel } from './models/battery.model';
import type { CarbonFootprintModel, ComponentEnvironmentalImpactModel, EnvironmentalImpactModel } from './models/environmental-impact.model';
import type { SubstanceOfConcernModel } from './models/substance-of-concern.model';

type Json = Record<string, unknown>;

/** The document's environmental impact (product and components), or null when it declares none. */
export function environmentalImpactOf(document: Json | null, carbonFootprintKgCO2ePerProduct: number | null): EnvironmentalImpactModel | null {
  if (!document) return null;
  const components: ComponentEnvironmentalImpactModel[] = [];
  const visit = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const component of list as Json[]) {
      const impact = component.environmentalImpact as EnvironmentalImpactDocument | undefined;
      if (impact) components.push({ componentKey: String(component.key), componentName: String(component.name), ...impactParts(impact) });
      visit(component.components);
    }
  };
  visit(document.components);
  const product = document.environmentalImpact as EnvironmentalImpactDocument | undefined;
  if (!product && components.length === 0) return null;
  return { ...impactParts(product ?? {}), carbonFootprintKgCO2ePerProduct, components };
}

function impactParts(impact: EnvironmentalImpactDocument): Pick<EnvironmentalImpactModel, 'carbonFootprint' | 'waterUse' | 'energyUse'> {
  return {
    carbonFootprint: impact.carbonFootprint ? carbonFootprintOf(impact.carbonFootprint) : null,
    waterUse: impact.waterUse ? { m3: impact.waterUse.m3, declaredUnit: impact.waterUse.declaredUnit } : null,
    energyUse: impact.energyUse
      ? { mj: impact.energyUse.mj, declaredUnit: impact.energyUse.declaredUnit, renewableSharePct: impact.energyUse.renewableSharePct ?? null }
      : null,
  };
}

function carbonFootprintOf(footprint: CarbonFootprintDocument): CarbonFootprintModel {
  return {
    kgCO2e: footprint.kgCO2e,
    declaredUnit: footprint.declaredUnit,
    lifecycleStages: footprint.lifecycleStages ?? [],
    method: footprint.method ?? null,
    primaryDataSharePct: footprint.primaryDataSharePct ?? null,
    verifiedBy: footprint.verifiedBy ?? null,
    studyUrl: footprint.studyUrl ?? null,
  };
}

/** The Annex XIII point 1 data of a BATTERY passport's cluster data; null for other clusters or without cluster data. */
export function batteryOf(document: Json | null, cluster: string): BatteryPublicDataModel | null {
  const data = document?.clusterData as Json | undefined;
  if (cluster !== 'BATTERY' || !data) return null;
  const num = (value: unknown) => (typeof value === 'number' ? value : null);
  const str = (value: unknown) => (typeof value === 'string' ? value : null);
  const obj = (value: unknown) => (typeof value === 'object' && value !== null ? (value as Json) : null);
  const range = obj(data.temperatureRange);
  const footprint = obj(data.carbonFootprint);
  const recycled = obj(data.recycledContent);
  return {
    schema: document?.schemaVersion === '1.2' ? 'battery.v2' : 'battery.v1',
    chemistry: str(data.chemistry),
    batteryCategory: str(data.batteryCategory),
    status: str(data.status),
    nominalCapacityAh: num(data.nominalCapacityAh),
    energyKWh: num(data.energyKWh),
    nominalVoltageV: num(data.nominalVoltageV),
    minimalVoltageV: num(data.minimalVoltageV),
    maximalVoltageV: num(data.maximalVoltageV),
    originalPowerCapabilityW: num(data.originalPowerCapabilityW),
    expectedLifetimeCycles: num(data.expectedLifetimeCycles),
    expectedLifetimeReferenceTest: str(data.expectedLifetimeReferenceTest),
    temperatureRange: range ? { minC: Number(range.minC), maxC: Number(range.maxC) } : null,
    hazardousSubstances: (Array.isArray(data.hazardousSubstances) ? (data.hazardousSubstances as Json[]) : []).map((substance) => ({
      name: String(substance.name),
      casNumber: str(substance.casNumber),
      ecNumber: str(substance.ecNumber),
      hazardClass: str(substance.hazardClass),
    })),
    carbonFootprint: footprint
      ? { kgCO2ePerKWh: Number(footprint.kgCO2ePerKWh), performanceClass: str(footprint.performanceClass), studyUrl: str(footprint.studyUrl) }
      : null,
    recycledContent: recycled
      ? { cobaltPct: num(recycled.cobaltPct), lithiumPct: num(recycled.lithiumPct), nickelPct: num(recycled.nickelPct), leadPct: num(recycled.leadPct) }
      : null,
    renewableContentPct: num(data.renewableContentPct),
    warrantyYears: num(data.warrantyYears),
  };
}

/** The GraphQL view of a substance row; the flag carries the version of the list extract it was made with. */
export function toSubstanceModel(row: PassportSubstanceOfConcern): SubstanceOfConcernModel {
  const list = row.candidateListId ? candidateList(row.candidateListId) : undefined;
  const entry = list?.entries.find((e) => e.name === row.candidateListEntry);
  return {
    name: row.name,
    casNumber: row.casNumber,
    ecNumber: row.ecNumber,
    svhc: row.svhc,
    candidateList: list && entry ? { listId: list.id, listVersion: list.version, entryName: entry.name, reason: entry.reason } : null,
    location: row.location,
    safeUse: row.safeUse,
    endOfLife: row.endOfLife,
    concentrationPct: row.concentrationPct,
    concentrationRange:
      row.concentrationMinPct !== null && row.concentrationMaxPct !== null ? { minPct: row.concentrationMinPct, maxPct: row.concentrationMaxPct } : null,
    manufacturerId: row.manufacturerId,
  };
}
