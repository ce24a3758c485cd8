import type { Violation } from '@registry/core';

/**
 * GS1 Company Prefixes, written in the 13-digit GTIN form: 6 to 12 digits. A GTIN is stored as a GTIN-14 (indicator
 * digit, 12 digits of company prefix and item reference, check digit); its digits 2..14 are the GTIN-13 form, which
 * starts with the company prefix. GTIN-12 (UPC) and GTIN-8 are padded with zeros, so their prefixes start with "0"
 * (e.g. the UPC prefix 614141 is "0614141") and "00000" respectively.
 */
export const GS1_COMPANY_PREFIX = /^\d{6,12}$/;

/** Prefixes one organization may hold: large brand owners hold a few dozen. */
export const MAX_GS1_COMPANY_PREFIXES = 100;

/** The GTIN-13 form of a stored 14-digit GTIN: what company prefixes are compared with. */
export function gtin13Form(gtin14: string): string {
  return gtin14.slice(1);
}

/** The prefix of `prefixes` that the (14-digit) GTIN falls under, or null. */
export function prefixOf(gtin14: string, prefixes: readonly string[]): string | null {
  const gtin13 = gtin13Form(gtin14);
  return prefixes.find((prefix) => gtin13.startsWith(prefix)) ?? null;
}

/** True when a GTIN could fall under both: one is a leading part of the other (or they are equal). */
export function prefixesOverlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** Every leading part of `prefix` that is itself a possible prefix (6 digits up to the whole), for overlap queries. */
export function leadingPrefixes(prefix: string): string[] {
  const parts: string[] = [];
  for (let length = 6; length <= prefix.length; length++) parts.push(prefix.slice(0, length));
  return parts;
}

/**
 * Trims and checks a list of prefixes given for one organization: each 6 to 12 digits, at most
 * MAX_GS1_COMPANY_PREFIXES, and none a leading part of another in the list (a GTIN would fall under both).
 * `field` names the argument in violations, e.g. "gs1CompanyPrefixes".
 */
export function checkGs1CompanyPrefixes(input: readonly string[], field: string, violations: Violation[]): string[] {
  const prefixes = input.map((prefix) => prefix.trim());
  if (prefixes.length > MAX_GS1_COMPANY_PREFIXES) {
    violations.push({ path: field, message: `has ${prefixes.length} prefixes; at most ${MAX_GS1_COMPANY_PREFIXES} are accepted`, keyword: 'maxItems' });
    return prefixes;
  }
  prefixes.forEach((prefix, i) => {
    if (!GS1_COMPANY_PREFIX.test(prefix)) {
      violations.push({
        path: `${field}[${i}]`,
        message: `"${prefix}" is not a GS1 Company Prefix: expected 6 to 12 digits (GTIN-13 form)`,
        keyword: 'pattern',
      });
      return;
    }
    const earlier = prefixes.slice(0, i).findIndex((other) => GS1_COMPANY_PREFIX.test(other) && prefixesOverlap(prefix, other));
    if (earlier >= 0) {
      const message =
        prefix === prefixes[earlier]
          ? `"${prefix}" is listed twice`
          : `"${prefix}" overlaps "${prefixes[earlier]}" of the same list (one is a leading part of the other)`;
      violations.push({ path: `${field}[${i}]`, message, keyword: 'uniqueItems' });
    }
  });
  return prefixes;
}
