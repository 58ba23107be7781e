import { Module } from '@nestjs/common';
import { AgreementsController } from './agreements.controller';
import { AgreementsService } from './agreements.service';

/** 三方实习协议 — the tripartite agreement: drafting (libs/agreements), versions, signatures, the guardian's link, verification. */
@Module({ controllers: [AgreementsController], providers: [AgreementsService], exports: [AgreementsService] })
export class AgreementsModule {}
