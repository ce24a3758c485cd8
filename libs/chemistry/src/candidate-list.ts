// The REACH candidate list extract in force, and lookups in it by CAS or EC number.
import { CANDIDATE_LIST_2026_01, type CandidateList, type CandidateListEntry } from './reference-data/candidate-list.2026-01';

/** Every shipped extract, oldest first: flags made with an older one still read back with their version. */
export const CANDIDATE_LISTS: readonly CandidateList[] = [CANDIDATE_LIST_2026_01];

/** The extract new flags are computed with; every flag records its id (listId) and version. */
export const CANDIDATE_LIST: CandidateList = CANDIDATE_LISTS[CANDIDATE_LISTS.length - 1];

/** A shipped extract by id. */
export function candidateList(id: string): CandidateList | undefined {
  return CANDIDATE_LISTS.find((list) => list.id === id);
}

const indexes = new WeakMap<CandidateList, Map<string, CandidateListEntry>>();

/** The entry a substance with this CAS or EC number falls under in `list` (CAS number first), or undefined. */
export function candidateListEntry(
  identity: { casNumber?: string | null; ecNumber?: string | null },
  list: CandidateList = CANDIDATE_LIST,
): CandidateListEntry | undefined {
  let byNumber = indexes.get(list);
  if (byNumber === undefined) {
    byNumber = new Map(list.entries.flatMap((entry) => [...entry.casNumbers, ...entry.ecNumbers].map((number) => [number, entry] as const)));
    indexes.set(list, byNumber);
  }
  return (identity.casNumber ? byNumber.get(identity.casNumber) : undefined) ?? (identity.ecNumber ? byNumber.get(identity.ecNumber) : undefined);
}
