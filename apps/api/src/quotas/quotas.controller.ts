import { today } from '@skillbridge/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { QUOTA_EXPORT_LABELS, type Page, type QuotaRow, type QuotaSummary } from '@skillbridge/contracts';
import type { Actor } from '@skillbridge/domain';
import type { FastifyReply } from 'fastify';
import { RateLimit } from '../common/rate-limit';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { ApiAnswer, ApiFileAnswer, ApiProblems, ApiSignedIn, INPUT_PROBLEMS } from '../common/openapi';
import { ExportQuery, ListQuotasQuery, QuotaYearQuery, RemindDto } from './dto/quota.dto';
import { QuotasService } from './quotas.service';

const MONITORS = ['bureau_officer', 'platform_admin'] as const;

@ApiTags('bureau monitoring')
@ApiSignedIn()
@Controller()
export class QuotasController {
  constructor(private readonly quotas: QuotasService) {}

  @Get('quotas')
  @Roles(...MONITORS)
  @ApiAnswer(200, 'QuotaRow', 'page')
  @ApiProblems('VALIDATION_FAILED', 'INVALID_CURSOR')
  @ApiOperation({ summary: 'Per-enterprise quota rows of the officer’s remit: headcount, required, hosted, cap, status' })
  list(@CurrentActor() actor: Actor, @Query() query: ListQuotasQuery): Promise<Page<QuotaRow>> {
    return this.quotas.list(actor, query);
  }

  @Get('quotas/summary')
  @Roles(...MONITORS)
  @ApiAnswer(200, 'QuotaSummary')
  @ApiProblems('VALIDATION_FAILED')
  @ApiOperation({ summary: 'Totals by status, district and industry' })
  summary(@CurrentActor() actor: Actor, @Query() query: QuotaYearQuery): Promise<QuotaSummary> {
    return this.quotas.summary(actor, query.year);
  }

  @Post('quotas/reminders')
  @HttpCode(200)
  @Roles(...MONITORS)
  @RateLimit('reminders')
  @ApiAnswer(200, '{reminded, skipped}: how many enterprises were reminded and how many were skipped (reminded today already)')
  @ApiProblems(...INPUT_PROBLEMS)
  @ApiOperation({ summary: 'Remind every enterprise in that status (at most once a day each); answers how many' })
  remind(@CurrentActor() actor: Actor, @Body() body: RemindDto): Promise<{ reminded: number; skipped: number }> {
    return this.quotas.remind(actor, body.year, body.status);
  }

  @Get('quotas/export')
  @Roles(...MONITORS)
  @ApiFileAnswer('The quota table, CSV (UTF-8) or XLSX', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiProblems('VALIDATION_FAILED')
  @ApiOperation({
    summary: 'The table as CSV or XLSX, streamed: the filters in view (district, industry, status), the screen’s labels in its language',
  })
  async export(@CurrentActor() actor: Actor, @Query() query: ExportQuery, @Res() reply: FastifyReply): Promise<void> {
    // Before the headers go out: a refusal inside the stream would arrive as a broken file.
    this.quotas.assertMonitor(actor);
    const year = query.year ?? Number(today().slice(0, 4));
    const format = query.format ?? 'csv';
    const { district, industry, status } = query;
    const lang = query.lang ?? 'zh-CN';
    const stream = await this.quotas.exportStream(actor, year, format, { district, industry, status }, lang);
    const file = encodeURIComponent(`${QUOTA_EXPORT_LABELS[lang].sheet}-${year}.${format}`);
    await reply
      .header(
        'content-type',
        format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      )
      .header('content-disposition', `attachment; filename="quotas-${year}.${format}"; filename*=UTF-8''${file}`)
      .send(stream);
  }

  @Get('enterprises/:id/quota')
  @ApiAnswer(200, 'QuotaRow')
  @ApiProblems('VALIDATION_FAILED', 'NOT_FOUND', 'NO_QUOTA_YET')
  @ApiOperation({ summary: 'An enterprise’s own quota line: required, hosted, what is left' })
  own(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: QuotaYearQuery): Promise<QuotaRow> {
    return this.quotas.own(actor, id, query.year);
  }
}
