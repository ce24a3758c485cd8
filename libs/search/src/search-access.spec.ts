import type { Principal } from '@registry/auth';
import { RegistryError } from '@registry/core';
import { searchScope } from './search-access';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const principal = (role: Principal['role'], kind: Principal['organizationKind']): Principal => ({
  apiKeyId: 'k',
  organizationId: ORG,
  organizationKind: kind,
  role,
  platformAdmin: false,
});
const codeOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    return (error as RegistryError).code;
  }
  return 'no error';
};

describe('searchScope', () => {
  it('lets recyclers and auditors search every manufacturer, or the one they name', () => {
    for (const caller of [principal('RECYCLER', 'RECYCLER'), principal('AUDITOR', 'AUTHORITY')]) {
      expect(searchScope(caller, { manufacturerId: null, status: 'PUBLISHED' })).toBeNull();
      expect(searchScope(caller, { manufacturerId: OTHER, status: 'ARCHIVED' })).toBe(OTHER);
      expect(codeOf(() => searchScope(caller, { manufacturerId: null, status: 'DRAFT' }))).toBe('FORBIDDEN');
    }
  });

  it('limits a manufacturer to its own organization, drafts included', () => {
    const maker = principal('MANUFACTURER', 'MANUFACTURER');
    expect(searchScope(maker, { manufacturerId: null, status: 'DRAFT' })).toBe(ORG);
    expect(searchScope(maker, { manufacturerId: ORG, status: 'PUBLISHED' })).toBe(ORG);
    expect(codeOf(() => searchScope(maker, { manufacturerId: OTHER, status: 'PUBLISHED' }))).toBe('FORBIDDEN');
  });

  it('leaves the platform administrator unrestricted and refuses organization ADMIN keys', () => {
    const admin: Principal = { apiKeyId: null, organizationId: null, organizationKind: null, role: 'ADMIN', platformAdmin: true };
    expect(searchScope(admin, { manufacturerId: null, status: 'DRAFT' })).toBeNull();
    expect(codeOf(() => searchScope(principal('ADMIN', 'RECYCLER'), { manufacturerId: null, status: 'PUBLISHED' }))).toBe('FORBIDDEN');
  });
});
