import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { APPLICATION_STATUSES, type ApplicationStatus, type BulkApproveRequest, type SendBackRequest } from '@skillbridge/contracts';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
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

export class SendBackDto implements SendBackRequest {
  @ApiProperty({ description: 'Why the school sends it back: the student and the enterprise read it', example: '请补充监护人知情同意书' })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(500)
  reason: string;
}

export class BulkApproveDto implements BulkApproveRequest {
  @ApiProperty({ type: [String], description: 'The applications to approve: at most 200, each the school’s', maxItems: 200 })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  applicationIds: string[];
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

  @ApiPropertyOptional({ description: 'The applicant’s major' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  major?: string;

  @ApiPropertyOptional({ description: 'The applicant’s class (班级)' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  className?: string;

  @ApiPropertyOptional({ description: 'The enterprise applied to' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}
