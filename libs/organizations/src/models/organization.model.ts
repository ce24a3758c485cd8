import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganizationKind } from '@registry/prisma-client';

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description:
    'MANUFACTURER registers passports; RECYCLER reads compositions (legitimate interest); AUDITOR and AUTHORITY audit and export; ' +
    'SERVICE_PROVIDER (repairers, refurbishers, remanufacturers, operators) records lifecycle events and reads compositions (legitimate interest).',
});

@ObjectType('Organization', { description: 'A company or body taking part in the registry. Tier: PUBLIC.' })
export class OrganizationModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Field(() => String, { nullable: true, description: "COROP region (CR01-CR40) of the organization's site." })
  corop!: string | null;

  @Field(() => String, { nullable: true, description: 'Dutch SBI sector code, e.g. "26" (electronics).' })
  sbiCode!: string | null;

  @Field()
  createdAt!: Date;

  /** Resolved by OrganizationResolver.gs1CompanyPrefixes (batched per request). */
  gs1CompanyPrefixes?: string[];
}
