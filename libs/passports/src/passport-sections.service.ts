import { Injectable } from '@nestjs/common';
import { type GraphQLContext, requestScoped } from '@registry/core';
import type { Passport } from '@registry/prisma-client';
import DataLoader from 'dataloader';
import type { BatteryPublicDataModel } from './models/battery.model';
import type { EnvironmentalImpactModel } from './models/environmental-impact.model';
import type { SubstanceOfConcernModel } from './models/substance-of-concern.model';
import { batteryOf, environmentalImpactOf, toSubstanceModel } from './passport-sections';
import { PassportRepository } from './passport.repository';

/** The PUBLIC sections of one passport, as the GS1 page shows them (concentrations left out). */
export interface PublicSections {
  environmentalImpact: EnvironmentalImpactModel | null;
  substancesOfConcern: Omit<SubstanceOfConcernModel, 'concentrationPct' | 'concentrationRange' | 'manufacturerId'>[];
  battery: BatteryPublicDataModel | null;
}

/** Environmental impact, substances of concern and battery data of passports: batched per request, or for one page. */
@Injectable()
export class PassportSectionsService {
  constructor(private readonly passports: PassportRepository) {}

  /** Per passport id, its substances of concern: one query for all passports of a request. */
  substanceLoader(context: GraphQLContext): DataLoader<string, SubstanceOfConcernModel[]> {
    return requestScoped(
      context,
      'passportSubstanceLoader',
      () =>
        new DataLoader<string, SubstanceOfConcernModel[]>(async (passportIds) => {
          const byPassport = new Map<string, SubstanceOfConcernModel[]>(passportIds.map((id) => [id, []]));
          for (const row of await this.passports.findSubstances(passportIds)) byPassport.get(row.passportId)?.push(toSubstanceModel(row));
          return passportIds.map((id) => byPassport.get(id) ?? []);
        }),
    );
  }

  /** The public sections of one passport's current revision (for the GS1 Digital Link page). */
  async publicSectionsOf(passport: Pick<Passport, 'id' | 'revision' | 'cluster' | 'carbonFootprintKgCO2e'>): Promise<PublicSections> {
    const [documents, substances] = await Promise.all([
      this.passports.findDocuments([{ passportId: passport.id, revision: passport.revision }]),
      this.passports.findSubstances([passport.id]),
    ]);
    const document = (documents[0]?.composition ?? null) as Record<string, unknown> | null;
    return {
      environmentalImpact: environmentalImpactOf(document, passport.carbonFootprintKgCO2e),
      // Only the PUBLIC fields: the concentrations are LEGITIMATE_INTEREST.
      substancesOfConcern: substances.map((row) => {
        const { concentrationPct: _pct, concentrationRange: _range, manufacturerId: _owner, ...visible } = toSubstanceModel(row);
        return visible;
      }),
      battery: batteryOf(document, passport.cluster),
    };
  }
}
