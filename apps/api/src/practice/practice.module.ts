import { Module } from '@nestjs/common';
import { PracticeController } from './practice.controller';
import { PracticeService } from './practice.service';

/** 教师企业实践: teachers' practice months, the per-day calendar, and yearly compliance (§12). */
@Module({ controllers: [PracticeController], providers: [PracticeService] })
export class PracticeModule {}
