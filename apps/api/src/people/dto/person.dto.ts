import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANZHOU_DISTRICTS, type UpdateStudentProfileRequest } from '@skillbridge/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsCalendarDate, PASSWORD_MESSAGE, PASSWORD_PATTERN } from '../../common/validators';

class PersonDto {
  @ApiProperty({ example: '王子涵' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name: string;

  @ApiProperty({ example: 'wang.zihan@school.example.cn' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ description: 'When omitted, an initial password is generated and returned once' })
  @IsOptional()
  @IsString()
  @Matches(PASSWORD_PATTERN, { message: PASSWORD_MESSAGE })
  password?: string;
}

export class CreateStudentDto extends PersonDto {
  @ApiProperty({ example: '2008-05-01' })
  @IsCalendarDate()
  dateOfBirth: string;

  @ApiProperty({ example: '机电一体化技术' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  major: string;

  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1990)
  @Max(2100)
  enrolmentYear: number;

  @ApiPropertyOptional({ example: '机电2301班', description: '班级' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  className?: string;
}

export class CreateTeacherDto extends PersonDto {
  @ApiProperty({ example: '数控技术' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  specialty: string;

  @ApiProperty({ description: 'Teaches specialty courses' })
  @IsBoolean()
  specialtyCourseTeacher: boolean;

  @ApiProperty({ description: '双师型: holds both teaching and industry qualifications' })
  @IsBoolean()
  dualQualified: boolean;
}

const LIST_ITEM = { each: true } as const;

export class UpdateStudentProfileDto implements UpdateStudentProfileRequest {
  @ApiPropertyOptional({ type: [String], example: ['PLC编程', '电气装调'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString(LIST_ITEM)
  @MaxLength(40, LIST_ITEM)
  skills?: string[];

  @ApiPropertyOptional({ type: [String], description: '1+X certificates' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString(LIST_ITEM)
  @MaxLength(80, LIST_ITEM)
  certificates?: string[];

  @ApiPropertyOptional({ enum: LANZHOU_DISTRICTS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsIn(LANZHOU_DISTRICTS, LIST_ITEM)
  preferredDistricts?: string[];

  @ApiPropertyOptional({ description: '自我介绍: read by the enterprises the student applies to', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  selfIntroduction?: string;
}
