import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/auth';
import { RegistryError } from '@registry/core';
import { PassportService } from '@registry/passports';
import { digitalLinkUrl } from './digital-link';
import { DEFAULT_PNG_SIZE, PNG_SIZES } from './qr-code';
import { QrImages } from './qr-images';
import { optionalIdentifiers } from '@registry/verification';

export interface PassportQr<T> {
  content: T;
  /** Whether anyone may see the passport (PUBLISHED or ARCHIVED), so that the image may be cached publicly. */
  isPublic: boolean;
}

/** QR codes of passports, encoding their GS1 Digital Link. */
@Injectable()
export class PassportLinkService {
  constructor(
    private readonly passports: PassportService,
    private readonly images: QrImages,
  ) {}

  /** The Digital Link of a passport the caller may see (a draft only for its owner; NOT_FOUND otherwise). */
  async digitalLinkOf(caller: Principal | null, passportId: string, baseUrl: string): Promise<{ url: string; isPublic: boolean }> {
    const passport = await this.passports.get(caller, passportId);
    const url = digitalLinkUrl(baseUrl, {
      granularity: passport.granularity,
      gtin: passport.gtin,
      ...optionalIdentifiers(passport),
    });
    return { url, isPublic: passport.status !== 'DRAFT' };
  }

  async svg(caller: Principal | null, passportId: string, baseUrl: string): Promise<PassportQr<string>> {
    const { url, isPublic } = await this.digitalLinkOf(caller, passportId, baseUrl);
    return { content: await this.images.svg(url), isPublic };
  }

  async png(caller: Principal | null, passportId: string, baseUrl: string, size: string | undefined): Promise<PassportQr<Buffer>> {
    // Checked before anything is looked up or drawn: only the offered sizes are drawn (and cached).
    const pixels = size === undefined || size === '' ? DEFAULT_PNG_SIZE : Number(size);
    if (!(PNG_SIZES as readonly number[]).includes(pixels)) {
      throw RegistryError.invalidField('size', `must be one of ${PNG_SIZES.join(', ')} (pixels), got "${size}"`, 'enum');
    }
    const { url, isPublic } = await this.digitalLinkOf(caller, passportId, baseUrl);
    return { content: await this.images.png(url, pixels), isPublic };
  }
}
