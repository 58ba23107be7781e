import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateMatchRoundRequest, PreferencesRequest, RankingRequest, SecondRoundRequest } from '@skillbridge/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { UUID } from '../../common/ids';

/** A timestamp with its zone (2027-03-01T18:00:00+08:00), or a date: the end of that day in Lanzhou. */
const DEADLINE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export class SecondRoundDto implements SecondRoundRequest {
  @ApiProperty({ example: '2027 届岗位实习第二轮撮合' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '2027-03-01T18:00:00+08:00', description: 'Until when students may submit or change their lists' })
  @Matches(DEADLINE, { message: 'preferenceDeadline must be an ISO 8601 timestamp with a zone, or a date YYYY-MM-DD' })
  preferenceDeadline: string;

  @ApiPropertyOptional({ description: 'Fixes every lottery of the automatic rankings; recorded. Random when omitted.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  seed?: string;
}

export class CreateMatchRoundDto extends SecondRoundDto implements CreateMatchRoundRequest {
  @ApiProperty({ type: [String], description: 'Open internship or apprenticeship slots with seats left' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(300_000)
  @ArrayUnique()
  @Matches(UUID, { each: true, message: 'each value in $property must be a UUID' })
  slotIds: string[];
}

export class MatchPreferencesDto implements PreferencesRequest {
  @ApiProperty({
    type: [String],
    description: 'Slots of the round, most preferred first: at most 10, each once (422 TOO_MANY_PREFERENCES, SLOT_NOT_IN_ROUND)',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(UUID, { each: true, message: 'each value in $property must be a UUID' })
  slotIds: string[];
}

export class RankingDto implements RankingRequest {
  @ApiProperty({
    type: [String],
    description: 'Students who listed the slot, best first (422 NOT_AN_APPLICANT); those left out are not acceptable',
  })
  @IsArray()
  @ArrayMaxSize(1_000_000)
  @Matches(UUID, { each: true, message: 'each value in $property must be a UUID' })
  studentIds: string[];
}

export class ResultQuery {
  @ApiPropertyOptional({ description: 'Lines to skip (the owner’s view is paged)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({ description: 'Lines to return, at most 1000' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
