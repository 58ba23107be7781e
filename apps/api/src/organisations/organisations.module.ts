import { AuthModule } from '../auth/auth.module';
import { Module } from '@nestjs/common';
import { PeopleController } from '../people/people.controller';
import { PeopleService } from '../people/people.service';
import { EnterprisesController } from './enterprises.controller';
import { EnterprisesService } from './enterprises.service';
import { RegistrationService } from './registration.service';
import { SchoolsController } from './schools.controller';
import { SchoolsService } from './schools.service';

@Module({
  imports: [AuthModule],
  controllers: [EnterprisesController, SchoolsController, PeopleController],
  providers: [EnterprisesService, RegistrationService, SchoolsService, PeopleService],
})
export class OrganisationsModule {}
