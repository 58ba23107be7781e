import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  BookingView,
  PracticeDayView,
  SchoolComplianceSummary,
  SchoolComplianceView,
  TeacherComplianceView,
} from '@skillbridge/contracts';
import type { Actor } from '@skillbridge/domain';
import { DomainError } from '@skillbridge/domain';
import { RateLimit } from '../common/rate-limit';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { ApiAnswer, ApiProblems, ApiSignedIn, INPUT_PROBLEMS } from '../common/openapi';
import { BookDto, CalendarQuery, CompleteBookingDto, ListBookingsQuery, YearQuery } from './dto/booking.dto';
import { PracticeService } from './practice.service';

@ApiTags('teacher practice')
@ApiSignedIn()
@Controller()
export class PracticeController {
  constructor(private readonly practice: PracticeService) {}

  @Post('slots/:id/bookings')
  @Roles('teacher')
  @RateLimit('messages')
  @ApiAnswer(201, 'BookingView')
  @ApiProblems(
    ...INPUT_PROBLEMS,
    'NOT_FOUND',
    'SLOT_FULL',
    'BOOKING_OVERLAP',
    'WRONG_SLOT_TYPE',
    'SLOT_NOT_OPEN',
    'DATES_INVERTED',
    'BOOKING_OUTSIDE_WINDOW',
    'BOOKING_IN_PAST',
    'BOOKING_TOO_SHORT',
  )
  @ApiOperation({ summary: 'Book a practice month (409 BOOKING_OVERLAP, 409 SLOT_FULL, 422 BOOKING_TOO_SHORT …)' })
  book(@CurrentActor() actor: Actor, @Param('id') slotId: string, @Body() body: BookDto): Promise<BookingView> {
    return this.practice.book(actor, slotId, body);
  }

  @Get('slots/:id/calendar')
  @ApiAnswer(200, 'PracticeDayView', 'list')
  @ApiProblems('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_RANGE')
  @ApiOperation({ summary: 'Teachers booked and free capacity per day of a practice slot' })
  calendar(@Param('id') slotId: string, @Query() query: CalendarQuery): Promise<PracticeDayView[]> {
    return this.practice.calendar(slotId, query);
  }

  @Get('bookings')
  @ApiAnswer(200, 'BookingView', 'list')
  @ApiProblems('VALIDATION_FAILED')
  @ApiOperation({ summary: 'Bookings: a teacher’s own, an enterprise’s, a school’s teachers’ (EDU: all)' })
  list(@CurrentActor() actor: Actor, @Query() query: ListBookingsQuery): Promise<BookingView[]> {
    return this.practice.list(actor, query);
  }

  @Get('bookings/:id')
  @ApiAnswer(200, 'BookingView')
  @ApiProblems('NOT_FOUND')
  @ApiOperation({ summary: 'One booking' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<BookingView> {
    return this.practice.get(actor, id);
  }

  @Post('bookings/:id/confirm')
  @HttpCode(200)
  @Roles('enterprise_admin')
  @RateLimit('messages')
  @ApiAnswer(200, 'BookingView')
  @ApiProblems('NOT_FOUND', 'INVALID_TRANSITION')
  @ApiOperation({ summary: 'The enterprise confirms the booking' })
  confirm(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<BookingView> {
    return this.practice.confirm(actor, id);
  }

  @Post('bookings/:id/cancel')
  @HttpCode(200)
  @Roles('teacher')
  @RateLimit('messages')
  @ApiAnswer(200, 'BookingView')
  @ApiProblems('NOT_FOUND', 'INVALID_TRANSITION', 'BOOKING_STARTED')
  @ApiOperation({ summary: 'The teacher cancels before the practice starts' })
  cancel(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<BookingView> {
    return this.practice.cancel(actor, id);
  }

  @Post('bookings/:id/complete')
  @HttpCode(200)
  @Roles('enterprise_admin')
  @RateLimit('messages')
  @ApiAnswer(200, 'BookingView')
  @ApiProblems(...INPUT_PROBLEMS, 'NOT_FOUND', 'INVALID_TRANSITION', 'BOOKING_NOT_STARTED', 'DAYS_SERVED_EXCEED_BOOKING')
  @ApiOperation({ summary: 'The enterprise supervisor records the days actually served' })
  complete(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: CompleteBookingDto): Promise<BookingView> {
    return this.practice.complete(actor, id, body);
  }

  @Get('teachers/:id/compliance')
  @ApiAnswer(200, 'TeacherComplianceView')
  @ApiProblems('VALIDATION_FAILED', 'NOT_FOUND')
  @ApiOperation({ summary: 'Days booked, served, required and compliance for a year (§12: ≥ 30 days)' })
  teacher(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: YearQuery): Promise<TeacherComplianceView> {
    return this.practice.teacherCompliance(actor, id === 'me' ? actor.userId : id, query.year);
  }

  @Get('schools/compliance')
  @Roles('bureau_officer', 'platform_admin')
  @ApiAnswer(200, 'SchoolComplianceSummary', 'list')
  @ApiProblems('VALIDATION_FAILED')
  @ApiOperation({ summary: 'Every school’s compliance and dual-qualified share (education bureau)' })
  allSchools(@CurrentActor() actor: Actor, @Query() query: YearQuery): Promise<SchoolComplianceSummary[]> {
    if (actor.role === 'bureau_officer' && actor.authority !== 'EDU')
      throw new DomainError('FORBIDDEN', 'forbidden', 'Schools are the education bureau’s remit');
    return this.practice.allSchools(query.year);
  }

  @Get('schools/:id/compliance')
  @ApiAnswer(200, 'SchoolComplianceView')
  @ApiProblems('VALIDATION_FAILED', 'NOT_FOUND')
  @ApiOperation({ summary: 'A row per teacher and the dual-qualified share against 60 %' })
  school(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: YearQuery): Promise<SchoolComplianceView> {
    return this.practice.schoolCompliance(actor, id, query.year);
  }
}
