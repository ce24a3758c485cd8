// One passport with what its selected fields need, in prepared statements on the driver (one fixed text per
// combination of parts), as a search page carries its passports: the row, and each part as a JSON column.
import type { Organization, Passport } from '@registry/prisma-client';
import type { StoredFigures } from '@registry/value';
import { CRITICAL_INPUTS_OF_ONE, type CriticalInputRow } from './critical-inputs.sql';
import { PASSPORT_MODEL_COLUMNS, type PassportModelSource } from './passport.mapper';

/** The element masses a linked component passport contributed to the passport's totals, with that passport's access rule. */
export interface LinkedContributionRow {
  elementMassKg: unknown;
  manufacturerId: string;
  compositionRestricted: boolean;
  compositionGrantees: string[];
}

/** A passport's columns for its GraphQL view and its version, with the parts of passportRowSql asked for. */
export type PassportRow = PassportModelSource &
  Pick<Passport, 'elementMethodVersion'> & {
    /** Its manufacturer, createdAt as JSON text. */
    manufacturerRow?: Omit<Organization, 'createdAt'> & { createdAt: string };
    /** As PassportRepository.findLinkedContributions. */
    linkedContributions?: LinkedContributionRow[];
  };

const ROW_COLUMNS = [...PASSPORT_MODEL_COLUMNS, 'elementMethodVersion'].map((column) => `p."${column}"`);
const MANUFACTURER = `(SELECT json_build_object('id', o."id", 'name', o."name", 'kind', o."kind", 'corop', o."corop", 'sbiCode', o."sbiCode",
      'createdAt', o."createdAt")
    FROM "Organization" o WHERE o."id" = p."manufacturerId") AS "manufacturerRow"`;
const LINKED = `(SELECT coalesce(json_agg(json_build_object('elementMassKg', l."elementMassKg", 'manufacturerId', t."manufacturerId",
      'compositionRestricted', t."compositionRestricted", 'compositionGrantees', t."compositionGrantees")), '[]'::json)
    FROM "PassportLink" l JOIN "Passport" t ON t."id" = l."toPassportId"
    WHERE l."fromPassportId" = p."id" AND l."relation" = 'HAS_COMPONENT' AND l."elementMassKg" IS NOT NULL) AS "linkedContributions"`;

/**
 * Passport $1 with its manufacturer and the contributions of linked component passports when asked for: what can
 * change without a new revision (a linked passport's access rule) is read on every request.
 */
export function passportRowSql(parts: { manufacturer: boolean; linkedContributions: boolean }): string {
  return ROW_STATEMENTS[(parts.manufacturer ? 1 : 0) + (parts.linkedContributions ? 2 : 0)];
}

// The four texts, built once: the same string each time is also the cheapest key of its prepared statement's name.
const ROW_STATEMENTS = [0, 1, 2, 3].map((bits) => {
  const columns = [...ROW_COLUMNS];
  if (bits & 1) columns.push(MANUFACTURER);
  if (bits & 2) columns.push(LINKED);
  return `SELECT ${columns.join(', ')} FROM "Passport" p WHERE p."id" = $1`;
});

/** What one revision of a passport stores for its fields: it changes only with a new revision or element method. */
export interface RevisionPartsRow {
  storedFigures: StoredFigures;
  /** What CRITICAL_INPUTS_SQL answers for the passport, without passportId. */
  criticalInputs: Omit<CriticalInputRow, 'passportId'>[];
}

/**
 * The stored figures and critical inputs of passport $1 while it is at revision $2 with element method $3; no row
 * once it moved on.
 */
export const REVISION_PARTS_SQL = `SELECT json_build_object('circularity', r."circularity", 'reuseValue', r."reuseValue") AS "storedFigures",
    ${CRITICAL_INPUTS_OF_ONE} AS "criticalInputs"
  FROM "Passport" p LEFT JOIN "PassportRevision" r ON r."passportId" = p."id" AND r."revision" = p."revision"
  WHERE p."id" = $1 AND p."revision" = $2 AND p."elementMethodVersion" = $3`;

/** What tells the versions of a passport apart, for views cached by version (the public Digital Link view). */
export type PassportVersion = Pick<Passport, 'id' | 'revision' | 'status' | 'updatedAt' | 'batchNumber'>;

const publicVersions = (batchCondition: string, limit: string) => `SELECT "id", "revision", "status", "updatedAt", "batchNumber" FROM "Passport"
  WHERE "gtin" = $1 AND "serialNumber" = $2 ${batchCondition} AND "status" IN ('PUBLISHED', 'ARCHIVED')
  ORDER BY "batchNumber", "id" LIMIT ${limit}`;

/** The published or archived passports of GTIN $1, serial number $2 and batch number $3, at most $4. */
export const PUBLIC_VERSIONS_SQL = publicVersions('AND "batchNumber" = $3', '$4');
/** The same of any batch, at most $3. */
export const PUBLIC_VERSIONS_ANY_BATCH_SQL = publicVersions('', '$3');
