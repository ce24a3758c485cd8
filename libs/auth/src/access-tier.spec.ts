import type { MiddlewareContext } from '@nestjs/graphql';
import { RegistryError } from '@registry/core';
import { AccessTier, assertTier, canAccess, requireTier, tierField, tierOfDescription, tierOfMiddleware, tierOnEveryPassport, tiersOf } from './access-tier';
import { PLATFORM_ADMIN, type Principal } from './principal';

const OWNER_ORG = '11111111-1111-4111-8111-111111111111';
const OTHER_ORG = '22222222-2222-4222-8222-222222222222';

function key(kind: Principal['organizationKind'], role: Principal['role'], organizationId = OTHER_ORG): Principal {
  return { apiKeyId: 'k', organizationId, organizationKind: kind, role, platformAdmin: false };
}

const CALLERS: Record<string, Principal | null> = {
  anonymous: null,
  owner: key('MANUFACTURER', 'MANUFACTURER', OWNER_ORG),
  ownerAdmin: key('MANUFACTURER', 'ADMIN', OWNER_ORG),
  otherManufacturer: key('MANUFACTURER', 'MANUFACTURER'),
  recycler: key('RECYCLER', 'RECYCLER'),
  recyclerAdmin: key('RECYCLER', 'ADMIN'),
  auditor: key('AUDITOR', 'AUDITOR'),
  authority: key('AUTHORITY', 'AUDITOR'),
  platformAdmin: PLATFORM_ADMIN,
};

describe('tierOnEveryPassport', () => {
  // The tier a caller holds whoever registered the passport: an owner's own passports do not count.
  it.each([
    ['anonymous', 'PUBLIC'],
    ['owner', 'PUBLIC'],
    ['ownerAdmin', 'PUBLIC'],
    ['recycler', 'LEGITIMATE_INTEREST'],
    ['recyclerAdmin', 'PUBLIC'],
    ['auditor', 'AUTHORITY'],
    ['authority', 'AUTHORITY'],
    ['platformAdmin', 'OWNER'],
  ])('%s holds %s', (caller, tier) => {
    expect(tierOnEveryPassport(CALLERS[caller])).toBe(tier);
  });
});

describe('canAccess', () => {
  // The tiers each caller holds on a passport of OWNER_ORG.
  it.each([
    ['anonymous', ['PUBLIC']],
    ['owner', ['PUBLIC', 'LEGITIMATE_INTEREST', 'AUTHORITY', 'OWNER']],
    ['ownerAdmin', ['PUBLIC', 'LEGITIMATE_INTEREST', 'AUTHORITY', 'OWNER']],
    ['otherManufacturer', ['PUBLIC']],
    ['recycler', ['PUBLIC', 'LEGITIMATE_INTEREST']],
    ['recyclerAdmin', ['PUBLIC']],
    ['auditor', ['PUBLIC', 'LEGITIMATE_INTEREST', 'AUTHORITY']],
    ['authority', ['PUBLIC', 'LEGITIMATE_INTEREST', 'AUTHORITY']],
    ['platformAdmin', ['PUBLIC', 'LEGITIMATE_INTEREST', 'AUTHORITY', 'OWNER']],
  ])('%s holds %j', (caller, tiers) => {
    expect(tiersOf(CALLERS[caller], OWNER_ORG)).toEqual(tiers);
  });

  // On a passport whose owner restricted its composition to GRANTED_ORG: only RECYCLER and SERVICE_PROVIDER keys lose LEGITIMATE_INTEREST.
  const GRANTED_ORG = '33333333-3333-4333-8333-333333333333';
  const restricted = { manufacturerId: OWNER_ORG, compositionGrantees: [GRANTED_ORG] };
  it.each([
    ['owner', ['PUBLIC', 'LEGITIMATE_INTEREST', 'AUTHORITY', 'OWNER']],
    ['recycler', ['PUBLIC']],
    ['auditor', ['PUBLIC', 'LEGITIMATE_INTEREST', 'AUTHORITY']],
    ['authority', ['PUBLIC', 'LEGITIMATE_INTEREST', 'AUTHORITY']],
    ['platformAdmin', ['PUBLIC', 'LEGITIMATE_INTEREST', 'AUTHORITY', 'OWNER']],
  ])('on a restricted passport, %s holds %j', (caller, tiers) => {
    expect(tiersOf(CALLERS[caller], restricted)).toEqual(tiers);
  });

  it('gives a granted recycler or service provider LEGITIMATE_INTEREST on a restricted passport, and a granted manufacturer nothing more', () => {
    expect(tiersOf(key('RECYCLER', 'RECYCLER', GRANTED_ORG), restricted)).toEqual(['PUBLIC', 'LEGITIMATE_INTEREST']);
    expect(tiersOf(key('SERVICE_PROVIDER', 'SERVICE_PROVIDER', GRANTED_ORG), restricted)).toEqual(['PUBLIC', 'LEGITIMATE_INTEREST']);
    expect(tiersOf(key('MANUFACTURER', 'MANUFACTURER', GRANTED_ORG), restricted)).toEqual(['PUBLIC']);
    expect(tiersOf(key('RECYCLER', 'RECYCLER'), { manufacturerId: OWNER_ORG, compositionGrantees: [] })).toEqual(['PUBLIC']);
    expect(tiersOf(key('RECYCLER', 'RECYCLER'), { manufacturerId: OWNER_ORG, compositionGrantees: null })).toEqual(['PUBLIC', 'LEGITIMATE_INTEREST']);
  });

  it('makes nobody the owner of a source without an owner id', () => {
    expect(canAccess(CALLERS.owner, AccessTier.OWNER, undefined)).toBe(false);
    expect(canAccess(CALLERS.owner, AccessTier.LEGITIMATE_INTEREST, null)).toBe(false);
    expect(canAccess(CALLERS.recycler, AccessTier.LEGITIMATE_INTEREST, undefined)).toBe(true);
  });

  it('does not make a non-manufacturer organization the owner, even with a matching id', () => {
    expect(canAccess(key('RECYCLER', 'RECYCLER', OWNER_ORG), AccessTier.OWNER, OWNER_ORG)).toBe(false);
  });

  it('refuses with FORBIDDEN naming the tier in assertTier', () => {
    expect(() => assertTier(CALLERS.recycler, AccessTier.AUTHORITY, OWNER_ORG, 'The audit log')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: 'The audit log needs access tier AUTHORITY', extensions: { requiredTier: 'AUTHORITY' } }),
    );
    expect(() => assertTier(CALLERS.auditor, AccessTier.AUTHORITY, OWNER_ORG, 'The audit log')).not.toThrow();
  });
});

describe('requireTier', () => {
  const info = { parentType: { name: 'Passport' }, fieldName: 'composition' };
  const run = (caller: Principal | null, source: { manufacturerId?: string } = { manufacturerId: OWNER_ORG }) =>
    requireTier(AccessTier.LEGITIMATE_INTEREST)(
      { source, args: {}, context: { req: { principal: caller } }, info } as unknown as MiddlewareContext,
      async () => 'the value',
    );

  it('resolves the field for callers holding the tier', async () => {
    await expect(run(CALLERS.recycler)).resolves.toBe('the value');
    await expect(run(CALLERS.owner)).resolves.toBe('the value');
  });

  it('throws FORBIDDEN naming the field and the tier for the others, anonymous callers included', async () => {
    for (const caller of [null, CALLERS.otherManufacturer]) {
      let error: unknown;
      try {
        await run(caller);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RegistryError);
      expect(error).toMatchObject({
        code: 'FORBIDDEN',
        message: 'The field Passport.composition needs access tier LEGITIMATE_INTEREST',
        extensions: { requiredTier: 'LEGITIMATE_INTEREST', field: 'Passport.composition' },
      });
    }
  });

  it('treats a context without a request as anonymous', async () => {
    const middleware = requireTier(AccessTier.OWNER);
    await expect(
      Promise.resolve().then(() =>
        middleware({ source: { manufacturerId: OWNER_ORG }, args: {}, context: {}, info } as unknown as MiddlewareContext, async () => 1),
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('says which tier it enforces', () => {
    expect(tierOfMiddleware(requireTier(AccessTier.AUTHORITY))).toBe(AccessTier.AUTHORITY);
  });
});

describe('tierField', () => {
  it('states the tier in the description, and above PUBLIC enforces it on a nullable field', () => {
    const options = tierField(AccessTier.LEGITIMATE_INTEREST, { description: 'Total mass.' });
    expect(options.description).toBe('Total mass. Tier: LEGITIMATE_INTEREST.');
    expect(options.nullable).toBe(true);
    expect(options.middleware!.map(tierOfMiddleware)).toEqual([AccessTier.LEGITIMATE_INTEREST]);
    expect(tierField(AccessTier.AUTHORITY, { nullable: 'items' }).nullable).toBe('itemsAndList');
    expect(tierField(AccessTier.AUTHORITY, { nullable: false }).nullable).toBe(true);
  });

  it('leaves a PUBLIC field as declared, with the tier in its description', () => {
    expect(tierField(AccessTier.PUBLIC, { nullable: false })).toEqual({ nullable: false, description: 'Tier: PUBLIC.' });
  });

  it('reads the tier back from descriptions, in either form', () => {
    expect(tierOfDescription('Total mass. Tier: LEGITIMATE_INTEREST.')).toBe('LEGITIMATE_INTEREST');
    expect(tierOfDescription('The revisions. Tier: AUTHORITY (and the owner).')).toBe('AUTHORITY');
    expect(tierOfDescription('No tier here.')).toBeUndefined();
    expect(tierOfDescription('Tier: SECRET.')).toBeUndefined();
  });
});
