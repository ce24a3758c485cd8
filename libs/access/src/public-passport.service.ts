import { Injectable } from '@nestjs/common';
import { CLUSTERS } from '@registry/clusters';
import { CriticalMaterialsService } from '@registry/materials';
import { OrganizationService } from '@registry/organizations';
import { bySymbol, PassportService } from '@registry/passports';
import type { Passport } from '@registry/prisma-client';
import { digitalLinkUrl } from './digital-link';
import { LruCache } from './lru-cache';
import type { PublicCircularity, PublicCriticalMaterial, PublicPassportView } from './public-passport.view';

/** The 0.1 % by weight reporting threshold of the Battery Pass data model, as Passport.criticalMaterials uses it. */
const REPORTING_THRESHOLD = 0.001;

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
   * Views by passport revision (and status, for archiving): each scan still reads the passport row, but not its
   * manufacturer, element totals and recycled content again. The same view object is answered until the passport
   * changes, so that the controller can keep what it renders from it.
   */
  private readonly views = new LruCache<PublicPassportView>(MAX_VIEWS);

  constructor(
    private readonly passports: PassportService,
    private readonly organizations: OrganizationService,
    private readonly criticalMaterials: CriticalMaterialsService,
  ) {}

  /** The public view of the PUBLISHED (or ARCHIVED) passport a Digital Link names; NOT_FOUND otherwise. */
  async resolve(link: DigitalLinkRequest, baseUrl: string): Promise<PublicPassportView> {
    const passport = await this.passports.findByDigitalLink(link);
    const key = [passport.id, passport.revision, passport.status, passport.updatedAt.getTime(), baseUrl, Math.floor(Date.now() / VIEW_LIFETIME_MS)].join(' ');
    return this.views.getOrCompute(key, () => this.viewOf(passport, baseUrl));
  }

  private async viewOf(passport: Passport, baseUrl: string): Promise<PublicPassportView> {
    const [manufacturer, totals, recycledContent] = await Promise.all([
      this.organizations.get(passport.manufacturerId),
      this.passports.elementTotalsOf(passport.id),
      this.passports.publicRecycledContentOf(passport.id),
    ]);
    const identity = {
      granularity: passport.granularity,
      gtin: passport.gtin,
      serialNumber: passport.serialNumber || null,
      batchNumber: passport.batchNumber || null,
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
      criticalMaterials: this.criticalPresence(passport, totals),
      recycledContent,
      circularity: circularityOf(passport),
      links: { qrSvg: `${baseUrl}/passports/${passport.id}/qr.svg`, qrPng: `${baseUrl}/passports/${passport.id}/qr.png` },
    };
  }

  /** Which critical elements are present and whether above the threshold, by element symbol; the masses stay here. */
  private criticalPresence(passport: Passport, totals: { elementSymbol: string; massKg: number }[]): PublicCriticalMaterial[] {
    return totals
      .filter((total) => this.criticalMaterials.flagsFor(total.elementSymbol).length > 0)
      // Not by mass: the order would tell which element is heaviest.
      .sort((a, b) => bySymbol(a.elementSymbol, b.elementSymbol))
      .map((total) => ({
        element: total.elementSymbol,
        elementName: this.criticalMaterials.element(total.elementSymbol)?.name ?? total.elementSymbol,
        aboveReportingThreshold: passport.totalMassKg > 0 && total.massKg / passport.totalMassKg > REPORTING_THRESHOLD,
        lists: this.criticalMaterials.flagsFor(total.elementSymbol).map((flag) => ({ ...flag })),
      }));
  }
}

/**
 * The public circularity of a passport: the Material Circularity Indicator stored on the passport (`mci`) once the
 * circularity calculation has filled it in; null before. The one place to extend when more indicators go public.
 */
export function circularityOf(passport: Pick<Passport, 'mci'>): PublicCircularity | null {
  return passport.mci === null || passport.mci === undefined ? null : { materialCircularityIndicator: passport.mci };
}
