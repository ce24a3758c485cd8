// One passport with what its selected fields need, in one statement (prepared: one fixed text per combination of
// parts), as a search page carries its passports: the row, and each part as a JSON column.
import type { Organization, Passport } from '@registry/prisma-client';
import type { StoredFigures } from '@registry/value';
import { CRITICAL_INPUTS_OF_ONE } from './critical-inputs.sql';
import type { PassportReadParts } from './passport-read-parts';

/** The element masses a linked component passport contributed to the passport's totals, with that passport's access rule. */
export interface LinkedContributionRow {
  elementMassKg: unknown;
  manufacturerId: string;
  compositionRestricted: boolean;
  compositionGrantees: string[];
}

/** A passport row with the parts asked for. */
export type PassportReadRow = Passport & {
  /** figures: the stored circularity and reuseValue of the current revision. */
  storedFigures?: StoredFigures;
  /** manufacturer: its organization, createdAt as JSON text. */
  manufacturerRow?: Omit<Organization, 'createdAt'> & { createdAt: string };
  /** criticalMaterials: what CRITICAL_INPUTS_SQL answers for this passport, without passportId. */
  criticalInputs?: { elementSymbol: string; massKg: number; materials: { casNumber: string | null; forms: unknown }[] }[];
  /** criticalMaterials: as PassportRepository.findLinkedContributions. */
  linkedContributions?: LinkedContributionRow[];
};

const FIGURES = `json_build_object('circularity', r."circularity", 'reuseValue', r."reuseValue") AS "storedFigures"`;
const FIGURES_JOIN = `LEFT JOIN "PassportRevision" r ON r."passportId" = p."id" AND r."revision" = p."revision"`;
const MANUFACTURER = `(SELECT json_build_object('id', o."id", 'name', o."name", 'kind', o."kind", 'corop', o."corop", 'sbiCode', o."sbiCode",
      'createdAt', o."createdAt")
    FROM "Organization" o WHERE o."id" = p."manufacturerId") AS "manufacturerRow"`;
const LINKED = `(SELECT coalesce(json_agg(json_build_object('elementMassKg', l."elementMassKg", 'manufacturerId', t."manufacturerId",
      'compositionRestricted', t."compositionRestricted", 'compositionGrantees', t."compositionGrantees")), '[]'::json)
    FROM "PassportLink" l JOIN "Passport" t ON t."id" = l."toPassportId"
    WHERE l."fromPassportId" = p."id" AND l."relation" = 'HAS_COMPONENT' AND l."elementMassKg" IS NOT NULL) AS "linkedContributions"`;

/** The statement reading passport $1 with `parts`. */
export function passportReadSql(parts: PassportReadParts): string {
  const columns = ['p.*'];
  if (parts.figures) columns.push(FIGURES);
  if (parts.manufacturer) columns.push(MANUFACTURER);
  if (parts.criticalMaterials) columns.push(`${CRITICAL_INPUTS_OF_ONE} AS "criticalInputs"`, LINKED);
  return `SELECT ${columns.join(', ')} FROM "Passport" p ${parts.figures ? FIGURES_JOIN : ''} WHERE p."id" = $1`;
}

/** What tells the versions of a passport apart, for views cached by version (the public Digital Link view). */
export type PassportVersion = Pick<Passport, 'id' | 'revision' | 'status' | 'updatedAt' | 'batchNumber'>;

const publicVersions = (batchCondition: string, limit: string) => `SELECT "id", "revision", "status", "updatedAt", "batchNumber" FROM "Passport"
  WHERE "gtin" = $1 AND "serialNumber" = $2 ${batchCondition} AND "status" IN ('PUBLISHED', 'ARCHIVED')
  ORDER BY "batchNumber", "id" LIMIT ${limit}`;

/** The published or archived passports of GTIN $1, serial number $2 and batch number $3, at most $4. */
export const PUBLIC_VERSIONS_SQL = publicVersions('AND "batchNumber" = $3', '$4');
/** The same of any batch, at most $3. */
export const PUBLIC_VERSIONS_ANY_BATCH_SQL = publicVersions('', '$3');
