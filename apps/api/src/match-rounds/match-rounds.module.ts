import { Module } from '@nestjs/common';
import { MatchRoundsController } from './match-rounds.controller';
import { MatchRoundsService } from './match-rounds.service';

/** 撮合轮次: match rounds — lists, rankings, runs in the worker, publishing as placements. */
@Module({ controllers: [MatchRoundsController], providers: [MatchRoundsService] })
export class MatchRoundsModule {}
