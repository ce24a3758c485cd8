// SQL fragments over element totals (alias t, table "PassportElementTotal") that every aggregate over many passports
// needs to count like Passport.criticalMaterials does: each kilogram once, and nothing a caller may not read. Shared
// by the recyclers' searches and the cluster summaries; the rule of who reads what is compositionGrantsApplyTo in
// @registry/auth.
import { Prisma } from '@registry/prisma-client';

/**
 * Leaves out the totals of a passport whose element masses a product holding it counts already (a component passport
 * linked by passportRef from a component disclosing no materials): each kilogram is counted once, in the product.
 */
export const NOT_COUNTED_IN_A_HOLDER = Prisma.sql`NOT EXISTS (SELECT 1 FROM "PassportLink" l JOIN "Passport" h ON h."id" = l."fromPassportId"
             WHERE l."toPassportId" = t."passportId" AND l."relation" = 'HAS_COMPONENT' AND l."elementMassKg" IS NOT NULL AND h."status" <> 'DRAFT')`;

/**
 * Leaves out the rows of passports whose owner restricted the composition to organizations other than `reader`'s
 * (compositionGrantsApplyTo in @registry/auth; null: the caller reads every composition). The owner reads its own.
 */
export function readableComposition(passportId: Prisma.Sql, reader: string): Prisma.Sql {
  return Prisma.sql`NOT EXISTS (SELECT 1 FROM "Passport" rp WHERE rp."id" = ${passportId} AND rp."compositionRestricted"
             AND rp."manufacturerId" <> CAST(${reader} AS uuid) AND NOT (CAST(${reader} AS uuid) = ANY(rp."compositionGrantees")))`;
}

/**
 * readableComposition evaluated row by row: a probe of the passport's primary key for each row a search walks. For
 * the searches that walk an index in order and stop after a page: given NOT EXISTS, the planner anti-joins against a
 * scan of every passport (tens of milliseconds at 100,000 passports) before the first row.
 */
export function readableCompositionPerRow(passportId: Prisma.Sql, reader: string): Prisma.Sql {
  return Prisma.sql`(SELECT rp."compositionRestricted" AND rp."manufacturerId" <> CAST(${reader} AS uuid) AND NOT (CAST(${reader} AS uuid) = ANY(rp."compositionGrantees"))
             FROM "Passport" rp WHERE rp."id" = ${passportId}) IS NOT TRUE`;
}

/**
 * The mass of element t."elementSymbol" in t's passport as `reader` may see it: without what it counts from linked
 * component passports restricted to others, as Passport.criticalMaterials leaves it out (linkedMassWithheld).
 */
export function readableTotalMass(reader: string | null): Prisma.Sql {
  if (reader === null) return Prisma.sql`t."massKg"`;
  return Prisma.sql`(t."massKg" - COALESCE((SELECT SUM((l."elementMassKg"->>t."elementSymbol")::float8) FROM "PassportLink" l JOIN "Passport" lp ON lp."id" = l."toPassportId"
             WHERE l."fromPassportId" = t."passportId" AND l."relation" = 'HAS_COMPONENT' AND l."elementMassKg" IS NOT NULL AND lp."compositionRestricted"
               AND lp."manufacturerId" <> CAST(${reader} AS uuid) AND NOT (CAST(${reader} AS uuid) = ANY(lp."compositionGrantees"))), 0))`;
}
