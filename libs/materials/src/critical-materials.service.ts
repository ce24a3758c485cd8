import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ReferenceDataRepository } from './reference-data.repository';
import { CRITICAL_LISTS, type CriticalListData } from './reference-data/critical-lists';
import { ELEMENTS, type ElementData } from './reference-data/elements';

export interface CriticalFlag {
  listId: string;
  listVersion: string;
  /** The material of the list that covers the element, e.g. "light rare earth elements". */
  materialName: string;
}

/** The critical material lists and elements. They are shipped with the code, so lookups never query the database. */
@Injectable()
export class CriticalMaterialsService implements OnModuleInit {
  private readonly flagsByElement = new Map<string, CriticalFlag[]>();
  private readonly elementsBySymbol = new Map(ELEMENTS.map((e) => [e.symbol, e]));

  constructor(private readonly referenceData: ReferenceDataRepository) {
    for (const list of CRITICAL_LISTS) {
      for (const material of list.materials) {
        for (const symbol of material.elements) {
          const flags = this.flagsByElement.get(symbol) ?? [];
          flags.push({ listId: list.id, listVersion: list.version, materialName: material.name });
          this.flagsByElement.set(symbol, flags);
        }
      }
    }
  }

  async onModuleInit(): Promise<void> {
    await this.referenceData.seed(ELEMENTS, CRITICAL_LISTS);
  }

  lists(): readonly CriticalListData[] {
    return CRITICAL_LISTS;
  }

  list(id: string): CriticalListData | undefined {
    return CRITICAL_LISTS.find((list) => list.id === id);
  }

  elements(): readonly ElementData[] {
    return ELEMENTS;
  }

  element(symbol: string): ElementData | undefined {
    return this.elementsBySymbol.get(symbol);
  }

  /** The lists (and list materials) that flag an element as critical; empty when none does. */
  flagsFor(symbol: string): CriticalFlag[] {
    return this.flagsByElement.get(symbol) ?? [];
  }
}
