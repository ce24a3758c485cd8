import type { Principal } from '@registry/auth';
import { RegistryError } from '@registry/core';
import type { PassportStatus } from '@registry/prisma-client';

/**
 * The manufacturer a search is limited to, for this caller. Recyclers, service providers and auditors have a legitimate interest in
 * every passport's composition (EU Battery Regulation, Annex XIII) and search them all; a manufacturer searches its own
 * passports only; drafts stay with their owner. Returns the manufacturer id to filter on (null: all of them).
 */
export function searchScope(
  caller: Principal,
  requested: { manufacturerId: string | null; status: PassportStatus },
  fields: { manufacturerId: string; status: string } = { manufacturerId: 'filter.manufacturerId', status: 'filter.status' },
): string | null {
  if (caller.platformAdmin) return requested.manufacturerId;
  if (caller.role === 'MANUFACTURER' && caller.organizationId) {
    if (requested.manufacturerId && requested.manufacturerId !== caller.organizationId) {
      throw RegistryError.forbidden(`A MANUFACTURER key searches its own passports only; ${fields.manufacturerId} names another organization`, {
        field: fields.manufacturerId,
        requiredTier: 'LEGITIMATE_INTEREST',
      });
    }
    return caller.organizationId;
  }
  if (caller.role === 'RECYCLER' || caller.role === 'SERVICE_PROVIDER' || caller.role === 'AUDITOR') {
    if (requested.status === 'DRAFT') {
      throw RegistryError.forbidden('Drafts are visible to their owner only: search PUBLISHED or ARCHIVED passports', {
        field: fields.status,
        requiredTier: 'OWNER',
      });
    }
    return requested.manufacturerId;
  }
  throw RegistryError.forbidden(`Searching materials needs a RECYCLER, SERVICE_PROVIDER, AUDITOR or MANUFACTURER key; yours has role ${caller.role}`, {
    requiredRoles: ['RECYCLER', 'SERVICE_PROVIDER', 'AUDITOR', 'MANUFACTURER'],
  });
}
