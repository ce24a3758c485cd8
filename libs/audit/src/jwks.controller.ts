import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@registry/auth';
import type { JWK } from 'jose';
import { SigningService } from './signing.service';

@Controller('.well-known')
export class JwksController {
  constructor(private readonly signing: SigningService) {}

  /** The public keys that verify the registry's signatures (current and retired), for anyone. */
  @Get('jwks.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  jwks(): { keys: JWK[] } {
    return this.signing.jwks();
  }
}
