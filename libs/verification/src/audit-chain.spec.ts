import { AUDIT_CHAIN_START, type AuditChainProblem, checkAuditChain, hashAuditEvent, type StoredAuditEvent } from './audit-chain';

/** A chain of `count` events as the writer stores them. */
function chain(count: number): StoredAuditEvent[] {
  const events: StoredAuditEvent[] = [];
  let previousHash: string | null = null;
  for (let i = 1; i <= count; i++) {
    const content = {
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      action: 'passport.revised',
      actorOrganizationId: '1b7f8c4d-2e3f-4a51-9bac-1d2e3f4a5b6c',
      actorKeyId: null,
      passportId: '0a6f7b3c-1d2e-4f50-8a9b-0c1d2e3f4a5b',
      revision: i,
      details: { status: 'PUBLISHED', contentHash: String(i).repeat(64).slice(0, 64) },
      draft: false,
      previousHash,
    };
    const hash = hashAuditEvent(content);
    events.push({ ...content, id: String(i), hash });
    previousHash = hash;
  }
  return events;
}

const check = (events: StoredAuditEvent[], pageSize = events.length) => {
  const problems: AuditChainProblem[] = [];
  let state = AUDIT_CHAIN_START;
  for (let i = 0; i < events.length; i += pageSize) state = checkAuditChain(events.slice(i, i + pageSize), state, problems);
  return { problems, state };
};

describe('the audit log hash chain', () => {
  it('accepts a sound chain, read in pages of any size, and ends on the hash of the last event', () => {
    const events = chain(5);
    for (const size of [1, 2, 5]) {
      const { problems, state } = check(events, size);
      expect(problems).toEqual([]);
      expect(state).toEqual({ lastHash: events[4].hash, checked: 5, unchained: 0 });
    }
  });

  it('hashes the same content the same whatever the key order of its details', () => {
    const [event] = chain(1);
    const reordered = { ...event, details: { contentHash: (event.details as any).contentHash, status: 'PUBLISHED' } };
    expect(check([reordered]).problems).toEqual([]);
  });

  it('finds a changed event, a removed one and a reordered pair, naming the event and field', () => {
    const changed = chain(3);
    changed[1] = { ...changed[1], details: { status: 'DRAFT' } };
    expect(check(changed).problems).toEqual([expect.objectContaining({ code: 'HASH_MISMATCH', eventId: '2', field: 'hash' })]);

    const removed = chain(3);
    removed.splice(1, 1);
    expect(check(removed).problems).toEqual([expect.objectContaining({ code: 'CHAIN_BROKEN', eventId: '3', field: 'previousHash' })]);

    const swapped = chain(3);
    [swapped[1], swapped[2]] = [swapped[2], swapped[1]];
    expect(check(swapped).problems.map((p) => [p.code, p.eventId])).toEqual([
      ['CHAIN_BROKEN', '3'],
      ['CHAIN_BROKEN', '2'],
    ]);
  });

  it('accepts unchained events only before the chain starts (the log from before it existed)', () => {
    const legacy: StoredAuditEvent = { ...chain(1)[0], id: '0', hash: null, previousHash: null };
    const events = chain(2);
    expect(check([legacy, ...events])).toEqual({ problems: [], state: { lastHash: events[1].hash, checked: 3, unchained: 1 } });
    const stripped = [...events, { ...chain(3)[2], hash: null }];
    expect(check(stripped).problems).toEqual([expect.objectContaining({ code: 'HASH_MISSING', eventId: '3' })]);
  });
});
