import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, LOCALES, type Channel, type Locale } from '@skillbridge/contracts';
import { EVENT_KINDS } from '@skillbridge/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { PageQuery } from '../../common/pagination';

export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';

  @ApiPropertyOptional({ enum: EVENT_KINDS, description: 'Only entries of this kind' })
  @IsOptional()
  @IsIn(EVENT_KINDS)
  kind?: string;

  @ApiPropertyOptional({
    enum: ['zh-CN', 'en'],
    description: 'The language to render the entries in; without it, the Accept-Language header, else Chinese',
  })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  lang?: 'zh-CN' | 'en';
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

export class LanguageDto {
  @ApiProperty({ enum: LOCALES, description: 'The language e-mails and webhook messages are written in' })
  @IsIn(LOCALES)
  locale: Locale;
}
