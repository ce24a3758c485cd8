import { repositoryRoot } from '@registry/core';
import type { ClusterCode } from '@registry/prisma-client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A column of a template: its header, its unit (shown on the Fields sheet) and what goes in it. */
export interface Column {
  name: string;
  unit?: string;
  description: string;
}

/** The composition schemaVersion spreadsheets are written to: 1.2 carries footprints, substances of concern and battery.v2. */
export const SHEET_SCHEMA_VERSION = '1.2';

/** The product's carbon footprint (composition 1.2 environmentalImpact.carbonFootprint), on the Passports sheet. */
export const FOOTPRINT_COLUMNS: Column[] = [
  { name: 'carbonFootprint.kgCO2e', unit: 'kg CO2e', description: 'Carbon footprint per declared unit (public). Needs carbonFootprint.declaredUnit.' },
  { name: 'carbonFootprint.declaredUnit', description: 'What the footprint is per: PRODUCT (one product), KWH or KG.' },
  {
    name: 'carbonFootprint.lifecycleStages',
    description: 'Life cycle stages covered, separated by commas, e.g. "A1-A3, C1-C4" (A1-A3, A1 to A5, B, B1 to B7, C1-C4, C1 to C4, D).',
  },
  { name: 'carbonFootprint.method', description: 'Calculation standard: ISO 14067, PEF or EN 15804.' },
];

/** One substance of concern of the material (composition 1.2 substancesOfConcern), on the Materials sheet. */
export const SUBSTANCE_COLUMNS: Column[] = [
  { name: 'substanceOfConcern.name', description: 'Name of a substance of concern in the material, e.g. Lead (public). One per line.' },
  { name: 'substanceOfConcern.casNumber', description: 'Its CAS Registry Number; the check digit is verified.' },
  { name: 'substanceOfConcern.ecNumber', description: 'Its EC number, e.g. 231-100-4; the check digit is verified.' },
  {
    name: 'substanceOfConcern.concentrationPct',
    unit: '%',
    description: 'Its concentration in the material by mass, 0 to 100 (shown to recyclers, authorities and you only).',
  },
  { name: 'substanceOfConcern.location', description: 'Where it is in the product, e.g. "solder of the cell ribbons" (public).' },
];

/** Columns read as numbers from a CSV (besides clusterData.*). */
export const NUMBER_COLUMNS = ['carbonFootprint.kgCO2e', 'substanceOfConcern.concentrationPct'];

/** The cluster schema of composition 1.2 documents: battery.v2 for batteries, version 1 for the others. */
const CLUSTER_SCHEMA_FILES: Record<ClusterCode, string> = {
  WIND_PARK: 'wind-park.v1',
  SOLAR_PV: 'solar-pv.v1',
  BATTERY: 'battery.v2',
  HEAT_AS_A_SERVICE: 'heat-as-a-service.v1',
  HIGH_TECH_EQUIPMENT: 'high-tech-equipment.v1',
};

interface SchemaField {
  title?: string;
  description?: string;
  type?: string;
  enum?: string[];
  properties?: Record<string, SchemaField>;
}

/**
 * The cluster's fields with a plain value (text, number, yes/no), from its schema: columns `clusterData.<name>`, and
 * `clusterData.<name>.<field>` for the plain fields of an object (e.g. the battery's temperatureRange). Lists (the
 * battery's hazardousSubstances) do not fit a cell: they go in an NDJSON import.
 */
export function clusterColumns(cluster: ClusterCode): Column[] {
  const schema = JSON.parse(readFileSync(join(repositoryRoot(), 'schemas', 'clusters', `${CLUSTER_SCHEMA_FILES[cluster]}.schema.json`), 'utf8')) as {
    properties: Record<string, SchemaField>;
  };
  const columns: Column[] = [];
  for (const [name, field] of Object.entries(schema.properties)) {
    if (isPlain(field)) columns.push(column(`clusterData.${name}`, field));
    else if (field.type === 'object' && field.properties) {
      for (const [part, inner] of Object.entries(field.properties)) if (isPlain(inner)) columns.push(column(`clusterData.${name}.${part}`, inner, field));
    }
  }
  return columns;
}

function isPlain(field: SchemaField): boolean {
  return Boolean(field.enum) || ['string', 'number', 'integer', 'boolean'].includes(field.type ?? '');
}

/** A column of a cluster field; a field of a group (`parent`) is described by the group's title and description first. */
function column(name: string, field: SchemaField, parent?: SchemaField): Column {
  const title = parent ? `${withoutUnit(parent.title)}: ${withoutUnit(field.title)}.` : '';
  return {
    name,
    unit: /\(([^)]+)\)\s*$/.exec(field.title ?? '')?.[1],
    description: [title, parent?.description, field.description, field.enum ? `One of ${field.enum.join(', ')}.` : ''].filter(Boolean).join(' '),
  };
}

function withoutUnit(title: string | undefined): string {
  return (title ?? '').replace(/\s*\([^)]*\)\s*$/, '');
}

/** The document's clusterData from a product record's `clusterData.<name>` and `clusterData.<name>.<field>` columns. */
export function clusterDataOf(record: Record<string, unknown>): Record<string, unknown> | undefined {
  const clusterData: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) {
    if (!name.startsWith('clusterData.') || value === null || value === undefined) continue;
    const [field, part] = name.slice('clusterData.'.length).split('.', 2);
    if (part === undefined) clusterData[field] = value;
    else {
      const object = (isObject(clusterData[field]) ? clusterData[field] : {}) as Record<string, unknown>;
      object[part] = value;
      clusterData[field] = object;
    }
  }
  return Object.keys(clusterData).length > 0 ? clusterData : undefined;
}

/** The document's environmentalImpact from a product record's carbonFootprint.* columns; undefined when they are empty. */
export function environmentalImpactOf(record: Record<string, unknown>): Record<string, unknown> | undefined {
  const stages = record['carbonFootprint.lifecycleStages'];
  const carbonFootprint = withoutEmpty({
    kgCO2e: record['carbonFootprint.kgCO2e'],
    declaredUnit: trimmed(record['carbonFootprint.declaredUnit']),
    // "A1-A3, C1-C4" is a list; anything else goes in as it is, for the schema to name.
    lifecycleStages:
      typeof stages === 'string'
        ? stages
            .split(/[,;]/)
            .map((stage) => stage.trim())
            .filter(Boolean)
        : stages,
    method: trimmed(record['carbonFootprint.method']),
  });
  return Object.keys(carbonFootprint).length > 0 ? { carbonFootprint } : undefined;
}

/** The material's substancesOfConcern (one) from a material record's substanceOfConcern.* columns; undefined when they are empty. */
export function substancesOfConcernOf(record: Record<string, unknown>): Record<string, unknown>[] | undefined {
  const substance = withoutEmpty({
    name: trimmed(record['substanceOfConcern.name']),
    casNumber: trimmed(record['substanceOfConcern.casNumber']),
    ecNumber: trimmed(record['substanceOfConcern.ecNumber']),
    concentrationPct: record['substanceOfConcern.concentrationPct'],
    location: trimmed(record['substanceOfConcern.location']),
  });
  return Object.keys(substance).length > 0 ? [substance] : undefined;
}

function trimmed(value: unknown): unknown {
  return typeof value === 'string' ? value.trim() : value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function withoutEmpty(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined && value !== ''));
}
