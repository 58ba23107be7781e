import { ApiProperty } from '@nestjs/swagger';
import { LANZHOU_DISTRICTS, SCHOOL_LEVELS, type SchoolLevel } from '@skillbridge/contracts';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

export class CreateSchoolDto {
  @ApiProperty({ example: '兰州新区职业技术学校' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: SCHOOL_LEVELS, description: 'secondary = 中职, higher = 高职' })
  @IsIn(SCHOOL_LEVELS)
  level: SchoolLevel;

  @ApiProperty({ enum: LANZHOU_DISTRICTS })
  @IsIn(LANZHOU_DISTRICTS)
  district: string;
}
