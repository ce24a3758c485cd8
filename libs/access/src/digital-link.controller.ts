import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { Public } from '@registry/auth';
import { APP_CONFIG, type AppConfig, mapError } from '@registry/core';
import accepts from 'accepts';
import { createHash } from 'node:crypto';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { PAGE_CSP, renderErrorPage, renderPublicPassportPage } from './public-passport.html';
import { type DigitalLinkRequest, PublicPassportService } from './public-passport.service';
import type { PublicPassportView } from './public-passport.view';
import { addVary, publicBaseUrl, setLinkCaching } from './public-base-url';
import { QrImages } from './qr-images';

const JSON_TYPES = ['application/json', 'application/ld+json'];

/** A body rendered from a view, with its entity tag. */
interface Rendered {
  body: string;
  etag: string;
}

/**
 * What was rendered from a view, by media type, kept as long as the service keeps the view (it answers the same
 * object until the passport changes).
 */
const rendered = new WeakMap<PublicPassportView, Map<string, Rendered>>();

async function renderedAs(view: PublicPassportView, type: string, render: () => string | Promise<string>): Promise<Rendered> {
  let byType = rendered.get(view);
  if (!byType) rendered.set(view, (byType = new Map()));
  let entry = byType.get(type);
  if (!entry) {
    const body = await render();
    // A strong tag of this representation: its bytes and its media type.
    entry = { body, etag: `"${createHash('sha256').update(type).update('\n').update(body).digest('base64url').slice(0, 27)}"` };
    byType.set(type, entry);
  }
  return entry;
}

/** Whether an If-None-Match header names `etag` (or `*`): the client holds this very representation. */
function matchesIfNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const tags = (Array.isArray(header) ? header.join(',') : header).split(',').map((tag) => tag.trim());
  return tags.some((tag) => tag === '*' || tag === etag || tag === `W/${etag}`);
}

/**
 * The GS1 Digital Link resolver: `/01/{gtin}` (MODEL), `/01/{gtin}/10/{batch}` (BATCH), `/01/{gtin}/21/{serial}`
 * and `/01/{gtin}/10/{batch}/21/{serial}` (ITEM) answer the PUBLIC view of the passport, as JSON when the Accept
 * header asks for it, else as a small HTML page for people who scanned a QR code.
 */
@Controller('01')
@Public()
export class DigitalLinkController {
  constructor(
    private readonly passports: PublicPassportService,
    private readonly qrImages: QrImages,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':gtin')
  model(@Param('gtin') gtin: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.answer({ gtin }, request, response);
  }

  @Get(':gtin/10/:batch')
  batch(@Param('gtin') gtin: string, @Param('batch') batchNumber: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.answer({ gtin, batchNumber }, request, response);
  }

  @Get(':gtin/21/:serial')
  item(@Param('gtin') gtin: string, @Param('serial') serialNumber: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.answer({ gtin, serialNumber }, request, response);
  }

  @Get(':gtin/10/:batch/21/:serial')
  itemOfBatch(
    @Param('gtin') gtin: string,
    @Param('batch') batchNumber: string,
    @Param('serial') serialNumber: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.answer({ gtin, batchNumber, serialNumber }, request, response);
  }

  /** JSON clients get errors from the global filter, like every other route; browsers get a page saying what failed. */
  private async answer(link: DigitalLinkRequest, request: Request, response: Response): Promise<void> {
    const type = accepts(request.raw).type(['text/html', ...JSON_TYPES]);
    const json = typeof type === 'string' && JSON_TYPES.includes(type) ? type : null;
    addVary(response, 'Accept');
    response.header('X-Content-Type-Options', 'nosniff');
    if (!json) response.header('Content-Security-Policy', PAGE_CSP);
    let view: PublicPassportView;
    try {
      view = await this.passports.resolve(link, publicBaseUrl(this.config.publicBaseUrl, request));
    } catch (error) {
      if (json) throw error;
      const mapped = mapError(error, request.url);
      void response.code(mapped.status).type('text/html; charset=utf-8').send(renderErrorPage(mapped.status, mapped.message));
      return;
    }
    // The canonical link has the 14-digit GTIN, whichever form was scanned.
    response.header('Link', `<${view.digitalLink}>; rel="canonical"`);
    setLinkCaching(response, this.config.publicBaseUrl, 60);
    const mediaType = json ?? 'text/html';
    const { body, etag } = await renderedAs(view, mediaType, async () =>
      json ? JSON.stringify(view) : renderPublicPassportPage(view, await this.qrImages.svg(view.digitalLink)),
    );
    response.header('ETag', etag);
    // A client revalidating what it holds gets 304 without the body while the passport is unchanged.
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) void response.code(304).send();
    else void response.type(`${mediaType}; charset=utf-8`).send(body);
  }
}
