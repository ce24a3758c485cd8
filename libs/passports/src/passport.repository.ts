import { Injectable } from '@nestjs/common';
import { PrismaService } from '@registry/core';
import type { FlattenedComposition } from '@registry/composition';
import { Prisma, type Passport, type PassportComponent, type PassportMaterial, type PassportStatus } from '@registry/prisma-client';
import { randomUUID } from 'node:crypto';

export type ComponentWithMaterials = PassportComponent & { materials: PassportMaterial[] };

export interface NewPassport {
  manufacturerId: string;
  cluster: Passport['cluster'];
  granularity: Passport['granularity'];
  gtin: string;
  serialNumber: string;
  batchNumber: string;
  productName: string;
  status: PassportStatus;
  composition: Record<string, unknown>;
  flattened: FlattenedComposition;
  unitCount: number;
  createdByKeyId: string | null;
}

export interface PassportRevisionChange {
  passportId: string;
  expectedRevision: number;
  productName: string;
  composition: Record<string, unknown>;
  flattened: FlattenedComposition;
  unitCount: number;
  createdByKeyId: string | null;
}

/** Sort key of passport lists: newest first, id breaks ties. */
export interface PassportCursor {
  createdAt: Date;
  id: string;
}

@Injectable()
export class PassportRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(input: NewPassport): Promise<Passport> {
    // One transaction: a passport never exists without its first revision and its component and material rows.
    return this.prisma.$transaction(async (tx) => {
      const passport = await tx.passport.create({
        data: {
          unitCount: input.unitCount,
          manufacturerId: input.manufacturerId,
          cluster: input.cluster,
          granularity: input.granularity,
          gtin: input.gtin,
          serialNumber: input.serialNumber,
          batchNumber: input.batchNumber,
          productName: input.productName,
          status: input.status,
          revision: 1,
          totalMassKg: input.flattened.totalMassKg,
          revisions: {
            create: {
              revision: 1,
              productName: input.productName,
              status: input.status,
              composition: input.composition as Prisma.InputJsonObject,
              totalMassKg: input.flattened.totalMassKg,
              createdByKeyId: input.createdByKeyId,
            },
          },
        },
      });
      await this.insertRows(tx, passport, input.flattened);
      return passport;
    });
  }

  /** Writes a new revision if the passport is still at `expectedRevision` and not archived; null otherwise. */
  async addRevision(change: PassportRevisionChange): Promise<Passport | null> {
    // One transaction: the revision counter, the immutable revision and the rows searched must change together,
    // and the conditional update makes a concurrent reviser lose cleanly instead of interleaving.
    return this.prisma.$transaction(async (tx) => {
      const updated = await tx.passport.updateMany({
        where: { id: change.passportId, revision: change.expectedRevision, status: { not: 'ARCHIVED' } },
        data: {
          revision: { increment: 1 },
          productName: change.productName,
          totalMassKg: change.flattened.totalMassKg,
          unitCount: change.unitCount,
        },
      });
      if (updated.count === 0) return null;
      const passport = await tx.passport.findUniqueOrThrow({ where: { id: change.passportId } });
      await tx.passportRevision.create({
        data: {
          passportId: passport.id,
          revision: passport.revision,
          productName: change.productName,
          status: passport.status,
          composition: change.composition as Prisma.InputJsonObject,
          totalMassKg: change.flattened.totalMassKg,
          createdByKeyId: change.createdByKeyId,
        },
      });
      await tx.passportElementTotal.deleteMany({ where: { passportId: passport.id } });
      await tx.passportMaterial.deleteMany({ where: { passportId: passport.id } });
      await tx.passportComponent.deleteMany({ where: { passportId: passport.id } });
      await this.insertRows(tx, passport, change.flattened);
      return passport;
    });
  }

  /** Moves a passport from one of `from` to `to`; null when it was in another status. */
  async changeStatus(id: string, from: PassportStatus[], to: PassportStatus): Promise<Passport | null> {
    // One transaction: searches filter on the status copied to the material and element rows.
    return this.prisma.$transaction(async (tx) => {
      const updated = await tx.passport.updateMany({ where: { id, status: { in: from } }, data: { status: to } });
      if (updated.count === 0) return null;
      await tx.passportMaterial.updateMany({ where: { passportId: id }, data: { status: to } });
      await tx.passportElementTotal.updateMany({ where: { passportId: id }, data: { status: to } });
      return tx.passport.findUnique({ where: { id } });
    });
  }

  findById(id: string): Promise<Passport | null> {
    return this.prisma.passport.findUnique({ where: { id } });
  }

  findPage(where: Prisma.PassportWhereInput, first: number, after: PassportCursor | null): Promise<Passport[]> {
    return this.prisma.passport.findMany({
      where: after
        ? { AND: [where, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] }
        : where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: first + 1,
    });
  }

  count(where: Prisma.PassportWhereInput): Promise<number> {
    return this.prisma.passport.count({ where });
  }

  /** Components (in document order) with their materials, for several passports in one query. */
  findComponents(passportIds: readonly string[]): Promise<ComponentWithMaterials[]> {
    return this.prisma.passportComponent.findMany({
      where: { passportId: { in: [...passportIds] } },
      orderBy: [{ passportId: 'asc' }, { position: 'asc' }],
      include: { materials: { orderBy: { position: 'asc' } } },
    });
  }

  /** Per passport, the mass of each element in one whole product, in one query. */
  findElementTotals(passportIds: readonly string[]) {
    return this.prisma.passportElementTotal.findMany({
      where: { passportId: { in: [...passportIds] } },
      select: { passportId: true, elementSymbol: true, massKg: true },
    });
  }

  /** The composition documents of the given passport revisions, in one query. */
  findDocuments(keys: readonly { passportId: string; revision: number }[]) {
    return this.prisma.passportRevision.findMany({
      where: { OR: keys.map((key) => ({ passportId: key.passportId, revision: key.revision })) },
      select: { passportId: true, revision: true, composition: true },
    });
  }

  /** Writes the searchable rows of a revision: components, materials and per-element totals. */
  private async insertRows(tx: Prisma.TransactionClient, passport: Passport, flattened: FlattenedComposition): Promise<void> {
    const passportId = passport.id;
    const manufacturer = await tx.organization.findUniqueOrThrow({ where: { id: passport.manufacturerId }, select: { corop: true } });
    const searchColumns = { cluster: passport.cluster, status: passport.status, manufacturerId: passport.manufacturerId, corop: manufacturer.corop };
    const componentIds = new Map<string, string>();
    const components = flattened.components.map((component) => {
      const id = randomUUID();
      componentIds.set(component.key, id);
      return {
        id,
        passportId,
        position: component.position,
        key: component.key,
        name: component.name,
        path: component.path,
        depth: component.depth,
        parentKey: component.parentKey,
        quantity: component.quantity,
        massKg: component.massKg,
        unitsPerProduct: component.unitsPerProduct,
        details: (component.details ?? Prisma.DbNull) as Prisma.InputJsonObject,
      };
    });
    const materials = flattened.components.flatMap((component) =>
      component.materials.map((material) => ({
        passportId,
        componentId: componentIds.get(component.key)!,
        position: material.position,
        name: material.name,
        elementSymbol: material.elementSymbol,
        casNumber: material.casNumber,
        massKg: material.massKg,
        massKgPerProduct: material.massKgPerProduct,
        recycledContentPct: material.recycledContentPct,
        details: (material.details ?? Prisma.DbNull) as Prisma.InputJsonObject,
        ...searchColumns,
      })),
    );
    const totals = elementTotals(flattened).map((total) => ({ passportId, ...total, ...searchColumns, unitCount: passport.unitCount }));
    await tx.passportComponent.createMany({ data: components });
    if (materials.length > 0) await tx.passportMaterial.createMany({ data: materials });
    if (totals.length > 0) await tx.passportElementTotal.createMany({ data: totals });
  }
}

/** Per element: the mass in one whole product and how many components hold it. */
export function elementTotals(flattened: FlattenedComposition): { elementSymbol: string; massKg: number; componentCount: number }[] {
  const totals = new Map<string, { massKg: number; components: Set<string> }>();
  for (const component of flattened.components) {
    for (const material of component.materials) {
      if (!material.elementSymbol) continue;
      const total = totals.get(material.elementSymbol) ?? { massKg: 0, components: new Set<string>() };
      total.massKg += material.massKgPerProduct;
      total.components.add(component.key);
      totals.set(material.elementSymbol, total);
    }
  }
  return [...totals].map(([elementSymbol, total]) => ({ elementSymbol, massKg: total.massKg, componentCount: total.components.size }));
}
