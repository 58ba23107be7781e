import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApplicationFilterOptions, ApplicationView, BulkApproveResult, Page } from '@skillbridge/contracts';
import type { Actor } from '@skillbridge/domain';
import { RateLimit } from '../common/rate-limit';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { ApiAnswer, ApiProblems, ApiSignedIn, INPUT_PROBLEMS } from '../common/openapi';
import { ApplicationsService } from './applications.service';
import { ApplyDto, ApproveDto, BulkApproveDto, ListApplicationsQuery, OfferDto, SendBackDto } from './dto/application.dto';

@ApiTags('applications')
@ApiSignedIn()
@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post('slots/:id/applications')
  @Roles('student')
  @RateLimit('applications')
  @ApiAnswer(201, 'ApplicationView')
  @ApiProblems(
    ...INPUT_PROBLEMS,
    'NOT_FOUND',
    'ALREADY_APPLIED',
    'WRONG_SLOT_TYPE',
    'SLOT_NOT_OPEN',
    'DEADLINE_PASSED',
    'UNDER_MINIMUM_AGE',
    'FIRST_YEAR_STUDENT',
  )
  @ApiOperation({ summary: 'Apply to an open slot' })
  apply(@CurrentActor() actor: Actor, @Param('id') slotId: string, @Body() body: ApplyDto): Promise<ApplicationView> {
    return this.applications.apply(actor, slotId, body);
  }

  @Get('applications')
  @ApiAnswer(200, 'ApplicationView', 'page')
  @ApiProblems('VALIDATION_FAILED', 'INVALID_CURSOR', 'FORBIDDEN')
  @ApiOperation({ summary: 'Applications: a student’s own, an enterprise’s slots’, a school’s students’' })
  list(@CurrentActor() actor: Actor, @Query() query: ListApplicationsQuery): Promise<Page<ApplicationView>> {
    return this.applications.list(actor, query);
  }

  @Get('applications/filter-options')
  @Roles('school_admin')
  @ApiAnswer(200, 'ApplicationFilterOptions')
  @ApiOperation({
    summary: 'What a school’s applications can be filtered by: its applicants’ majors and classes, the enterprises applied to',
  })
  filterOptions(@CurrentActor() actor: Actor): Promise<ApplicationFilterOptions> {
    return this.applications.filterOptions(actor);
  }

  @Post('applications/approvals')
  @HttpCode(200)
  @Roles('school_admin')
  @RateLimit('messages')
  @ApiAnswer(200, 'BulkApproveResult')
  @ApiProblems(...INPUT_PROBLEMS)
  @ApiOperation({
    summary:
      'The school approves many applications at once: each either moves (with its notifications) or is reported with its reason (NOT_FOUND, INVALID_TRANSITION, ALREADY_APPROVED)',
  })
  approveMany(@CurrentActor() actor: Actor, @Body() body: BulkApproveDto): Promise<BulkApproveResult> {
    return this.applications.approveMany(actor, body);
  }

  @Get('applications/:id')
  @ApiAnswer(200, 'ApplicationView')
  @ApiProblems('NOT_FOUND')
  @ApiOperation({ summary: 'One application, for the student, the enterprise or the school' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ApplicationView> {
    return this.applications.get(actor, id);
  }

  @Post('applications/:id/shortlist')
  @HttpCode(200)
  @Roles('enterprise_admin')
  @RateLimit('messages')
  @ApiAnswer(200, 'ApplicationView')
  @ApiProblems('NOT_FOUND', 'INVALID_TRANSITION')
  @ApiOperation({ summary: 'Shortlist an applicant' })
  shortlist(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ApplicationView> {
    return this.applications.moveByEnterprise(actor, id, 'shortlist');
  }

  @Post('applications/:id/offer')
  @HttpCode(200)
  @Roles('enterprise_admin')
  @RateLimit('messages')
  @ApiAnswer(200, 'ApplicationView')
  @ApiProblems(...INPUT_PROBLEMS, 'NOT_FOUND', 'INVALID_TRANSITION', 'RESPOND_BY_PAST')
  @ApiOperation({ summary: 'Offer the seat, to be answered by respondBy' })
  offer(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: OfferDto): Promise<ApplicationView> {
    return this.applications.moveByEnterprise(actor, id, 'offer', body);
  }

  @Post('applications/:id/reject')
  @HttpCode(200)
  @Roles('enterprise_admin')
  @RateLimit('messages')
  @ApiAnswer(200, 'ApplicationView')
  @ApiProblems('NOT_FOUND', 'INVALID_TRANSITION')
  @ApiOperation({ summary: 'Reject an applicant' })
  reject(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ApplicationView> {
    return this.applications.moveByEnterprise(actor, id, 'reject');
  }

  @Post('applications/:id/approve')
  @HttpCode(200)
  @Roles('school_admin')
  @RateLimit('messages')
  @ApiAnswer(200, 'ApplicationView')
  @ApiProblems(...INPUT_PROBLEMS, 'NOT_FOUND', 'INVALID_TRANSITION')
  @ApiOperation({
    summary:
      'The school’s approval of the application (before the offer can be accepted); the tripartite agreement is drafted on accept and signed by every party later',
  })
  approve(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ApproveDto): Promise<ApplicationView> {
    return this.applications.approve(actor, id, body);
  }

  @Post('applications/:id/send-back')
  @HttpCode(200)
  @Roles('school_admin')
  @RateLimit('messages')
  @ApiAnswer(200, 'ApplicationView')
  @ApiProblems(...INPUT_PROBLEMS, 'NOT_FOUND', 'INVALID_TRANSITION', 'ALREADY_APPROVED')
  @ApiOperation({ summary: 'The school sends the application back to the student with a reason; the student and the enterprise are told' })
  sendBack(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: SendBackDto): Promise<ApplicationView> {
    return this.applications.sendBack(actor, id, body);
  }

  @Post('applications/:id/accept')
  @HttpCode(200)
  @Roles('student')
  @RateLimit('messages')
  @ApiAnswer(200, 'ApplicationView')
  @ApiProblems('NOT_FOUND', 'INVALID_TRANSITION', 'PLACEMENT_OVERLAP', 'SCHOOL_APPROVAL_REQUIRED', 'OFFER_EXPIRED', 'SLOT_FULL')
  @ApiOperation({ summary: 'Accept an offer: takes a seat and creates a pending placement (409 SLOT_FULL when none is left)' })
  accept(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ApplicationView> {
    return this.applications.accept(actor, id);
  }

  @Post('applications/:id/decline')
  @HttpCode(200)
  @Roles('student')
  @RateLimit('messages')
  @ApiAnswer(200, 'ApplicationView')
  @ApiProblems('NOT_FOUND', 'INVALID_TRANSITION')
  @ApiOperation({ summary: 'Decline an offer' })
  decline(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ApplicationView> {
    return this.applications.moveByStudent(actor, id, 'decline');
  }

  @Post('applications/:id/withdraw')
  @HttpCode(200)
  @Roles('student')
  @RateLimit('messages')
  @ApiAnswer(200, 'ApplicationView')
  @ApiProblems('NOT_FOUND', 'INVALID_TRANSITION')
  @ApiOperation({ summary: 'Withdraw an application' })
  withdraw(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ApplicationView> {
    return this.applications.moveByStudent(actor, id, 'withdraw');
  }
}
