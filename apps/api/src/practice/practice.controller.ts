import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BookingView, PracticeDayView, SchoolComplianceSummary, SchoolComplianceView, TeacherComplianceView } from '@skillbridge/contracts';
import type { Actor } from '@skillbridge/domain';
import { DomainError } from '@skillbridge/domain';
import { RateLimit } from '../common/rate-limit';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { BookDto, CalendarQuery, CompleteBookingDto, ListBookingsQuery, YearQuery } from './dto/booking.dto';
import { PracticeService } from './practice.service';

@ApiTags('teacher practice')
@ApiBearerAuth()
@Controller()
export class PracticeController {
  constructor(private readonly practice: PracticeService) {}

  @Post('slots/:id/bookings')
  @Roles('teacher')
  @RateLimit('messages')
  @ApiOperation({ summary: 'Book a practice month (409 BOOKING_OVERLAP, 409 SLOT_FULL, 422 BOOKING_TOO_SHORT …)' })
  book(@CurrentActor() actor: Actor, @Param('id') slotId: string, @Body() body: BookDto): Promise<BookingView> {
    return this.practice.book(actor, slotId, body);
  }

  @Get('slots/:id/calendar')
  @ApiOperation({ summary: 'Teachers booked and free capacity per day of a practice slot' })
  calendar(@Param('id') slotId: string, @Query() query: CalendarQuery): Promise<PracticeDayView[]> {
    return this.practice.calendar(slotId, query);
  }

  @Get('bookings')
  @ApiOperation({ summary: 'Bookings: a teacher’s own, an enterprise’s, a school’s teachers’ (EDU: all)' })
  list(@CurrentActor() actor: Actor, @Query() query: ListBookingsQuery): Promise<BookingView[]> {
    return this.practice.list(actor, query);
  }

  @Get('bookings/:id')
  @ApiOperation({ summary: 'One booking' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<BookingView> {
    return this.practice.get(actor, id);
  }

  @Post('bookings/:id/confirm')
  @HttpCode(200)
  @Roles('enterprise_admin')
  @RateLimit('messages')
  @ApiOperation({ summary: 'The enterprise confirms the booking' })
  confirm(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<BookingView> {
    return this.practice.confirm(actor, id);
  }

  @Post('bookings/:id/cancel')
  @HttpCode(200)
  @Roles('teacher')
  @RateLimit('messages')
  @ApiOperation({ summary: 'The teacher cancels before the practice starts' })
  cancel(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<BookingView> {
    return this.practice.cancel(actor, id);
  }

  @Post('bookings/:id/complete')
  @HttpCode(200)
  @Roles('enterprise_admin')
  @RateLimit('messages')
  @ApiOperation({ summary: 'The enterprise supervisor records the days actually served' })
  complete(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: CompleteBookingDto): Promise<BookingView> {
    return this.practice.complete(actor, id, body);
  }

  @Get('teachers/:id/compliance')
  @ApiOperation({ summary: 'Days booked, served, required and compliance for a year (§12: ≥ 30 days)' })
  teacher(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: YearQuery): Promise<TeacherComplianceView> {
    return this.practice.teacherCompliance(actor, id === 'me' ? actor.userId : id, query.year);
  }

  @Get('schools/compliance')
  @Roles('bureau_officer', 'platform_admin')
  @ApiOperation({ summary: 'Every school’s compliance and dual-qualified share (education bureau)' })
  allSchools(@CurrentActor() actor: Actor, @Query() query: YearQuery): Promise<SchoolComplianceSummary[]> {
    if (actor.role === 'bureau_officer' && actor.authority !== 'EDU') throw new DomainError('FORBIDDEN', 'forbidden', 'Schools are the education bureau’s remit');
    return this.practice.allSchools(query.year);
  }

  @Get('schools/:id/compliance')
  @ApiOperation({ summary: 'A row per teacher and the dual-qualified share against 60 %' })
  school(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: YearQuery): Promise<SchoolComplianceView> {
    return this.practice.schoolCompliance(actor, id, query.year);
  }
}
