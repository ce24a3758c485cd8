import { Module } from '@nestjs/common';
import { MaterialsModule } from '@registry/materials';
import { OrganizationsModule } from '@registry/organizations';
import { PassportsModule } from '@registry/passports';
import { DigitalLinkController } from './digital-link.controller';
import { PassportLinkService } from './passport-link.service';
import { PassportQrController } from './passport-qr.controller';
import { PublicPassportService } from './public-passport.service';
import { QrImages } from './qr-images';

/** Product identifiers and data carriers: the GS1 Digital Link resolver with its public view, and QR codes. */
@Module({
  imports: [PassportsModule, MaterialsModule, OrganizationsModule],
  controllers: [DigitalLinkController, PassportQrController],
  providers: [PublicPassportService, PassportLinkService, QrImages],
  exports: [PublicPassportService, PassportLinkService],
})
export class AccessModule {}
