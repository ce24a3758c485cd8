import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ELEMENTS, matchListEntryElement, type ElementData, type ListEntry, type ListEntryForm, type ListMatch, type MaterialForm } from '@registry/chemistry';
import { ReferenceDataRepository } from './reference-data.repository';
import { CRITICAL_LISTS, type CriticalListData } from './reference-data/critical-lists';

export interface CriticalFlag {
  listId: string;
  listVersion: string;
  /** The material of the list that covers the element, e.g. "light rare earth elements". */
  materialName: string;
}

/** A flag with how the material counts toward the list material. */
export interface CriticalFlagMatch extends CriticalFlag {
  /** The form the list material names, if any (e.g. BATTERY_GRADE for "nickel (battery grade)"). */
  form?: ListEntryForm;
  /** FORM: the material meets the entry's form; ELEMENT: it contains the element. */
  match: ListMatch;
}

/** Pairs of element and forms whose flags are remembered; far more than the elements and form lists that occur. */
const MAX_REMEMBERED_FLAGS = 10_000;

/** The critical material lists and elements. They are shipped with the code, so lookups never query the database. */
@Injectable()
export class CriticalMaterialsService implements OnModuleInit {
  private readonly entriesByElement = new Map<string, { list: CriticalListData; entry: ListEntry }[]>();
  private readonly elementsBySymbol = new Map(ELEMENTS.map((e) => [e.symbol, e]));
  /** matchesFor by element and forms (the flags are shared: callers get a copy of the list). */
  private readonly flagsByElementAndForms = new Map<string, CriticalFlagMatch[]>();

  constructor(private readonly referenceData: ReferenceDataRepository) {
    for (const list of CRITICAL_LISTS) {
      for (const material of list.materials) {
        for (const symbol of material.elements) {
          const entries = this.entriesByElement.get(symbol) ?? [];
          entries.push({ list, entry: material });
          this.entriesByElement.set(symbol, entries);
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

  /**
   * The lists (and list materials) that flag an element of a material with these forms, with how it counts; empty when
   * none does. Without forms, entries naming a grade answer ELEMENT and entries naming an ore, a fuel or natural
   * graphite do not flag the element at all.
   */
  matchesFor(symbol: string, forms: readonly MaterialForm[] = []): CriticalFlagMatch[] {
    // The lists ship with the code, so the flags of an element and forms never change: each pair is matched once.
    const key = `${symbol} ${forms.join(' ')}`;
    let flags = this.flagsByElementAndForms.get(key);
    if (!flags) {
      flags = (this.entriesByElement.get(symbol) ?? []).flatMap(({ list, entry }) => {
        const match = matchListEntryElement(entry, symbol, forms);
        if (match === null) return [];
        const flag: CriticalFlagMatch = { listId: list.id, listVersion: list.version, materialName: entry.name, match };
        return [entry.form === undefined ? flag : { ...flag, form: entry.form }];
      });
      if (this.flagsByElementAndForms.size >= MAX_REMEMBERED_FLAGS) this.flagsByElementAndForms.clear();
      this.flagsByElementAndForms.set(key, flags);
    }
    return [...flags];
  }

  /**
   * The flags of an element held by several materials (the forms of each): one per list material, FORM when any of the
   * materials meets its form. Empty when no material holds the element.
   */
  matchesForMaterials(symbol: string, formsOfMaterials: readonly (readonly MaterialForm[])[]): CriticalFlagMatch[] {
    // Most materials of a product declare the same few forms (often none): each list of forms is matched once.
    const distinct = new Map<string, readonly MaterialForm[]>();
    for (const forms of formsOfMaterials) {
      const key = forms.join(' ');
      if (!distinct.has(key)) distinct.set(key, forms);
    }
    return strongest([...distinct.values()].flatMap((forms) => this.matchesFor(symbol, forms)));
  }

  /** The flags of a material holding these elements, with its forms: one per list material, FORM when any element meets it. */
  matchesForElements(symbols: readonly string[], forms: readonly MaterialForm[]): CriticalFlagMatch[] {
    return strongest(symbols.flatMap((symbol) => this.matchesFor(symbol, forms)));
  }
}

/** One flag per list and list material, in first-seen order; FORM wins over ELEMENT. */
function strongest(flags: readonly CriticalFlagMatch[]): CriticalFlagMatch[] {
  const byEntry = new Map<string, CriticalFlagMatch>();
  for (const flag of flags) {
    const key = `${flag.listId}\u0000${flag.materialName}`;
    const seen = byEntry.get(key);
    if (!seen || (seen.match !== 'FORM' && flag.match === 'FORM')) byEntry.set(key, flag);
  }
  return [...byEntry.values()];
}
