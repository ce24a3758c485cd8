import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { CurrentPrincipal, type Principal, Public } from '@registry/auth';
import { APP_CONFIG, type AppConfig } from '@registry/core';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { PassportLinkService, type PassportQr } from './passport-link.service';
import { publicBaseUrl, setLinkCaching } from './public-base-url';

/**
 * QR codes encoding a passport's GS1 Digital Link, for labels and packaging. Anyone may fetch those of published
 * passports; a draft's only with a key of its owner.
 */
@Controller('passports')
@Public()
export class PassportQrController {
  constructor(
    private readonly links: PassportLinkService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':id/qr.svg')
  async svg(@CurrentPrincipal() caller: Principal | null, @Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    this.send(response, 'image/svg+xml', await this.links.svg(caller, id, publicBaseUrl(this.config.publicBaseUrl, request)));
  }

  @Get(':id/qr.png')
  async png(
    @CurrentPrincipal() caller: Principal | null,
    @Param('id') id: string,
    @Query('size') size: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    this.send(response, 'image/png', await this.links.png(caller, id, publicBaseUrl(this.config.publicBaseUrl, request), size));
  }

  /**
   * A published passport's link never changes (its identity is fixed), so its image may be cached for a day: by
   * anyone with PUBLIC_BASE_URL set, else only by the caller (the link carries the request's host).
   */
  private send(response: Response, type: string, qr: PassportQr<string | Buffer>): void {
    setLinkCaching(response, this.config.publicBaseUrl, qr.isPublic ? 86400 : null);
    response.header('X-Content-Type-Options', 'nosniff');
    void response.type(type === 'image/svg+xml' ? 'image/svg+xml; charset=utf-8' : type).send(qr.content);
  }
}
