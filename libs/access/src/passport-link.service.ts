import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/auth';
import { RegistryError } from '@registry/core';
import { PassportService } from '@registry/passports';
import { digitalLinkUrl } from './digital-link';
import { PNG_SIZE, qrPng, qrSvg } from './qr-code';

export interface PassportQr<T> {
  content: T;
  /** Whether anyone may see the passport (PUBLISHED or ARCHIVED), so that the image may be cached publicly. */
  isPublic: boolean;
}

/** QR codes of passports, encoding their GS1 Digital Link. */
@Injectable()
export class PassportLinkService {
  constructor(private readonly passports: PassportService) {}

  /** The Digital Link of a passport the caller may see (a draft only for its owner; NOT_FOUND otherwise). */
  async digitalLinkOf(caller: Principal | null, passportId: string, baseUrl: string): Promise<{ url: string; isPublic: boolean }> {
    const passport = await this.passports.get(caller, passportId);
    const url = digitalLinkUrl(baseUrl, {
      granularity: passport.granularity,
      gtin: passport.gtin,
      serialNumber: passport.serialNumber || null,
      batchNumber: passport.batchNumber || null,
    });
    return { url, isPublic: passport.status !== 'DRAFT' };
  }

  async svg(caller: Principal | null, passportId: string, baseUrl: string): Promise<PassportQr<string>> {
    const { url, isPublic } = await this.digitalLinkOf(caller, passportId, baseUrl);
    return { content: await qrSvg(url), isPublic };
  }

  async png(caller: Principal | null, passportId: string, baseUrl: string, size: string | undefined): Promise<PassportQr<Buffer>> {
    const pixels = size === undefined || size === '' ? PNG_SIZE.default : Number(size);
    if (!Number.isInteger(pixels) || pixels < PNG_SIZE.min || pixels > PNG_SIZE.max) {
      throw RegistryError.invalidField('size', `must be a whole number of pixels from ${PNG_SIZE.min} to ${PNG_SIZE.max}, got "${size}"`, 'range');
    }
    const { url, isPublic } = await this.digitalLinkOf(caller, passportId, baseUrl);
    return { content: await qrPng(url, pixels), isPublic };
  }
}
