import { ApiProperty } from '@nestjs/swagger';
import type { ActivateRequest } from '@skillbridge/contracts';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MESSAGE, PASSWORD_PATTERN } from '../../common/validators';

/** An imported account's first sign-in: the school's one-time code and a password of the person's own. */
export class ActivateDto implements ActivateRequest {
  @ApiProperty({ example: 'wang.zihan@school.example.cn' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'K7QMP-4XA9R', description: 'The one-time code from the school (dashes and case do not matter)' })
  @IsString()
  @MinLength(6)
  @MaxLength(40)
  code: string;

  @ApiProperty({ example: 'Mine#2026' })
  @IsString()
  @Matches(PASSWORD_PATTERN, { message: PASSWORD_MESSAGE })
  password: string;
}
