import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BOOKING_STATUSES, type BookingStatus } from '@skillbridge/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../../common/validators';

export class BookDto {
  @ApiProperty({ example: '2027-07-01' })
  @IsCalendarDate()
  startDate: string;

  @ApiProperty({ example: '2027-07-30' })
  @IsCalendarDate()
  endDate: string;
}

export class CompleteBookingDto {
  @ApiProperty({ description: 'Days the teacher actually served, confirmed by the enterprise supervisor' })
  @IsInt()
  @Min(0)
  @Max(366)
  daysServed: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  evaluation?: string;
}

export class YearQuery {
  @ApiPropertyOptional({ description: 'Calendar year; this year when omitted' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class ListBookingsQuery extends YearQuery {
  @ApiPropertyOptional({ enum: BOOKING_STATUSES })
  @IsOptional()
  @IsIn(BOOKING_STATUSES)
  status?: BookingStatus;
}

export class CalendarQuery {
  @ApiProperty({ example: '2027-07-01' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2027-07-31' })
  @IsCalendarDate()
  to: string;
}
