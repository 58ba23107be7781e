import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../common/auth.decorators';
import { ApiAnswer, ApiFileAnswer, ApiProblems, ApiSignedIn } from '../common/openapi';
import { AccessLogEntry, AccessLogService } from './access-log.service';
import { AccessLogExportQuery, AccessLogQuery } from './dto/access-log.dto';

/** The platform admin searches who read whose personal data, and takes what the search finds as a file. */
@ApiTags('operations')
@ApiSignedIn()
@Controller('admin/access-log')
export class AuditController {
  constructor(private readonly accessLog: AccessLogService) {}

  @Get()
  @Roles('platform_admin')
  @ApiAnswer(
    200,
    '{items}: access-log entries (actorId, actorEmail, actorName, actorRole, subjectId, subjectName, what, why, at), newest first',
  )
  @ApiProblems('VALIDATION_FAILED')
  @ApiOperation({ summary: 'Reads of students’ personal data by enterprise staff and officers, newest first' })
  search(@Query() query: AccessLogQuery): Promise<{ items: AccessLogEntry[] }> {
    return this.accessLog.search(query);
  }

  @Get('export')
  @Roles('platform_admin')
  @ApiFileAnswer('The entries the filters find, newest first, as CSV (UTF-8); at most 100,000', 'text/csv')
  @ApiProblems('VALIDATION_FAILED')
  @ApiOperation({ summary: 'The access log as CSV, with the same filters as the search' })
  async export(@Query() query: AccessLogExportQuery, @Res() reply: FastifyReply): Promise<void> {
    const { language, ...filter } = query;
    const file = encodeURIComponent(language === 'en' ? 'access-log.csv' : '个人信息访问记录.csv');
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="access-log.csv"; filename*=UTF-8''${file}`)
      .send(this.accessLog.exportCsv(filter, language ?? 'zh-CN'));
  }
}
