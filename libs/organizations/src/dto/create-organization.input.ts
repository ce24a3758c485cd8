import { Field, InputType } from '@nestjs/graphql';
import { OrganizationKind } from '@registry/prisma-client';

@InputType()
export class CreateOrganizationInput {
  @Field({ description: 'Unique name, 1 to 200 characters.' })
  name!: string;

  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Field(() => String, { nullable: true, description: 'COROP region code, CR01 to CR40.' })
  corop?: string | null;

  @Field(() => String, { nullable: true, description: 'SBI sector code: two digits, optionally followed by more, e.g. "26" or "27.11".' })
  sbiCode?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Verified GS1 Company Prefixes (6 to 12 digits, GTIN-13 form), e.g. ["8712345"]. A prefix belongs to one organization. ' +
      'A MANUFACTURER registers passports only for GTINs under its prefixes.',
  })
  gs1CompanyPrefixes?: string[] | null;
}
