import { Global, Module } from '@nestjs/common';
import { OrganisationAccess } from './organisation-access.service';

/** The access policies' providers: the parts that load a row before the policy answers for it. */
@Global()
@Module({ providers: [OrganisationAccess], exports: [OrganisationAccess] })
export class PoliciesModule {}
