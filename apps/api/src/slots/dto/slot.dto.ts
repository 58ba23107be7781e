import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { LANZHOU_DISTRICTS, SLOT_STATES, SLOT_TYPES, type CreateSlotRequest, type SlotState, type SlotType } from '@skillbridge/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsCalendarDate } from '../../common/validators';

const MONEY = /^\d{1,8}(\.\d{1,2})?$/;
const HOURS = /^\d{1,2}(\.\d)?$/;
const EACH = { each: true } as const;

export class CreateSlotDto implements CreateSlotRequest {
  @ApiProperty({ enum: SLOT_TYPES })
  @IsIn(SLOT_TYPES)
  type: SlotType;

  @ApiProperty({ example: '数控加工实习生' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  title: string;

  @ApiProperty()
  @IsString()
  @MaxLength(5000)
  description: string;

  @ApiProperty({ type: [String], example: ['数控技术'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString(EACH)
  @MaxLength(50, EACH)
  majors: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString(EACH)
  @MaxLength(40, EACH)
  skills?: string[];

  @ApiProperty({ enum: LANZHOU_DISTRICTS })
  @IsIn(LANZHOU_DISTRICTS)
  district: string;

  @ApiProperty({ example: '2027-03-01' })
  @IsCalendarDate()
  startDate: string;

  @ApiProperty({ example: '2027-08-31' })
  @IsCalendarDate()
  endDate: string;

  @ApiProperty({ minimum: 1, maximum: 10000 })
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity: number;

  @ApiPropertyOptional({ description: 'Monthly stipend in yuan, a decimal string', example: '2800.00' })
  @IsOptional()
  @Matches(MONEY, { message: 'stipend must be an amount in yuan such as 2800.00' })
  stipend?: string;

  @ApiPropertyOptional({ description: 'The same post’s monthly wage in yuan', example: '3500.00' })
  @IsOptional()
  @Matches(MONEY, { message: 'postWage must be an amount in yuan such as 3500.00' })
  postWage?: string;

  @ApiPropertyOptional({
    description: 'Regular staff in this post: interns in it are capped at 20 % of them (POST_CAP_EXCEEDED)',
    example: 40,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  postStaff?: number;

  @ApiProperty({ example: '8' })
  @Matches(HOURS, { message: 'hoursPerDay must be a number of hours such as 8 or 7.5' })
  hoursPerDay: string;

  @ApiProperty()
  @IsBoolean()
  nightShift: boolean;

  @ApiPropertyOptional({ example: '2027-02-15' })
  @IsOptional()
  @IsCalendarDate()
  applicationDeadline?: string;
}

export class UpdateSlotDto extends PartialType(CreateSlotDto) {}

export class SearchSlotsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SLOT_TYPES })
  @IsOptional()
  @IsIn(SLOT_TYPES)
  type?: SlotType;

  @ApiPropertyOptional({
    description:
      'Words or Chinese phrases in the title, description, majors or skills; synonyms (焊工, welding) and English major names count',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  major?: string;

  @ApiPropertyOptional({ enum: LANZHOU_DISTRICTS })
  @IsOptional()
  @IsIn(LANZHOU_DISTRICTS)
  district?: string;

  @ApiPropertyOptional({ description: 'Slots starting on or after this date' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Slots ending on or before this date' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ description: 'An enterprise’s own slots in every state (its admins only)' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({ enum: SLOT_STATES, description: 'With enterpriseId: one state only' })
  @IsOptional()
  @IsIn(SLOT_STATES)
  state?: SlotState;
}

export class RecommendedQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}
