import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RefreshRequest } from '@skillbridge/contracts';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class RefreshDto implements RefreshRequest {
  @ApiProperty()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ description: 'The session to end; without it, every session of the user ends' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}
