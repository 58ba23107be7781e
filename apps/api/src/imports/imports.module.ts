import { Module } from '@nestjs/common';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** 批量导入: school people and officers' headcounts from spreadsheets, all rows or none (worker-run). */
@Module({ controllers: [ImportsController], providers: [ImportsService] })
export class ImportsModule {}
