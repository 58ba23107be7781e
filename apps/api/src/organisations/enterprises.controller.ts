import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EnterpriseView, LoginResponse, Page, PendingEnterpriseView } from '@skillbridge/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, DomainError } from '@skillbridge/domain';
import { CurrentActor, Public, Roles } from '../common/auth.decorators';
import { ApiAnswer, ApiEmptyAnswer, ApiProblems, ApiSignedIn, INPUT_PROBLEMS } from '../common/openapi';
import { PageQuery } from '../common/pagination';
import {
  ConfirmRegistrationDto,
  HeadcountDto,
  ListEnterprisesQuery,
  RefuseEnterpriseDto,
  RegisterEnterpriseDto,
  UpdateEnterpriseDto,
} from './dto/enterprise.dto';
import { EnterprisesService } from './enterprises.service';
import { RegistrationService } from './registration.service';

@ApiTags('organisations')
@ApiSignedIn()
@Controller('enterprises')
export class EnterprisesController {
  constructor(
    private readonly enterprises: EnterprisesService,
    private readonly registrations: RegistrationService,
  ) {}

  @Public()
  @Post()
  @HttpCode(202)
  @ApiEmptyAnswer(202, 'Accepted: the link (or a note that the e-mail has an account) is on its way; the same answer either way')
  @ApiProblems(...INPUT_PROBLEMS, 'USCC_VOID', 'USCC_TAKEN', 'RATE_LIMITED')
  @ApiOperation({
    summary:
      'Self-registration of an enterprise and its first admin: e-mails a one-time link (24 hours) that finishes it, or, when the e-mail has an account, says so; the same answer either way (429 RATE_LIMITED per e-mail and address)',
  })
  async register(@Body() body: RegisterEnterpriseDto, @Req() request: FastifyRequest): Promise<void> {
    await this.registrations.register(body, request.ip);
  }

  @Public()
  @Post('confirm')
  @HttpCode(200)
  @ApiAnswer(200, 'LoginResponse')
  @ApiProblems(...INPUT_PROBLEMS, 'REGISTRATION_LINK_INVALID', 'EMAIL_TAKEN', 'USCC_TAKEN')
  @ApiOperation({
    summary:
      'Finishes a registration with its link’s secret and the admin’s password: the enterprise (unverified) and its admin; signs in (400 REGISTRATION_LINK_INVALID, 409 EMAIL_TAKEN or USCC_TAKEN)',
  })
  async confirm(@Body() body: ConfirmRegistrationDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    const { response, deviceCookie } = await this.registrations.confirm(body.token, body.password);
    reply.header('set-cookie', deviceCookie);
    return response;
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
  @ApiOperation({
    summary: 'Refuse an enterprise awaiting verification, with the reason its admins are told; correcting the profile re-applies',
  })
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
