import { Inject, Injectable } from '@nestjs/common';
import { SigningService } from '@registry/audit';
import { AccessTier, assertTier, canAccess, type Principal } from '@registry/auth';
import { RegistryError } from '@registry/core';
import { compositionGranteesOf, PassportService } from '@registry/passports';
import { buildCredential, CREDENTIAL_SIGNATURE_TYPE, type ProductPassportCredential } from './credential.builder';
import { CredentialRepository } from './credential.repository';
import { EXPORTS_SETTINGS, type ExportsSettings } from './exports.settings';
import { optionalIdentifiers } from '@registry/verification';

export interface SignedCredential {
  credential: ProductPassportCredential;
  /** The credential secured as a compact JWS (VC-JOSE-COSE): its payload is the credential's canonical JSON. */
  jws: string;
}

@Injectable()
export class CredentialService {
  constructor(
    private readonly passports: PassportService,
    private readonly repository: CredentialRepository,
    private readonly signing: SigningService,
    @Inject(EXPORTS_SETTINGS) private readonly settings: ExportsSettings,
  ) {}

  /**
   * A passport (its current revision, or `revision`) as a signed credential. It carries the composition, so it
   * needs a legitimate interest (owner, recyclers, auditors); an earlier revision is history, for the AUTHORITY tier
   * (auditors) and the owner, like `revisions`. Only revisions that were published have one, even for their owner:
   * a credential is the registry's signed claim of published data, and drafts are not yet a statement.
   */
  async credential(caller: Principal | null, passportId: string, revisionParam?: unknown): Promise<SignedCredential> {
    const requested = parseRevision(revisionParam);
    const passport = await this.passports.get(caller, passportId);
    if (!canAccess(caller, AccessTier.LEGITIMATE_INTEREST, { manufacturerId: passport.manufacturerId, compositionGrantees: compositionGranteesOf(passport) })) {
      throw RegistryError.forbidden(`The credential of a passport carries its composition and needs access tier ${AccessTier.LEGITIMATE_INTEREST}`, {
        requiredTier: AccessTier.LEGITIMATE_INTEREST,
      });
    }
    if (passport.status === 'DRAFT') {
      throw RegistryError.conflict(`Passport ${passport.id} is a DRAFT: credentials are issued for published passports`, { status: passport.status });
    }
    const number = requested ?? passport.revision;
    const current = number === passport.revision;
    if (!current)
      assertTier(caller, AccessTier.AUTHORITY, passport.manufacturerId, `The credential of an earlier revision (${number}) of passport ${passport.id}`);
    const revision = await this.repository.revision(passport.id, number);
    if (!revision) throw RegistryError.notFound('Revision', `${number} of passport ${passport.id}`);
    if (!revision.published) {
      throw RegistryError.conflict(
        `Revision ${number} of passport ${passport.id} was never published: credentials are issued only for revisions that were published`,
        { revision: number, status: 'DRAFT' },
      );
    }

    const archivedAt = passport.status === 'ARCHIVED' ? passport.updatedAt.toISOString() : null;
    const credential = buildCredential({
      issuer: this.settings.publicBaseUrl,
      passport: {
        id: passport.id,
        gtin: passport.gtin,
        ...optionalIdentifiers(passport),
        granularity: passport.granularity,
        cluster: passport.cluster,
        // The status the revision had: the passport's own for the current one (PUBLISHED or ARCHIVED); an earlier
        // revision was PUBLISHED until the next one replaced it (validUntil).
        status: current ? passport.status : 'PUBLISHED',
        manufacturerId: passport.manufacturerId,
        manufacturerName: revision.manufacturerName,
      },
      revision,
      supersededAt: revision.nextRevisionAt ?? archivedAt,
    });
    return { credential, jws: await this.signing.sign(credential, CREDENTIAL_SIGNATURE_TYPE) };
  }
}

function parseRevision(value: unknown): number | null {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || !/^[1-9]\d{0,8}$/.test(value))
    throw RegistryError.invalidField('revision', `must be a revision number (1, 2, ...), got "${value}"`, 'integer');
  return Number(value);
}
