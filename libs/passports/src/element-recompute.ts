// Recomputes the element rows and totals of passports stored with an older element-mass method. Runs right after
// migrations (app start when it migrates, and `npm run db:migrate`); documents are kept, only derived rows change.
import { ELEMENT_MASS_METHOD_VERSION } from '@registry/chemistry';
import { type CompositionDocument, flattenComposition } from '@registry/composition';
import type { Prisma, PrismaClient } from '@registry/prisma-client';
import { writeElementRows } from './passport.repository';

/** Key of the advisory lock that serialises recomputations of several instances starting at the same time. */
const RECOMPUTE_LOCK = 72707371;
const BATCH_SIZE = 100;

/**
 * Recomputes, in batches, every passport whose elementMethodVersion is older than ELEMENT_MASS_METHOD_VERSION; each
 * passport in one transaction. Answers how many passports it recomputed.
 */
export async function recomputeElementRows(prisma: PrismaClient, batchSize = BATCH_SIZE): Promise<number> {
  let recomputed = 0;
  let afterId: string | null = null;
  for (;;) {
    const batch: { id: string }[] = await prisma.passport.findMany({
      where: { elementMethodVersion: { lt: ELEMENT_MASS_METHOD_VERSION }, ...(afterId ? { id: { gt: afterId } } : {}) },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (batch.length === 0) return recomputed;
    for (const { id } of batch) {
      // One transaction per passport: its element rows, totals and method version change together. The lock makes a
      // second instance wait, and the version read under it makes that instance skip what the first has done.
      const done = await prisma.$transaction((tx) => recomputePassport(tx, id));
      if (done) recomputed++;
    }
    afterId = batch[batch.length - 1].id;
  }
}

async function recomputePassport(tx: Prisma.TransactionClient, id: string): Promise<boolean> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${RECOMPUTE_LOCK})`;
  const passport = await tx.passport.findUnique({ where: { id } });
  if (passport === null || passport.elementMethodVersion >= ELEMENT_MASS_METHOD_VERSION) return false;
  const revision = await tx.passportRevision.findUniqueOrThrow({
    where: { passportId_revision: { passportId: id, revision: passport.revision } },
    select: { composition: true },
  });
  const flattened = flattenComposition(revision.composition as unknown as CompositionDocument);
  const components = await tx.passportComponent.findMany({ where: { passportId: id }, select: { id: true, key: true } });
  const materials = await tx.passportMaterial.findMany({ where: { passportId: id }, select: { id: true, position: true } });
  const manufacturer = await tx.organization.findUniqueOrThrow({ where: { id: passport.manufacturerId }, select: { corop: true } });
  const componentIds = new Map(components.map((component) => [component.key, component.id]));
  const materialIds = new Map(materials.map((material) => [material.position, material.id]));

  await tx.passportMaterialElement.deleteMany({ where: { passportId: id } });
  await tx.passportElementTotal.deleteMany({ where: { passportId: id } });
  const searchColumns = { cluster: passport.cluster, status: passport.status, manufacturerId: passport.manufacturerId, corop: manufacturer.corop };
  // What linked component passports contributed stays as counted when the revision was written.
  const links = await tx.passportLink.findMany({
    where: { fromPassportId: id, relation: 'HAS_COMPONENT' },
    select: { componentKey: true, toPassportId: true, elementMassKg: true },
  });
  const componentLinks = links.map((link) => ({ ...link, elementMassKg: (link.elementMassKg ?? null) as Record<string, number> | null }));
  await writeElementRows(tx, passport, flattened, searchColumns, componentLinks, {
    componentId: (component) => required(componentIds.get(component.key), `component ${component.key} of passport ${id}`),
    materialId: (position) => required(materialIds.get(position), `material ${position} of passport ${id}`),
  });
  return true;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Cannot recompute element rows: no stored row for ${what}`);
  return value;
}
