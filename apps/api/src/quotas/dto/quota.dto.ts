import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANZHOU_DISTRICTS, QUOTA_STATUSES, type QuotaStatus } from '@skillbridge/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination';

export class QuotaYearQuery {
  @ApiPropertyOptional({ description: 'This year when omitted' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class ListQuotasQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: LANZHOU_DISTRICTS })
  @IsOptional()
  @IsIn(LANZHOU_DISTRICTS)
  district?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  industry?: string;

  @ApiPropertyOptional({ enum: QUOTA_STATUSES })
  @IsOptional()
  @IsIn(QUOTA_STATUSES)
  status?: QuotaStatus;
}

export class ExportQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format?: 'csv' | 'xlsx';
}

export class RemindDto {
  @ApiProperty()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ enum: QUOTA_STATUSES })
  @IsIn(QUOTA_STATUSES)
  status: QuotaStatus;
}
