import { Injectable } from '@nestjs/common';
import { CLUSTERS } from '@registry/clusters';
import { OrganizationService } from '@registry/organizations';
import { type CriticalMaterialModel, PassportCriticalMaterials, PassportSectionsService, PassportService } from '@registry/passports';
import type { Passport } from '@registry/prisma-client';
import { digitalLinkUrl } from './digital-link';
import type { PublicCircularity, PublicCriticalMaterial, PublicPassportView } from './public-passport.view';
import { optionalIdentifiers } from '@registry/verification';
import { LruCache } from '@registry/core';

export interface DigitalLinkRequest {
  gtin: string;
  serialNumber?: string | null;
  batchNumber?: string | null;
}

/** Views kept per instance: a few KB each. */
const MAX_VIEWS = 2_000;
/** A view also shows the manufacturer's name, which no passport revision announces: views are rebuilt each minute. */
const VIEW_LIFETIME_MS = 60_000;

/** Builds the PUBLIC view of passports for the GS1 Digital Link resolver. */
@Injectable()
export class PublicPassportService {
  /**
   * Views by passport revision (and status, for archiving): each scan reads only what tells the passport's versions
   * apart (one small prepared statement), so a revised or archived passport shows at once; the whole row, its
   * manufacturer, element totals and recycled content are read again only when that changed. The same view object is
   * answered until the passport changes, so that the controller can keep what it renders from it.
   */
  private readonly views = new LruCache<PublicPassportView>(MAX_VIEWS);

  constructor(
    private readonly passports: PassportService,
    private readonly organizations: OrganizationService,
    private readonly criticalMaterials: PassportCriticalMaterials,
    private readonly sections: PassportSectionsService,
  ) {}

  /** The public view of the PUBLISHED (or ARCHIVED) passport a Digital Link names; NOT_FOUND otherwise. */
  async resolve(link: DigitalLinkRequest, baseUrl: string): Promise<PublicPassportView> {
    const version = await this.passports.findByDigitalLink(link);
    const key = [version.id, version.revision, version.status, version.updatedAt.getTime(), baseUrl, Math.floor(Date.now() / VIEW_LIFETIME_MS)].join(' ');
    return this.views.getOrCompute(key, async () => this.viewOf(await this.passports.get(null, version.id), baseUrl));
  }

  private async viewOf(passport: Passport, baseUrl: string): Promise<PublicPassportView> {
    const [manufacturer, criticalMaterials, recycledContent, sections] = await Promise.all([
      this.organizations.get(passport.manufacturerId),
      this.criticalMaterials.ofPassport(passport),
      this.passports.publicRecycledContentOf(passport.id),
      this.sections.publicSectionsOf(passport),
    ]);
    const identity = {
      granularity: passport.granularity,
      gtin: passport.gtin,
      ...optionalIdentifiers(passport),
    };
    return {
      digitalLink: digitalLinkUrl(baseUrl, identity),
      passportId: passport.id,
      productName: passport.productName,
      ...identity,
      status: passport.status,
      revision: passport.revision,
      updatedAt: passport.updatedAt.toISOString(),
      cluster: { code: passport.cluster, name: CLUSTERS.find((cluster) => cluster.code === passport.cluster)?.name ?? passport.cluster },
      manufacturer: { id: manufacturer.id, name: manufacturer.name },
      criticalMaterials: criticalMaterials.map(presenceOf),
      recycledContent,
      circularity: circularityOf(passport),
      environmentalImpact: sections.environmentalImpact,
      substancesOfConcern: sections.substancesOfConcern,
      battery: sections.battery,
      links: { qrSvg: `${baseUrl}/passports/${passport.id}/qr.svg`, qrPng: `${baseUrl}/passports/${passport.id}/qr.png` },
    };
  }
}

/**
 * Which critical element is present, whether above the threshold, and the lists that flag it (with form and match), as
 * Passport.criticalMaterials answers them (in element symbol order); the masses stay out of the public view.
 */
function presenceOf(material: CriticalMaterialModel): PublicCriticalMaterial {
  return {
    element: material.element,
    elementName: material.elementName,
    aboveReportingThreshold: material.aboveReportingThreshold,
    lists: material.lists.map((flag) => ({
      listId: flag.listId,
      listVersion: flag.listVersion,
      materialName: flag.materialName,
      form: flag.form ?? null,
      match: flag.match,
    })),
  };
}

/**
 * The public circularity of a passport: the Material Circularity Indicator stored on the passport (`mci`) once the
 * circularity calculation has filled it in; null before. The one place to extend when more indicators go public.
 */
export function circularityOf(passport: Pick<Passport, 'mci'>): PublicCircularity | null {
  return passport.mci === null || passport.mci === undefined ? null : { materialCircularityIndicator: passport.mci };
}
