import type { CompositionDocument, ComponentDocument, FlattenedComposition } from '@registry/composition';
import { isUuid, type Violation } from '@registry/core';
import type { Passport } from '@registry/prisma-client';
import { GS1_ATTRIBUTE, normalizeGtin } from './gtin';

/** A component naming its own passport (`passportRef`), resolved and checked. */
export interface ComponentLink {
  componentKey: string;
  toPassportId: string;
  /** The linked passport's element masses per whole product of the holder, when they count in its totals; else null. */
  elementMassKg: Record<string, number> | null;
}

export interface LinkedPassportLookup {
  byIds(ids: readonly string[]): Promise<Passport[]>;
  byIdentities(identities: readonly { gtin: string; serialNumber: string; batchNumber: string }[]): Promise<Passport[]>;
  elementTotals(passportIds: readonly string[]): Promise<{ passportId: string; elementSymbol: string; massKg: number }[]>;
}

/** A component's mass and its linked passport's may differ by 1 % or 1 g, whichever is larger. */
const MASS_TOLERANCE = { relative: 0.01, absoluteKg: 0.001 };

type Reference = { pointer: string; component: ComponentDocument; key: string } & (
  { kind: 'id'; id: string } | { kind: 'link'; identity: { gtin: string; serialNumber: string; batchNumber: string } } | { kind: 'bad'; message: string }
);

/**
 * Resolves the `passportRef` of every component: the linked passport must exist and be PUBLISHED (a holder never
 * points to a draft or a withdrawn passport), and its mass must match the component's. When the component declares
 * neither materials nor sub-components, the linked passport's element totals, times the units of the component in
 * one product, count in the holder's totals. Violations point at the document (JSON pointers).
 */
export async function resolveComponentLinks(
  document: CompositionDocument,
  flattened: FlattenedComposition,
  lookup: LinkedPassportLookup,
  selfId: string | null,
): Promise<{ links: ComponentLink[]; violations: Violation[] }> {
  const references = referencesOf(document.components, '/components');
  if (references.length === 0) return { links: [], violations: [] };
  const ids = references.flatMap((reference) => (reference.kind === 'id' ? [reference.id] : []));
  const identities = references.flatMap((reference) => (reference.kind === 'link' ? [reference.identity] : []));
  const [byId, byIdentity] = await Promise.all([lookup.byIds(ids), lookup.byIdentities(identities)]);
  const identityKey = (i: { gtin: string; serialNumber: string; batchNumber: string }) => `${i.gtin}|${i.serialNumber}|${i.batchNumber}`;
  const passports = new Map<string, Passport>([...byId.map((p) => [p.id, p] as const), ...byIdentity.map((p) => [identityKey(p), p] as const)]);
  const components = new Map(flattened.components.map((component) => [component.key, component]));

  const violations: Violation[] = [];
  const resolved: { reference: Reference; passport: Passport }[] = [];
  for (const reference of references) {
    const path = `${reference.pointer}/passportRef`;
    if (reference.kind === 'bad') {
      violations.push({ path, message: reference.message, keyword: 'passportRef' });
      continue;
    }
    const passport = passports.get(reference.kind === 'id' ? reference.id : identityKey(reference.identity));
    if (!passport || passport.status === 'DRAFT') {
      violations.push({ path, message: 'names no passport of the registry', keyword: 'passportRef' });
    } else if (passport.status !== 'PUBLISHED') {
      violations.push({ path, message: `names passport ${passport.id}, which is ${passport.status}: link a PUBLISHED passport`, keyword: 'passportRef' });
    } else if (passport.id === selfId) {
      violations.push({ path, message: 'names this passport itself', keyword: 'passportRef' });
    } else if (
      Math.abs(passport.totalMassKg - reference.component.massKg) > Math.max(MASS_TOLERANCE.relative * reference.component.massKg, MASS_TOLERANCE.absoluteKg)
    ) {
      violations.push({
        path: `${reference.pointer}/massKg`,
        message: `is ${reference.component.massKg} kg, but the linked passport ${passport.id} weighs ${passport.totalMassKg} kg (allowed: 1 % or 0.001 kg)`,
        keyword: 'linkedMass',
      });
    } else {
      resolved.push({ reference, passport });
    }
  }
  if (violations.length > 0) return { links: [], violations };

  const counted = resolved.filter(({ reference }) => reference.component.materials.length === 0 && reference.component.components.length === 0);
  const totals = await lookup.elementTotals([...new Set(counted.map(({ passport }) => passport.id))]);
  const links = resolved.map(({ reference, passport }): ComponentLink => {
    if (!counted.some((entry) => entry.reference === reference)) return { componentKey: reference.key, toPassportId: passport.id, elementMassKg: null };
    const units = components.get(reference.key)?.unitsPerProduct ?? 0;
    const elementMassKg = Object.fromEntries(
      totals.filter((total) => total.passportId === passport.id).map((total) => [total.elementSymbol, total.massKg * units] as const),
    );
    return { componentKey: reference.key, toPassportId: passport.id, elementMassKg };
  });
  return { links, violations: [] };
}

function referencesOf(components: ComponentDocument[], pointer: string): Reference[] {
  return components.flatMap((component, index) => {
    const here = `${pointer}/${index}`;
    const own: Reference[] =
      typeof component.passportRef === 'string' ? [{ pointer: here, component, key: component.key, ...parseReference(component.passportRef) }] : [];
    return [...own, ...referencesOf(component.components, `${here}/components`)];
  });
}

/** A passport id, or a GS1 Digital Link URI: .../01/{gtin}[/10/{batch}][/21/{serial}]. */
function parseReference(
  value: string,
): { kind: 'id'; id: string } | { kind: 'link'; identity: { gtin: string; serialNumber: string; batchNumber: string } } | { kind: 'bad'; message: string } {
  const text = value.trim();
  if (isUuid(text)) return { kind: 'id', id: text.toLowerCase() };
  let path: string;
  try {
    path = new URL(text).pathname;
  } catch {
    return { kind: 'bad', message: 'must be a passport id or a GS1 Digital Link URI (https://.../01/{gtin}/21/{serial})' };
  }
  const match = /\/01\/(\d{8,14})(?:\/10\/([^/]+))?(?:\/21\/([^/]+))?\/?$/.exec(path);
  if (!match) return { kind: 'bad', message: 'is not a GS1 Digital Link URI: expected /01/{gtin}, then /10/{batch} and/or /21/{serial}' };
  const gtin = normalizeGtin(match[1]);
  if ('error' in gtin) return { kind: 'bad', message: gtin.error };
  const [batchNumber, serialNumber] = [match[2], match[3]].map((part) => (part === undefined ? '' : safeDecode(part)));
  if ([batchNumber, serialNumber].some((part) => part !== '' && !GS1_ATTRIBUTE.test(part))) {
    return { kind: 'bad', message: 'has a batch or serial number outside the GS1 character set (1 to 20 characters)' };
  }
  return { kind: 'link', identity: { gtin: gtin.gtin, serialNumber, batchNumber } };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '\u0000';
  }
}
