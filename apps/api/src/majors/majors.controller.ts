import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { MAJOR_LEVELS, type MajorLevel, type MajorView } from '@skillbridge/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiAnswer, ApiProblems, ApiSignedIn } from '../common/openapi';
import { MajorsService } from './majors.service';

export class FindMajorsQuery {
  @ApiPropertyOptional({ description: 'A fragment of the code, the Chinese or the English name' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ enum: MAJOR_LEVELS })
  @IsOptional()
  @IsIn(MAJOR_LEVELS)
  level?: MajorLevel;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

/** Majors are reference data every signed-in person reads (forms and filters pick them); the platform admin imports them. */
@ApiTags('majors')
@ApiSignedIn()
@Controller('majors')
export class MajorsController {
  constructor(private readonly majors: MajorsService) {}

  @Get()
  @ApiAnswer(200, 'MajorView', 'list')
  @ApiProblems('VALIDATION_FAILED')
  @ApiOperation({ summary: 'Majors of the national catalogue by a fragment of their code or name (an autocomplete)' })
  find(@Query() query: FindMajorsQuery): Promise<MajorView[]> {
    return this.majors.find(query.q ?? '', query.level ?? null, query.limit ?? 20);
  }
}
