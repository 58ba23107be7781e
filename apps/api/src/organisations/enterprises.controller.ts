import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EnterpriseView, Page, PendingEnterpriseView, RegisterEnterpriseResponse } from '@skillbridge/contracts';
import { Actor, DomainError } from '@skillbridge/domain';
import { CurrentActor, Public, Roles } from '../common/auth.decorators';
import { ApiAnswer, ApiProblems, ApiSignedIn, INPUT_PROBLEMS } from '../common/openapi';
import { PageQuery } from '../common/pagination';
import { HeadcountDto, ListEnterprisesQuery, RefuseEnterpriseDto, RegisterEnterpriseDto, UpdateEnterpriseDto } from './dto/enterprise.dto';
import { EnterprisesService } from './enterprises.service';

@ApiTags('organisations')
@ApiSignedIn()
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Public()
  @Post()
  @ApiAnswer(201, 'RegisterEnterpriseResponse')
  @ApiProblems(...INPUT_PROBLEMS, 'USCC_VOID', 'USCC_TAKEN', 'EMAIL_TAKEN')
  @ApiOperation({ summary: 'Self-registration of an enterprise and its first admin; starts unverified' })
  register(@Body() body: RegisterEnterpriseDto): Promise<RegisterEnterpriseResponse> {
    return this.enterprises.register(body);
  }

  @Get()
  @Roles('bureau_officer', 'platform_admin')
  @ApiAnswer(200, 'EnterpriseView', 'page')
  @ApiProblems('VALIDATION_FAILED', 'INVALID_CURSOR')
  @ApiOperation({ summary: 'Enterprises of the caller’s remit (MIIT: all but municipal SOEs; SASAC: municipal SOEs)' })
  list(@CurrentActor() actor: Actor, @Query() query: ListEnterprisesQuery): Promise<Page<EnterpriseView>> {
    return this.enterprises.list(actor, query);
  }

  @Get('pending')
  @Roles('platform_admin')
  @ApiAnswer(200, 'PendingEnterpriseView', 'page')
  @ApiProblems('VALIDATION_FAILED', 'INVALID_CURSOR')
  @ApiOperation({ summary: 'Enterprises awaiting verification, each with the organisations that share its name or credit code' })
  pending(@Query() query: PageQuery): Promise<Page<PendingEnterpriseView>> {
    return this.enterprises.pending(query);
  }

  @Get(':id')
  @ApiAnswer(200, 'EnterpriseView')
  @ApiProblems('NOT_FOUND')
  @ApiOperation({ summary: 'An enterprise’s profile, for its admin and the officers of its authority' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<EnterpriseView> {
    return this.enterprises.get(actor, id);
  }

  @Patch(':id')
  @ApiAnswer(200, 'EnterpriseView')
  @ApiProblems(...INPUT_PROBLEMS, 'NOT_FOUND', 'FORBIDDEN', 'USCC_VOID', 'USCC_TAKEN')
  @ApiOperation({ summary: 'Edit the profile' })
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateEnterpriseDto): Promise<EnterpriseView> {
    return this.enterprises.update(actor, id, body);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Roles('platform_admin')
  @ApiAnswer(200, 'EnterpriseView')
  @ApiProblems('NOT_FOUND', 'USCC_TAKEN')
  @ApiOperation({ summary: 'Verify an enterprise so that it can post slots' })
  verify(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<EnterpriseView> {
    return this.enterprises.verify(actor, id);
  }

  @Post(':id/refuse')
  @HttpCode(200)
  @Roles('platform_admin')
  @ApiAnswer(200, 'EnterpriseView')
  @ApiProblems(...INPUT_PROBLEMS, 'NOT_FOUND', 'INVALID_TRANSITION')
  @ApiOperation({ summary: 'Refuse an enterprise awaiting verification, with the reason its admins are told; correcting the profile re-applies' })
  refuse(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: RefuseEnterpriseDto): Promise<EnterpriseView> {
    return this.enterprises.refuse(actor, id, body);
  }

  @Put(':id/headcounts/:year')
  @ApiAnswer(200, 'EnterpriseView')
  @ApiProblems(...INPUT_PROBLEMS, 'INVALID_YEAR', 'NOT_FOUND', 'FORBIDDEN')
  @ApiOperation({ summary: 'The enterprise’s total employees in a year: the base of its intern quota' })
  setHeadcount(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('year', new ParseIntPipe({ exceptionFactory: () => badYear() })) year: number,
    @Body() body: HeadcountDto,
  ): Promise<EnterpriseView> {
    if (year < 2000 || year > 2100) throw badYear();
    return this.enterprises.setHeadcount(actor, id, year, body);
  }
}

const badYear = () => new DomainError('INVALID_YEAR', 'invalid', 'The year must be a whole number between 2000 and 2100');
