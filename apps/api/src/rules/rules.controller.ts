import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RuleChangeView } from '@skillbridge/contracts';
import { type Actor, DomainError, YearRules } from '@skillbridge/domain';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { ApiAnswer, ApiProblems, ApiSignedIn, INPUT_PROBLEMS } from '../common/openapi';
import { YearRulesDto } from './rules.dto';
import { RulesService } from './rules.service';

const badYear = () => new DomainError('INVALID_YEAR', 'invalid', 'The year must be a whole number between 2000 and 2100');
const yearPipe = new ParseIntPipe({ exceptionFactory: badYear });

/** `rules/<year>`: the city changes its numbers without a release. */
@ApiTags('rules')
@ApiSignedIn()
@Controller('rules')
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Get(':year')
  @ApiAnswer(200, 'YearRules')
  @ApiProblems('INVALID_YEAR')
  @ApiOperation({ summary: 'The rules in force for a year (the defaults when none were written)' })
  get(@Param('year', yearPipe) year: number): Promise<YearRules> {
    if (year < 2000 || year > 2100) throw badYear();
    return this.rules.forYear(year);
  }

  @Get(':year/history')
  @Roles('platform_admin')
  @ApiAnswer(200, 'RuleChangeView', 'list')
  @ApiProblems('INVALID_YEAR')
  @ApiOperation({ summary: 'Who changed which of the year’s rules and when, newest first (the last 200 saves)' })
  history(@Param('year', yearPipe) year: number): Promise<RuleChangeView[]> {
    if (year < 2000 || year > 2100) throw badYear();
    return this.rules.history(year);
  }

  @Put(':year')
  @Roles('platform_admin')
  @ApiAnswer(200, 'YearRules')
  @ApiProblems(...INPUT_PROBLEMS, 'INVALID_YEAR', 'INVALID_RULES')
  @ApiOperation({ summary: 'Set the year’s rules; quota figures follow at once; a change is kept in the year’s history' })
  async put(@CurrentActor() actor: Actor, @Param('year', yearPipe) year: number, @Body() body: YearRulesDto): Promise<YearRules> {
    if (year < 2000 || year > 2100) throw badYear();
    return this.rules.set(actor, year, body);
  }
}
