import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth.decorators';
import { ApiAnswer, ApiProblems, ApiSignedIn } from '../common/openapi';
import { AccessLogEntry, AccessLogService } from './access-log.service';
import { AccessLogQuery } from './dto/access-log.dto';

/** The platform admin searches who read whose personal data. */
@ApiTags('operations')
@ApiSignedIn()
@Controller('admin/access-log')
export class AuditController {
  constructor(private readonly accessLog: AccessLogService) {}

  @Get()
  @Roles('platform_admin')
  @ApiAnswer(200, '{items}: access-log entries (actorId, actorEmail, actorRole, subjectId, subjectName, what, why, at), newest first')
  @ApiProblems('VALIDATION_FAILED')
  @ApiOperation({ summary: 'Reads of students’ personal data by enterprise staff and officers, newest first' })
  search(@Query() query: AccessLogQuery): Promise<{ items: AccessLogEntry[] }> {
    return this.accessLog.search(query);
  }
}
