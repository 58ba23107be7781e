import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, type Channel } from '@skillbridge/contracts';
import { EVENT_KINDS } from '@skillbridge/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { PageQuery } from '../../common/pagination';

export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

export class PreferenceDto {
  @ApiProperty({ enum: EVENT_KINDS })
  @IsIn(EVENT_KINDS)
  kind: string;

  @ApiProperty({ enum: CHANNELS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(3)
  @IsIn(CHANNELS, { each: true })
  channels: Channel[];

  @ApiProperty({ enum: ['immediate', 'digest'] })
  @IsIn(['immediate', 'digest'])
  mode: 'immediate' | 'digest';
}

export class PreferencesDto {
  @ApiProperty({ type: [PreferenceDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PreferenceDto)
  preferences: PreferenceDto[];
}
