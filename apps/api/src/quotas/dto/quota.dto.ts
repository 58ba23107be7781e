import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { LANZHOU_DISTRICTS, LOCALES, QUOTA_STATUSES, type Locale, type QuotaStatus } from '@skillbridge/contracts';
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

/** What the table is filtered by: the year, and district, industry and status. */
export class QuotaFilters extends QuotaYearQuery {
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

export class ListQuotasQuery extends IntersectionType(PageQuery, QuotaFilters) {}

/** The export takes the table's filters in view, and the language of the screen it was asked from. */
export class ExportQuery extends QuotaFilters {
  @ApiPropertyOptional({ enum: LOCALES, default: 'zh-CN', description: 'The language of the headers and labels: the screen’s' })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;

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
