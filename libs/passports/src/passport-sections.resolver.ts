import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessTier, Public, tierField } from '@registry/auth';
import { CANDIDATE_LISTS } from '@registry/chemistry';
import type { GraphQLContext } from '@registry/core';
import { BatteryPublicDataModel } from './models/battery.model';
import { EnvironmentalImpactModel } from './models/environmental-impact.model';
import { PassportModel } from './models/passport.model';
import { SubstanceOfConcernListModel, SubstanceOfConcernModel } from './models/substance-of-concern.model';
import { batteryOf, environmentalImpactOf } from './passport-sections';
import { PassportSectionsService } from './passport-sections.service';
import { PassportLoaderFactory } from './passport.loaders';

/** Passport's public sections of composition 1.2: environmental impact, substances of concern, battery data. */
@Resolver(() => PassportModel)
export class PassportSectionsResolver {
  constructor(
    private readonly loaders: PassportLoaderFactory,
    private readonly sections: PassportSectionsService,
  ) {}

  @Query(() => [SubstanceOfConcernListModel], { description: 'The REACH Candidate List extracts the registry flags substances of concern with.' })
  @Public()
  substanceOfConcernLists(): SubstanceOfConcernListModel[] {
    return CANDIDATE_LISTS.map((list) => ({ ...list, entries: [...list.entries] }));
  }

  @ResolveField(
    () => EnvironmentalImpactModel,
    tierField(AccessTier.PUBLIC, {
      nullable: true,
      description:
        'Carbon footprint, water and energy use of the product and its components (composition 1.2; ESPR 2024/1781 Annex I); null when none is declared.',
    }),
  )
  async environmentalImpact(@Parent() passport: PassportModel, @Context() context: GraphQLContext): Promise<EnvironmentalImpactModel | null> {
    const document = await this.loaders.forContext(context).document.load({ passportId: passport.id, revision: passport.revision });
    return environmentalImpactOf(document, passport.carbonFootprintKgCO2e ?? null);
  }

  @ResolveField(
    () => [SubstanceOfConcernModel],
    tierField(AccessTier.PUBLIC, {
      description:
        'Substances of concern in the product, in document order (ESPR Art. 7(5)): names, identifiers, locations and presence are public, ' +
        'concentrations LEGITIMATE_INTEREST. One query for all passports of a request.',
    }),
  )
  async substancesOfConcern(@Parent() passport: PassportModel, @Context() context: GraphQLContext): Promise<SubstanceOfConcernModel[]> {
    const substances = await this.sections.substanceLoader(context).load(passport.id);
    // The concentrations follow the passport's composition access.
    return passport.compositionGrantees ? substances.map((substance) => ({ ...substance, compositionGrantees: passport.compositionGrantees })) : substances;
  }

  @ResolveField(
    () => BatteryPublicDataModel,
    tierField(AccessTier.PUBLIC, {
      nullable: true,
      description: 'The public battery passport data (Regulation (EU) 2023/1542, Annex XIII point 1) of a BATTERY passport; null for other clusters.',
    }),
  )
  async battery(@Parent() passport: PassportModel, @Context() context: GraphQLContext): Promise<BatteryPublicDataModel | null> {
    if (passport.cluster !== 'BATTERY') return null;
    const document = await this.loaders.forContext(context).document.load({ passportId: passport.id, revision: passport.revision });
    return batteryOf(document, passport.cluster);
  }
}
