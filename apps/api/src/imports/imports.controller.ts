import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ImportView, Page } from '@skillbridge/contracts';
import { Actor, ImportKind, csvLine, isImportKind, notFound, templateHeaders, usccCheckCharacter } from '@skillbridge/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { ApiAnswer, ApiFileAnswer, ApiProblems, ApiSignedIn } from '../common/openapi';
import { HeadcountImportForm, HeadcountTemplateQuery, ListImportsQuery, MajorImportForm, SchoolImportForm } from './dto/import.dto';
import { ImportsService } from './imports.service';
import { readUpload } from './upload';

/** One example line per template, so that the format of dates and yes/no answers is plain. */
const EXAMPLES: Record<ImportKind, string[]> = {
  students: ['王子涵', 'wang.zihan@school.example.cn', '机电一体化技术', '2025', '2009-05-01', 'PLC编程、电气装调', ''],
  teachers: ['李老师', 'li.laoshi@school.example.cn', '数控技术', '是', '否'],
  headcounts: ['91620100MA7XQ5D8Y' + usccCheckCharacter('91620100MA7XQ5D8Y'), '2026', '1200'],
  majors: ['460301', '机电一体化技术', 'Mechatronics Technology', '高职专科', '自动化类'],
};

const sendCsv = (reply: FastifyReply, fileName: string, csv: string) =>
  reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(csv);

@ApiTags('imports')
@ApiSignedIn()
@Controller()
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('schools/:id/imports')
  @HttpCode(202)
  @Roles('school_admin', 'platform_admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: SchoolImportForm })
  @ApiAnswer(202, 'ImportView')
  @ApiProblems('VALIDATION_FAILED', 'NOT_FOUND', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE')
  @ApiOperation({ summary: 'Bulk import of students or teachers (CSV or XLSX): every row or none; queued, answers 202 with the import' })
  async createForSchool(@CurrentActor() actor: Actor, @Param('id') schoolId: string, @Req() request: FastifyRequest): Promise<ImportView> {
    await this.imports.mayImportInto(actor, schoolId);
    const upload = await readUpload(request, ['kind']);
    return this.imports.createForSchool(actor, schoolId, upload.fields.kind, upload);
  }

  @Get('schools/:id/imports')
  @Roles('school_admin', 'platform_admin')
  @ApiAnswer(200, 'ImportView', 'page')
  @ApiProblems('VALIDATION_FAILED', 'INVALID_CURSOR', 'NOT_FOUND')
  @ApiOperation({ summary: 'The school’s imports, newest first' })
  listForSchool(@CurrentActor() actor: Actor, @Param('id') schoolId: string, @Query() query: ListImportsQuery): Promise<Page<ImportView>> {
    return this.imports.listForSchool(actor, schoolId, query);
  }

  @Post('headcount-imports')
  @HttpCode(202)
  @Roles('bureau_officer', 'platform_admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: HeadcountImportForm })
  @ApiAnswer(202, 'ImportView')
  @ApiProblems('VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE')
  @ApiOperation({
    summary: 'Yearly headcounts of the enterprises of the officer’s remit (MIIT, SASAC): every row or none; then the quotas follow',
  })
  async createHeadcounts(@CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<ImportView> {
    return this.imports.createHeadcounts(actor, await readUpload(request, ['year']));
  }

  @Get('headcount-imports')
  @Roles('bureau_officer', 'platform_admin')
  @ApiAnswer(200, 'ImportView', 'page')
  @ApiProblems('VALIDATION_FAILED', 'INVALID_CURSOR')
  @ApiOperation({ summary: 'The officer’s own headcount imports, newest first' })
  listHeadcounts(@CurrentActor() actor: Actor, @Query() query: ListImportsQuery): Promise<Page<ImportView>> {
    return this.imports.listHeadcounts(actor, query);
  }

  @Get('headcount-imports/template')
  @Roles('bureau_officer', 'platform_admin')
  @ApiProduces('text/csv')
  @ApiFileAnswer('The headcount file, CSV (UTF-8)', 'text/csv')
  @ApiProblems('VALIDATION_FAILED')
  @ApiOperation({
    summary:
      'The year’s headcount file filled in for the officer: every enterprise of the remit with its current headcount, to edit and upload back',
  })
  async headcountTemplate(@CurrentActor() actor: Actor, @Query() query: HeadcountTemplateQuery, @Res() reply: FastifyReply): Promise<void> {
    const csv = await this.imports.headcountTemplate(actor, query.year, query.lang ?? 'zh-CN');
    sendCsv(reply, `headcounts-${query.year}.csv`, csv);
  }

  @Post('major-imports')
  @HttpCode(202)
  @Roles('platform_admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: MajorImportForm })
  @ApiAnswer(202, 'ImportView')
  @ApiProblems('VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE')
  @ApiOperation({
    summary:
      'The national vocational major catalogue (code, names, level, category): every row or none; new majors added, known codes updated',
  })
  async createMajors(@CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<ImportView> {
    return this.imports.createMajors(actor, await readUpload(request, []));
  }

  @Get('major-imports')
  @Roles('platform_admin')
  @ApiAnswer(200, 'ImportView', 'page')
  @ApiProblems('VALIDATION_FAILED', 'INVALID_CURSOR')
  @ApiOperation({ summary: 'The imports of the major catalogue, newest first' })
  listMajors(@CurrentActor() actor: Actor, @Query() query: ListImportsQuery): Promise<Page<ImportView>> {
    return this.imports.listMajors(actor, query);
  }

  @Get('imports/templates/:kind')
  @ApiProduces('text/csv')
  @ApiFileAnswer('The empty template, CSV (UTF-8)', 'text/csv')
  @ApiProblems('NOT_FOUND')
  @ApiOperation({ summary: 'An empty import file with the column headers (students, teachers, headcounts, majors) and one example line' })
  template(@Param('kind') kind: string, @Query('lang') lang: string | undefined, @Res() reply: FastifyReply): void {
    // Not `kind in COLUMNS_OF`: that finds `constructor` and `toString` too (a 500, not a 404).
    if (!isImportKind(kind)) throw notFound('The template');
    const language = lang === 'en' ? 'en' : 'zh-CN';
    sendCsv(reply, `${kind}-template.csv`, '\uFEFF' + csvLine(templateHeaders(kind, language)) + csvLine(EXAMPLES[kind]));
  }

  @Get('imports/:id')
  @ApiAnswer(200, 'ImportView')
  @ApiProblems('NOT_FOUND')
  @ApiOperation({ summary: 'An import: status, progress (processedRows of totalRows), the row-level errors of a rejected file' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ImportView> {
    return this.imports.get(actor, id);
  }

  @Post('imports/:id/activation-codes')
  @HttpCode(200)
  @Roles('school_admin', 'platform_admin')
  @ApiProduces('text/csv')
  @ApiFileAnswer('The activation codes, CSV (UTF-8)', 'text/csv')
  @ApiProblems('NOT_FOUND', 'IMPORT_NOT_DONE')
  @ApiOperation({
    summary:
      'One-time activation codes of the import’s accounts not yet activated, as CSV; new codes each time (earlier ones stop working)',
  })
  async activationCodes(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const { fileName, csv } = await this.imports.activationCodes(actor, id);
    sendCsv(reply, fileName, csv);
  }
}
