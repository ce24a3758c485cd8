import { Field, ObjectType } from '@nestjs/graphql';
import { AccessTier } from '@registry/auth';
import { ApiKeyRole } from '@registry/prisma-client';
import { OrganizationModel } from './organization.model';

@ObjectType('Viewer', { description: 'The caller: the organization and role of the API key sent, or an anonymous caller. Tier: PUBLIC.' })
export class ViewerModel {
  @Field(() => OrganizationModel, { nullable: true, description: "The key's organization; null for anonymous callers and the platform administrator." })
  organization!: OrganizationModel | null;

  @Field(() => ApiKeyRole, { nullable: true, description: "The key's role; null for anonymous callers." })
  role!: ApiKeyRole | null;

  @Field(() => AccessTier, {
    description:
      'The tier the caller holds on every passport, whoever registered it: PUBLIC for anonymous callers, MANUFACTURER and ADMIN keys, ' +
      'LEGITIMATE_INTEREST for RECYCLER and SERVICE_PROVIDER keys, AUTHORITY for AUDITOR keys, OWNER for the platform administrator. ' +
      'On the passports its organization registered, a key holds OWNER.',
  })
  accessTier!: AccessTier;

  @Field({ description: 'Whether the key is the platform administrator key of the environment.' })
  platformAdmin!: boolean;
}
