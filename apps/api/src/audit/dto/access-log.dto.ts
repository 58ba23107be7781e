import { ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESS_LOG_ACTOR_ROLES } from '@skillbridge/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters of the access log, the same for the page and its export. */
export class AccessLogFilter {
  @ApiPropertyOptional({ description: 'Whose data was read' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @ApiPropertyOptional({ description: 'Who read it' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ description: 'Part of the reader’s name or e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actor?: string;

  @ApiPropertyOptional({ description: 'Part of the name of the person whose data was read' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  subject?: string;

  @ApiPropertyOptional({ enum: ACCESS_LOG_ACTOR_ROLES, description: 'The reader’s role' })
  @IsOptional()
  @IsIn(ACCESS_LOG_ACTOR_ROLES)
  actorRole?: string;

  @ApiPropertyOptional({ description: 'What was read, e.g. applications.list' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  what?: string;

  @ApiPropertyOptional({ description: 'From this day (Lanzhou), YYYY-MM-DD' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Up to and including this day (Lanzhou), YYYY-MM-DD' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  to?: string;
}

export class AccessLogQuery extends AccessLogFilter {
  @ApiPropertyOptional({ description: 'Entries before this id (paging back in time)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  // Compared with a bigint column: past 2^63 PostgreSQL refuses the parameter (a 500).
  @Max(Number.MAX_SAFE_INTEGER)
  before?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class AccessLogExportQuery extends AccessLogFilter {
  @ApiPropertyOptional({ enum: ['zh-CN', 'en'], default: 'zh-CN', description: 'The language of the file’s headers' })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  language?: 'zh-CN' | 'en';
}
