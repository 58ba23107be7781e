import { Global, Module } from '@nestjs/common';
import { MajorsController } from './majors.controller';
import { MajorsService } from './majors.service';

/** 专业: the national vocational major catalogue as reference data (the import is the imports module's). */
@Global()
@Module({ controllers: [MajorsController], providers: [MajorsService], exports: [MajorsService] })
export class MajorsModule {}
