import { Global, Module } from '@nestjs/common';
import { OrganisationAccess } from './organisation-access.service';

@Global()
@Module({ providers: [OrganisationAccess], exports: [OrganisationAccess] })
export class TenancyModule {}
