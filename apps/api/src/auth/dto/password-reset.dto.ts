import { ApiProperty } from '@nestjs/swagger';
import { LINK_SECRET_PATTERN } from '@skillbridge/accounts';
import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';
import { PASSWORD_MESSAGE, PASSWORD_PATTERN } from '../../common/validators';

/** 忘记密码: where to send a reset link. */
export class ForgotPasswordDto {
  @ApiProperty({ example: 'student@demo.skillbridge.cn' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

/** A new password with the secret of a reset link. */
export class ResetPasswordDto {
  @ApiProperty({ description: 'The secret from the e-mailed link (after `#token=`)' })
  @IsString()
  @Matches(LINK_SECRET_PATTERN, { message: 'token must be the 43 characters from the reset link' })
  token: string;

  @ApiProperty({ example: 'Mine#2026' })
  @IsString()
  @Matches(PASSWORD_PATTERN, { message: PASSWORD_MESSAGE })
  password: string;
}
