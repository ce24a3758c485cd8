import { Inject, Injectable } from '@nestjs/common';
import { CompactSign, type JWK } from 'jose';
import { canonicalJson, REVISION_SIGNATURE_TYPE } from '@registry/verification';
import { SIGNING_KEYS, type SigningKeys } from './signing-keys';

/** What the registry signs for a revision: the hash covers everything else. */
export interface RevisionSignaturePayload {
  passportId: string;
  revision: number;
  contentHash: string;
}

/** Signs with the registry's Ed25519 key and publishes the keys that verify its signatures. */
@Injectable()
export class SigningService {
  constructor(@Inject(SIGNING_KEYS) private readonly keys: SigningKeys) {}

  /** kid of the key signing now. */
  get keyId(): string {
    return this.keys.kid;
  }

  /** Compact JWS (EdDSA) whose payload is the RFC 8785 canonical JSON of `payload`; header `{ alg, kid, typ }`. */
  async sign(payload: object, typ: string): Promise<string> {
    return new CompactSign(new TextEncoder().encode(canonicalJson(payload)))
      .setProtectedHeader({ alg: 'EdDSA', kid: this.keys.kid, typ })
      .sign(this.keys.privateKey);
  }

  /** The signature of a revision and the kid that made it, as stored on the revision. */
  async signRevision(payload: RevisionSignaturePayload): Promise<{ signature: string; signingKeyId: string }> {
    const { passportId, revision, contentHash } = payload;
    return { signature: await this.sign({ passportId, revision, contentHash }, REVISION_SIGNATURE_TYPE), signingKeyId: this.keys.kid };
  }

  /** The JWKS served at /.well-known/jwks.json: the current public key first, then retired ones. */
  jwks(): { keys: JWK[] } {
    return { keys: this.keys.publicKeys.map((key) => ({ ...key })) };
  }
}
