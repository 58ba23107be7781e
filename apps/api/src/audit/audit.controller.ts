import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { Roles } from '../common/auth.decorators';
import { ApiAnswer, ApiProblems, ApiSignedIn } from '../common/openapi';

export class AccessLogQuery {
  @ApiPropertyOptional({ description: 'Whose data was read' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @ApiPropertyOptional({ description: 'Who read it' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

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

/** The platform admin searches who read whose personal data. */
@ApiTags('operations')
@ApiSignedIn()
@Controller('admin/access-log')
export class AuditController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Roles('platform_admin')
  @ApiAnswer(200, '{items}: access-log entries (actorId, actorEmail, actorRole, subjectId, subjectName, what, why, at), newest first')
  @ApiProblems('VALIDATION_FAILED')
  @ApiOperation({ summary: 'Reads of students’ personal data by enterprise staff and officers, newest first' })
  async search(@Query() query: AccessLogQuery) {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.subjectId) where.push(`l.subject_id = $${params.push(query.subjectId)}`);
    if (query.actorId) where.push(`l.actor_id = $${params.push(query.actorId)}`);
    if (query.before) where.push(`l.id < $${params.push(query.before)}`);
    const rows = await this.db.query(
      `SELECT l.id::int AS id, l.actor_id AS "actorId", a.email AS "actorEmail", l.actor_role AS "actorRole", l.subject_id AS "subjectId",
              s.name AS "subjectName", l.what, l.why, l.at
         FROM access_log l JOIN users a ON a.id = l.actor_id LEFT JOIN users s ON s.id = l.subject_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY l.id DESC LIMIT ${query.limit ?? 100}`,
      params,
    );
    return { items: rows };
  }
}
