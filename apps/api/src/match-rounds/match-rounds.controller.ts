import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MatchApplicantsView, MatchResultView, MatchRoundView } from '@skillbridge/contracts';
import type { Actor } from '@skillbridge/domain';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { ApiAnswer, ApiFileAnswer, ApiProblems, ApiSignedIn, INPUT_PROBLEMS } from '../common/openapi';
import { CreateMatchRoundDto, MatchPreferencesDto, RankingDto, ResultQuery, SecondRoundDto } from './dto/match-round.dto';
import { MatchRoundsService } from './match-rounds.service';

@ApiTags('match rounds')
@ApiSignedIn()
@Controller('match-rounds')
export class MatchRoundsController {
  constructor(private readonly rounds: MatchRoundsService) {}

  @Post()
  @Roles('bureau_officer', 'school_admin')
  @ApiAnswer(201, 'MatchRoundView')
  @ApiProblems(...INPUT_PROBLEMS, 'SLOT_NOT_ELIGIBLE', 'INVALID_DEADLINE', 'DEADLINE_IN_PAST')
  @ApiOperation({ summary: 'Create a round over open slots (EDU officers, school admins); starts as a draft' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateMatchRoundDto): Promise<MatchRoundView> {
    return this.rounds.create(actor, body);
  }

  @Get()
  @ApiAnswer(200, 'MatchRoundView', 'list')
  @ApiOperation({ summary: 'The rounds the asker may see: owners theirs, students and enterprises those they take part in' })
  list(@CurrentActor() actor: Actor): Promise<MatchRoundView[]> {
    return this.rounds.list(actor);
  }

  @Get(':id')
  @ApiAnswer(200, 'MatchRoundView')
  @ApiProblems('NOT_FOUND')
  @ApiOperation({ summary: 'One round with its slots' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<MatchRoundView> {
    return this.rounds.get(actor, id);
  }

  @Post(':id/open')
  @HttpCode(200)
  @ApiAnswer(200, 'MatchRoundView')
  @ApiProblems('NOT_FOUND', 'FORBIDDEN', 'INVALID_TRANSITION', 'DEADLINE_IN_PAST')
  @ApiOperation({ summary: 'Open the round for students’ lists (draft → collecting)' })
  open(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<MatchRoundView> {
    return this.rounds.move(actor, id, 'open');
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiAnswer(200, 'MatchRoundView')
  @ApiProblems('NOT_FOUND', 'FORBIDDEN', 'INVALID_TRANSITION')
  @ApiOperation({ summary: 'Close collecting before the deadline (collecting → ranking); the deadline closes it too' })
  close(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<MatchRoundView> {
    return this.rounds.move(actor, id, 'close');
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiAnswer(200, 'MatchRoundView')
  @ApiProblems('NOT_FOUND', 'FORBIDDEN', 'INVALID_TRANSITION')
  @ApiOperation({ summary: 'Cancel a round that is not published' })
  cancel(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<MatchRoundView> {
    return this.rounds.move(actor, id, 'cancel');
  }

  @Put(':id/preferences')
  @Roles('student')
  @ApiAnswer(200, 'MatchRoundView')
  @ApiProblems(
    ...INPUT_PROBLEMS,
    'NOT_FOUND',
    'ROUND_NOT_COLLECTING',
    'PREFERENCE_DEADLINE_PASSED',
    'NOT_ELIGIBLE_FOR_ROUND',
    'PREFERENCES_EMPTY',
    'TOO_MANY_PREFERENCES',
    'DUPLICATE_PREFERENCE',
    'SLOT_NOT_IN_ROUND',
  )
  @ApiOperation({ summary: 'A student’s rank-order list: at most 10 slots of the round, while it is collecting' })
  preferences(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: MatchPreferencesDto): Promise<MatchRoundView> {
    return this.rounds.putPreferences(actor, id, body);
  }

  @Get(':id/applicants/:slotId')
  @Roles('enterprise_admin')
  @ApiAnswer(200, 'MatchApplicantsView')
  @ApiProblems('NOT_FOUND')
  @ApiOperation({ summary: 'The students who listed the enterprise’s slot, its ranking and the automatic order' })
  applicants(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('slotId') slotId: string): Promise<MatchApplicantsView> {
    return this.rounds.applicants(actor, id, slotId);
  }

  @Put(':id/rankings/:slotId')
  @Roles('enterprise_admin')
  @ApiAnswer(200, 'MatchApplicantsView')
  @ApiProblems(...INPUT_PROBLEMS, 'NOT_FOUND', 'ROUND_NOT_RANKING', 'DUPLICATE_RANKING', 'NOT_AN_APPLICANT')
  @ApiOperation({ summary: 'The enterprise ranks its slot’s applicants, best first (only students who listed it)' })
  rank(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('slotId') slotId: string,
    @Body() body: RankingDto,
  ): Promise<MatchApplicantsView> {
    return this.rounds.putRanking(actor, id, slotId, body);
  }

  @Delete(':id/rankings/:slotId')
  @Roles('enterprise_admin')
  @ApiAnswer(200, 'MatchApplicantsView')
  @ApiProblems('NOT_FOUND', 'ROUND_NOT_RANKING')
  @ApiOperation({ summary: 'Back to the automatic ranking by the round’s criteria' })
  unrank(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('slotId') slotId: string): Promise<MatchApplicantsView> {
    return this.rounds.putRanking(actor, id, slotId, null);
  }

  @Post(':id/run')
  @HttpCode(202)
  @ApiAnswer(202, 'MatchRoundView')
  @ApiProblems('NOT_FOUND', 'FORBIDDEN', 'INVALID_TRANSITION', 'RUN_IN_PROGRESS')
  @ApiOperation({ summary: 'Runs deferred acceptance in the worker; the result is a draft (202: poll the round until running is false)' })
  run(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<MatchRoundView> {
    return this.rounds.run(actor, id);
  }

  @Get(':id/result')
  @ApiAnswer(200, 'MatchResultView')
  @ApiProblems('VALIDATION_FAILED', 'NOT_FOUND', 'NOT_RUN', 'RESULT_NOT_PUBLISHED')
  @ApiOperation({ summary: 'The latest run: the owner every line and the figures; once published, each participant their own line' })
  result(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: ResultQuery): Promise<MatchResultView> {
    return this.rounds.result(actor, id, query);
  }

  @Get(':id/instance')
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiFileAnswer('hr-instance v1 followed by the assignment', 'text/plain')
  @ApiProblems('NOT_FOUND', 'FORBIDDEN', 'NOT_RUN')
  @ApiOperation({ summary: 'The latest run as hr-instance v1 followed by its assignment, to audit with any solver' })
  instance(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<string> {
    return this.rounds.instance(actor, id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiAnswer(200, 'MatchRoundView')
  @ApiProblems(
    'NOT_FOUND',
    'FORBIDDEN',
    'INVALID_TRANSITION',
    'RUN_IN_PROGRESS',
    'RESULT_UNSTABLE',
    'PLACEMENT_OVERLAP',
    'SEATS_GONE',
    'ALREADY_PLACED',
  )
  @ApiOperation({ summary: 'Turns the result into placements and notifies everyone, all or nothing' })
  publish(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<MatchRoundView> {
    return this.rounds.publish(actor, id);
  }

  @Post(':id/second-round')
  @ApiAnswer(201, 'MatchRoundView')
  @ApiProblems(...INPUT_PROBLEMS, 'NOT_FOUND', 'FORBIDDEN', 'ROUND_NOT_PUBLISHED', 'NO_SEATS_LEFT', 'INVALID_DEADLINE', 'DEADLINE_IN_PAST')
  @ApiOperation({ summary: 'A new round over the seats left, for the students this published round left unmatched' })
  secondRound(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: SecondRoundDto): Promise<MatchRoundView> {
    return this.rounds.secondRound(actor, id, body);
  }
}
