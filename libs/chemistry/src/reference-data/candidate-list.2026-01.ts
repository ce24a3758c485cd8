// The REACH Candidate List of substances of very high concern (SVHC, Regulation (EC) 1907/2006, Art. 59), the entries
// the registry's five clusters meet, version 2026-01.
//
// An extract, not the whole list: the entries found in wind parks, solar panels, batteries, heat systems and high-tech
// equipment (solders, cable insulation, flame retardants, piezo ceramics, electrode processing, glass). A shipped
// version is never edited: additions go into a new file (candidate-list.<yyyy-mm>.ts) with a new id, and
// ../candidate-list.ts points at it, so every flag can say which list version it came from.
//
// CAS and EC numbers as ECHA's candidate list table gives them; their check digits are verified by candidate-list.spec.ts.

export interface CandidateListEntry {
  /** The entry's name on the list. */
  name: string;
  casNumbers: readonly string[];
  ecNumbers: readonly string[];
  /** The grounds of Art. 57 REACH the entry was included for. */
  reason: string;
  /** Where the clusters meet the substance. */
  foundIn: string;
}

export interface CandidateList {
  /** Stable id, e.g. REACH-CANDIDATE-2026-01; a revised extract gets a new id. */
  id: string;
  name: string;
  version: string;
  source: string;
  publishedOn: string;
  entries: readonly CandidateListEntry[];
}

const REPR = 'toxic for reproduction (Art. 57c)';
const REPR_ED = 'toxic for reproduction (Art. 57c); endocrine disrupting properties (Art. 57f)';
const PBT_VPVB = 'PBT (Art. 57d); vPvB (Art. 57e)';

export const CANDIDATE_LIST_2026_01: CandidateList = {
  id: 'REACH-CANDIDATE-2026-01',
  name: 'REACH Candidate List of substances of very high concern (extract for the five clusters)',
  version: '2026-01',
  source: 'Regulation (EC) 1907/2006 (REACH), Art. 59: the Candidate List published by ECHA',
  publishedOn: '2026-01-15',
  entries: [
    { name: 'Lead', casNumbers: ['7439-92-1'], ecNumbers: ['231-100-4'], reason: REPR, foundIn: 'solder of solar cells and electronics, lead-acid batteries' },
    { name: 'Lead monoxide (lead oxide)', casNumbers: ['1317-36-8'], ecNumbers: ['215-267-0'], reason: REPR, foundIn: 'lead-acid battery plates, glass' },
    { name: 'Lead titanium zirconium oxide (PZT)', casNumbers: ['12626-81-2'], ecNumbers: ['235-727-4'], reason: REPR, foundIn: 'piezo actuators and sensors' },
    { name: 'Lead titanium trioxide', casNumbers: ['12060-00-3'], ecNumbers: ['235-038-9'], reason: REPR, foundIn: 'piezo and dielectric ceramics' },
    {
      name: 'Cadmium',
      casNumbers: ['7440-43-9'],
      ecNumbers: ['231-152-8'],
      reason: 'carcinogenic (Art. 57a); equivalent level of concern (Art. 57f)',
      foundIn: 'CdTe solar modules, NiCd batteries',
    },
    {
      name: 'Bis(2-ethylhexyl) phthalate (DEHP)',
      casNumbers: ['117-81-7'],
      ecNumbers: ['204-211-0'],
      reason: REPR_ED,
      foundIn: 'PVC cable insulation and hoses',
    },
    { name: 'Dibutyl phthalate (DBP)', casNumbers: ['84-74-2'], ecNumbers: ['201-557-4'], reason: REPR_ED, foundIn: 'PVC cable insulation' },
    { name: 'Benzyl butyl phthalate (BBP)', casNumbers: ['85-68-7'], ecNumbers: ['201-622-7'], reason: REPR_ED, foundIn: 'PVC cable insulation, sealants' },
    { name: 'Diisobutyl phthalate (DIBP)', casNumbers: ['84-69-5'], ecNumbers: ['201-553-2'], reason: REPR_ED, foundIn: 'PVC cable insulation' },
    {
      name: 'Alkanes, C10-13, chloro (short-chain chlorinated paraffins, SCCP)',
      casNumbers: ['85535-84-8'],
      ecNumbers: ['287-476-5'],
      reason: PBT_VPVB,
      foundIn: 'flame-retarded cables, sealants, conveyor belts',
    },
    {
      name: 'Medium-chain chlorinated paraffins (MCCP)',
      casNumbers: ['85535-85-9'],
      ecNumbers: ['287-477-0'],
      reason: PBT_VPVB,
      foundIn: 'flame-retarded cables and PVC',
    },
    {
      name: 'Hexabromocyclododecane (HBCDD)',
      casNumbers: ['25637-99-4'],
      ecNumbers: ['247-148-4'],
      reason: 'PBT (Art. 57d)',
      foundIn: 'insulation foam (heat systems), flame-retarded housings',
    },
    {
      name: 'Bis(pentabromophenyl) ether (decabromodiphenyl ether, decaBDE)',
      casNumbers: ['1163-19-5'],
      ecNumbers: ['214-604-9'],
      reason: PBT_VPVB,
      foundIn: 'flame-retarded plastics of electronics and cables',
    },
    {
      name: 'Dechlorane Plus',
      casNumbers: ['13560-89-9'],
      ecNumbers: ['236-948-9'],
      reason: 'vPvB (Art. 57e)',
      foundIn: 'flame-retarded wires and connectors',
    },
    { name: 'N-methyl-2-pyrrolidone (NMP)', casNumbers: ['872-50-4'], ecNumbers: ['212-828-1'], reason: REPR, foundIn: 'electrode slurry of battery cells' },
    {
      name: '4,4′-Isopropylidenediphenol (bisphenol A)',
      casNumbers: ['80-05-7'],
      ecNumbers: ['201-245-8'],
      reason: REPR_ED,
      foundIn: 'polycarbonate and epoxy parts',
    },
    { name: 'Boric acid', casNumbers: ['10043-35-3'], ecNumbers: ['233-139-2'], reason: REPR, foundIn: 'glass fibre, insulation, solar glass' },
    { name: 'Diboron trioxide', casNumbers: ['1303-86-2'], ecNumbers: ['215-125-8'], reason: REPR, foundIn: 'borosilicate glass and glass fibre' },
  ],
};
