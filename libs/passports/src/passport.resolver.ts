import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessTier, canAccess, CurrentPrincipal, type Principal, Public, Roles, tierField } from '@registry/auth';
import { Connection, type GraphQLContext } from '@registry/core';
import { OrganizationModel } from '@registry/organizations';
import type { GraphQLResolveInfo } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ComponentFilter, PassportsArgs } from './dto/passports.args';
import { RegisterPassportInput } from './dto/register-passport.input';
import { IdempotencyKeyHeader } from './idempotency-key.decorator';
import { RevisePassportInput } from './dto/revise-passport.input';
import { ComponentModel, CriticalMaterialModel, type MaterialModel, PassportModel } from './models/passport.model';
import { PassportCriticalMaterials } from './passport-critical-materials';
import { RecycledContentSummaryModel } from './models/recycled-content-summary.model';
import { PassportLoaderFactory } from './passport.loaders';
import { passportReadPartsOf } from './passport-read-parts';
import { PassportService } from './passport.service';
import { toPassportModel } from './passport.mapper';
import { publicRecycledContent, summarizeRecycledContent } from './recycled-content';

const PassportConnection = Connection(PassportModel, { name: 'Passport' });

@Resolver(() => PassportModel)
export class PassportResolver {
  constructor(
    private readonly service: PassportService,
    private readonly loaders: PassportLoaderFactory,
    private readonly critical: PassportCriticalMaterials,
  ) {}

  @Mutation(() => PassportModel, {
    description:
      "Registers a passport with its first revision. MANUFACTURER keys; the GTIN must be under one of the organization's GS1 Company Prefixes. " +
      'An Idempotency-Key HTTP header (1 to 200 printable ASCII characters) makes a retry within 24 hours answer the same passport.',
  })
  @Roles('MANUFACTURER', 'ADMIN')
  async registerPassport(
    @CurrentPrincipal() caller: Principal,
    @Args('input') input: RegisterPassportInput,
    @IdempotencyKeyHeader() idempotencyKey: string | null,
  ): Promise<PassportModel> {
    return toPassportModel(await this.service.register(caller, input, idempotencyKey));
  }

  @Mutation(() => PassportModel, {
    description:
      'Registers the passport of a product repurposed or remanufactured from another (e.g. a second-life battery), linked both ways ' +
      "(the predecessor's SUCCESSOR, this one's PREDECESSOR). MANUFACTURER or SERVICE_PROVIDER keys, the GTIN under one of the organization's " +
      'GS1 Company Prefixes; the predecessor must be published or archived.',
  })
  @Roles('MANUFACTURER', 'SERVICE_PROVIDER', 'ADMIN')
  async registerSuccessor(
    @CurrentPrincipal() caller: Principal,
    @Args('predecessorId', { type: () => ID }) predecessorId: string,
    @Args('input') input: RegisterPassportInput,
  ): Promise<PassportModel> {
    return toPassportModel(await this.service.registerSuccessor(caller, predecessorId, input));
  }

  @Mutation(() => PassportModel, { description: 'Adds an immutable revision. Owner only; CONFLICT when expectedRevision is stale.' })
  @Roles('MANUFACTURER', 'SERVICE_PROVIDER', 'ADMIN')
  async revisePassport(@CurrentPrincipal() caller: Principal, @Args('input') input: RevisePassportInput): Promise<PassportModel> {
    return toPassportModel(await this.service.revise(caller, input));
  }

  @Mutation(() => PassportModel, { description: 'DRAFT -> PUBLISHED. Owner only.' })
  @Roles('MANUFACTURER', 'SERVICE_PROVIDER', 'ADMIN')
  async publishPassport(@CurrentPrincipal() caller: Principal, @Args('passportId', { type: () => ID }) passportId: string): Promise<PassportModel> {
    return toPassportModel(await this.service.publish(caller, passportId));
  }

  @Mutation(() => PassportModel, { description: 'DRAFT or PUBLISHED -> ARCHIVED. Owner only. An archived passport stays readable.' })
  @Roles('MANUFACTURER', 'SERVICE_PROVIDER', 'ADMIN')
  async archivePassport(@CurrentPrincipal() caller: Principal, @Args('passportId', { type: () => ID }) passportId: string): Promise<PassportModel> {
    return toPassportModel(await this.service.archive(caller, passportId));
  }

  @Query(() => PassportModel, { description: 'One passport. Drafts are visible to their owner only.' })
  @Public()
  async passport(
    @CurrentPrincipal() caller: Principal | null,
    @Args('id', { type: () => ID }) id: string,
    @Info() info: GraphQLResolveInfo,
    @Context() context: GraphQLContext,
  ): Promise<PassportModel> {
    // The passport and what its selected fields need, in one statement; their resolvers then find it in the loaders.
    const row = await this.service.read(caller, id, passportReadPartsOf(info));
    this.loaders.prime(context, row);
    return toPassportModel(row);
  }

  @Query(() => PassportConnection, { description: 'Passports, newest first. Drafts are listed for their owner only.' })
  @Public()
  async passports(@CurrentPrincipal() caller: Principal | null, @Args() args: PassportsArgs) {
    const page = await this.service.list(caller, args);
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toPassportModel(edge.node) })) };
  }

  @ResolveField(() => OrganizationModel, tierField(AccessTier.PUBLIC, { nullable: false, description: 'The manufacturer that registered the passport.' }))
  async manufacturer(@Parent() passport: PassportModel, @Context() context: GraphQLContext): Promise<OrganizationModel> {
    const organization = await this.loaders.forContext(context).manufacturer.load(passport.manufacturerId);
    return organization!;
  }

  @ResolveField(() => GraphQLJSONObject, tierField(AccessTier.LEGITIMATE_INTEREST, { description: 'The composition document of the current revision.' }))
  composition(@Parent() passport: PassportModel, @Context() context: GraphQLContext): Promise<Record<string, unknown> | null> {
    return this.loaders.forContext(context).document.load({ passportId: passport.id, revision: passport.revision });
  }

  @ResolveField(
    () => [ComponentModel],
    tierField(AccessTier.LEGITIMATE_INTEREST, { description: 'The component tree with masses, locations and dismantling, in document order.' }),
  )
  async components(
    @Parent() passport: PassportModel,
    @Context() context: GraphQLContext,
    @Args('filter', { type: () => ComponentFilter, nullable: true }) filter: ComponentFilter | null,
  ): Promise<ComponentModel[]> {
    const loaders = this.loaders.forContext(context);
    const components = await loaders.components.load(passport.id);
    if (!filter?.element && !filter?.criticalOnly) return components;
    // By element shares, like Material.elementShares and criticalLists: one query for all materials of the request.
    const holds = async (material: MaterialModel) => {
      const shares = await loaders.elementShares.load(material.id);
      return (
        (!filter.element || shares.some((share) => share.element === filter.element)) &&
        (!filter.criticalOnly || this.critical.ofMaterial(material, shares).length > 0)
      );
    };
    const kept = await Promise.all(components.map(async (component) => (await Promise.all(component.materials.map(holds))).some(Boolean)));
    return components.filter((_, i) => kept[i]);
  }

  @ResolveField(
    () => [CriticalMaterialModel],
    tierField(AccessTier.PUBLIC, {
      description:
        'Critical elements present in the whole product, by element symbol, and whether each is above 0.1 % by weight (their masses: LEGITIMATE_INTEREST).',
    }),
  )
  async criticalMaterials(
    @Parent() passport: PassportModel,
    @Context() context: GraphQLContext,
    @CurrentPrincipal() caller: Principal | null,
  ): Promise<CriticalMaterialModel[]> {
    const loaders = this.loaders.forContext(context);
    const [inputs, linked] = await Promise.all([loaders.criticalInputs.load(passport.id), loaders.linkedContributions.load(passport.id)]);
    const materials = this.critical.fromInputs(passport, inputs);
    // Mass from a linked component passport shows only to callers who may read that passport's composition.
    const withheld = new Map<string, number>();
    for (const contribution of linked.filter((link) => !canAccess(caller, AccessTier.LEGITIMATE_INTEREST, link.linked))) {
      for (const [element, massKg] of Object.entries(contribution.elementMassKg)) withheld.set(element, (withheld.get(element) ?? 0) + massKg);
    }
    if (withheld.size === 0) return materials;
    return materials.map((material) => {
      const hidden = withheld.get(material.element);
      if (hidden === undefined) return material;
      const massKg = Math.max(0, material.massKg - hidden);
      return { ...material, massKg, shareOfProductMass: passport.totalMassKg > 0 ? massKg / passport.totalMassKg : 0, linkedMassWithheld: true };
    });
  }

  @ResolveField(
    () => RecycledContentSummaryModel,
    tierField(AccessTier.PUBLIC, {
      nullable: false,
      description: 'Recycled content of the product as a whole, without masses: to whole percent, unless the caller holds LEGITIMATE_INTEREST on the passport.',
    }),
  )
  async recycledContentSummary(
    @Parent() passport: PassportModel,
    @Context() context: GraphQLContext,
    @CurrentPrincipal() caller: Principal | null,
  ): Promise<RecycledContentSummaryModel> {
    // From the components loader: one query for all passports of the request, shared with the components field.
    const components = await this.loaders.forContext(context).components.load(passport.id);
    const summary = summarizeRecycledContent(components.flatMap((component) => component.materials));
    return canAccess(caller, AccessTier.LEGITIMATE_INTEREST, passport) ? summary : publicRecycledContent(summary);
  }
}
