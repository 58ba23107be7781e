import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination';

/** The multipart form of `POST /schools/:id/imports` (documented for OpenAPI; read by readUpload). */
export class SchoolImportForm {
  @ApiProperty({ enum: ['students', 'teachers'] })
  @IsIn(['students', 'teachers'])
  kind: 'students' | 'teachers';

  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'CSV (UTF-8, with or without BOM) or XLSX; the first line holds the column headers',
  })
  file: unknown;
}

/** The multipart form of `POST /headcount-imports`. */
export class HeadcountImportForm {
  @ApiProperty({ type: 'string', format: 'binary', description: 'CSV or XLSX with 统一社会信用代码, 年份, 职工人数' })
  file: unknown;

  @ApiPropertyOptional({
    type: 'integer',
    example: 2026,
    description:
      'The year the file is for: a row of another year is refused (NOT_THE_IMPORT_YEAR). Without it, each row names its own year.',
  })
  year?: number;
}

/** The multipart form of `POST /major-imports`. */
export class MajorImportForm {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'CSV or XLSX with 专业代码, 专业名称, 英文名称, 层次 (中职, 高职专科, 高职本科), 专业类',
  })
  file: unknown;
}

export class ListImportsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['students', 'teachers'] })
  @IsOptional()
  @IsString()
  @IsIn(['students', 'teachers'])
  kind?: 'students' | 'teachers';
}

/** `GET /headcount-imports/template`: the year to fill in, and the language of the headers. */
export class HeadcountTemplateQuery {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'], default: 'zh-CN' })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  lang?: 'zh-CN' | 'en';
}
