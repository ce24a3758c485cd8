import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/auth';
import { auditActorOf, isUuid, RegistryError } from '@registry/core';
import { OrganizationService } from '@registry/organizations';
import type { Passport } from '@registry/prisma-client';
import { CompositionAccessRepository } from './composition-access.repository';
import type { CompositionAccessInput } from './dto/composition-access.input';
import { PassportService } from './passport.service';

/** At most this many organizations granted on one passport. */
export const MAX_COMPOSITION_GRANTEES = 100;

/** setCompositionAccess: the owner restricts its passport's composition to the organizations it names. */
@Injectable()
export class CompositionAccessService {
  constructor(
    private readonly passports: PassportService,
    private readonly organizations: OrganizationService,
    private readonly repository: CompositionAccessRepository,
  ) {}

  async set(caller: Principal, passportId: string, input: CompositionAccessInput): Promise<Passport> {
    const organizationIds = [...new Set((input.organizationIds ?? []).map((id) => id.trim().toLowerCase()))];
    if (!input.restricted && organizationIds.length > 0) {
      throw RegistryError.invalidField('input.organizationIds', 'must be empty when the composition is not restricted', 'restricted');
    }
    if (organizationIds.length > MAX_COMPOSITION_GRANTEES) {
      throw RegistryError.invalidField('input.organizationIds', `names at most ${MAX_COMPOSITION_GRANTEES} organizations`, 'maxItems');
    }
    const malformed = organizationIds.findIndex((id) => !isUuid(id));
    if (malformed >= 0) throw RegistryError.invalidField(`input.organizationIds.${malformed}`, 'is not an organization id', 'uuid');
    const passport = await this.passports.get(caller, passportId);
    if (!caller.platformAdmin && caller.organizationId !== passport.manufacturerId) {
      throw RegistryError.forbidden(`Passport ${passportId} belongs to another manufacturer; only its owner can change who reads its composition`, {
        requiredTier: 'OWNER',
      });
    }
    const found = await this.organizations.getMany(organizationIds);
    const unknown = found.findIndex((organization) => organization === null);
    if (unknown >= 0) {
      throw RegistryError.invalidField(`input.organizationIds.${unknown}`, `names no organization (${organizationIds[unknown]})`, 'exists');
    }
    return this.repository.set(passport.id, { restricted: input.restricted, organizationIds }, auditActorOf(caller));
  }
}
