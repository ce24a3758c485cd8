import { isValidCasNumber } from '@registry/composition';
import { CANDIDATE_LIST, candidateListEntry } from './candidate-list';
import { isValidEcNumber } from './ec-number';
import { CANDIDATE_LIST_2026_01 } from './reference-data/candidate-list.2026-01';

const entries = CANDIDATE_LIST_2026_01.entries;

describe('REACH candidate list extract 2026-01', () => {
  it.each(entries.flatMap((entry) => entry.casNumbers.map((cas) => [cas, entry.name])))('CAS %s (%s) has a valid check digit', (cas) => {
    expect(isValidCasNumber(cas)).toBe(true);
  });

  it.each(entries.flatMap((entry) => entry.ecNumbers.map((ec) => [ec, entry.name])))('EC %s (%s) has a valid check digit', (ec) => {
    expect(isValidEcNumber(ec)).toBe(true);
  });

  it('names each number once and every entry by at least one number', () => {
    const numbers = entries.flatMap((entry) => [...entry.casNumbers, ...entry.ecNumbers]);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const entry of entries) expect(entry.casNumbers.length + entry.ecNumbers.length).toBeGreaterThan(0);
  });

  it('is the list in force and finds entries by CAS or EC number', () => {
    expect(CANDIDATE_LIST.id).toBe('REACH-CANDIDATE-2026-01');
    expect(candidateListEntry({ casNumber: '7439-92-1' })?.name).toBe('Lead');
    expect(candidateListEntry({ ecNumber: '287-476-5' })?.name).toContain('SCCP');
    expect(candidateListEntry({ casNumber: '7429-90-5', ecNumber: '231-152-8' })?.name).toBe('Cadmium');
    expect(candidateListEntry({ casNumber: '7429-90-5' })).toBeUndefined();
    expect(candidateListEntry({})).toBeUndefined();
  });

  it('covers what the clusters meet: lead, cadmium, DEHP, chlorinated paraffins, brominated flame retardants', () => {
    for (const cas of ['7439-92-1', '7440-43-9', '117-81-7', '85535-84-8', '25637-99-4', '1163-19-5'])
      expect(candidateListEntry({ casNumber: cas })).toBeDefined();
  });
});
