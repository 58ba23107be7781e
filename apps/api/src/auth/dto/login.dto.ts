import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@skillbridge/contracts';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'student@demo.skillbridge.cn' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Demo#2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}
