import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '@registry/auth';
import type { FastifyReply as Response } from 'fastify';
import { CredentialService } from './credential.service';

export const VC_JWT_MEDIA_TYPE = 'application/vc+jwt';

@Controller('passports')
export class CredentialController {
  constructor(private readonly credentials: CredentialService) {}

  /** `{ credential, jws }` as JSON, or with `Accept: application/vc+jwt` the JWS alone. */
  @Get(':id/credential')
  async credential(
    @CurrentPrincipal() caller: Principal | null,
    @Param('id') id: string,
    @Query('revision') revision: unknown,
    @Headers('accept') accept: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const signed = await this.credentials.credential(caller, id, revision);
    if (accept?.includes(VC_JWT_MEDIA_TYPE)) void res.type(VC_JWT_MEDIA_TYPE).send(signed.jws);
    else void res.type('application/json; charset=utf-8').send(JSON.stringify(signed));
  }
}
