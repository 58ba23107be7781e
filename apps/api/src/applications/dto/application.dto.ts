import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@skillbridge/contracts';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsCalendarDate } from '../../common/validators';

export class ApplyDto {
  @ApiPropertyOptional({ description: 'Why this slot, in the student’s words' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  motivation?: string;
}

export class OfferDto {
  @ApiProperty({ description: 'The last day the student may answer', example: '2027-02-20' })
  @IsCalendarDate()
  respondBy: string;
}

export class ApproveDto {
  @ApiPropertyOptional({ description: 'A guardian’s written consent has been received (needed for a student under 18)' })
  @IsOptional()
  @IsBoolean()
  guardianConsent?: boolean;
}

export class ListApplicationsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  slotId?: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ description: 'School admins: only those still awaiting the school’s approval' })
  @IsOptional()
  @IsIn(['true', 'false'])
  awaitingApproval?: 'true' | 'false';
}
