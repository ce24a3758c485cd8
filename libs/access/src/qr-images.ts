import { Injectable } from '@nestjs/common';
import { qrPng, qrSvg } from './qr-code';
import { LruCache } from '@registry/core';

/**
 * Images kept: at most 7 KB each (a 1024-pixel PNG), so a few MB in all. The key is the encoded Digital Link (which
 * names the passport and never changes for it) with the format and size.
 */
const MAX_IMAGES = 500;

/** QR codes drawn once per link, format and size, and kept in memory (each instance its own: no shared state). */
@Injectable()
export class QrImages {
  private readonly cache = new LruCache<string | Buffer>(MAX_IMAGES);

  svg(link: string): Promise<string> {
    return this.cache.getOrCompute(`svg ${link}`, () => qrSvg(link)) as Promise<string>;
  }

  png(link: string, size: number): Promise<Buffer> {
    return this.cache.getOrCompute(`png ${size} ${link}`, () => qrPng(link, size)) as Promise<Buffer>;
  }
}
