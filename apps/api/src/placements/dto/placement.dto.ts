import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';

export class ListPlacementsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Placements overlapping this calendar year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: 'One enterprise’s placements (officers drilling down into their remit)' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}

export class ActivatePlacementDto {
  @ApiPropertyOptional({
    description:
      'The internship liability insurance policy number: a teacher’s practice needs one; for a student it is the agreement’s (given, it must be the same)',
    example: 'PICC-2027-0001',
  })
  @IsOptional()
  @IsString()
  @MinLength(4)
  @MaxLength(64)
  insurancePolicyNo?: string;
}

export class CompletePlacementDto {
  @ApiProperty({ description: 'The enterprise’s evaluation' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  evaluation: string;

  @ApiPropertyOptional({ description: 'Days actually served (teacher practice)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  daysServed?: number;
}
