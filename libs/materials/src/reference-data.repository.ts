import { Injectable } from '@nestjs/common';
import type { ElementData } from '@registry/chemistry';
import { PrismaService } from '@registry/core';
import type { CriticalListData } from './reference-data/critical-lists';

@Injectable()
export class ReferenceDataRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Inserts what is missing and never updates: shipped lists are immutable, new versions come under new ids.
   * Safe to run on every start of every instance.
   */
  async seed(elements: readonly ElementData[], lists: readonly CriticalListData[]): Promise<void> {
    await this.prisma.element.createMany({ data: elements.map(({ symbol, name, atomicNumber }) => ({ symbol, name, atomicNumber })), skipDuplicates: true });
    await this.prisma.criticalMaterialList.createMany({
      data: lists.map(({ id, name, version, source, publishedOn }) => ({ id, name, version, source, publishedOn: new Date(publishedOn) })),
      skipDuplicates: true,
    });
    await this.prisma.criticalListElement.createMany({
      data: lists.flatMap((list) =>
        list.materials.flatMap((material) => material.elements.map((elementSymbol) => ({ listId: list.id, materialName: material.name, elementSymbol }))),
      ),
      skipDuplicates: true,
    });
  }
}
