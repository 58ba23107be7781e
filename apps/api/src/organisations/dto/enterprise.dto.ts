import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANZHOU_DISTRICTS, OWNERSHIPS, VERIFICATION_STATUSES, type Ownership, type VerificationStatus } from '@skillbridge/contracts';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { LINK_SECRET_PATTERN } from '@skillbridge/accounts';
import { PageQuery } from '../../common/pagination';
import { IsUscc, PASSWORD_MESSAGE, PASSWORD_PATTERN } from '../../common/validators';

export class RegisterEnterpriseDto {
  @ApiProperty({ example: '兰州飞天智能装备有限公司' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name: string;

  @ApiProperty({ description: '统一社会信用代码, 18 characters with a GB 32100 check character', example: '91620100MA71000007' })
  @IsUscc()
  uscc: string;

  @ApiProperty({ enum: OWNERSHIPS })
  @IsIn(OWNERSHIPS)
  ownership: Ownership;

  @ApiProperty({ example: '装备制造' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  industry: string;

  @ApiProperty({ enum: LANZHOU_DISTRICTS })
  @IsIn(LANZHOU_DISTRICTS)
  district: string;

  @ApiProperty({ example: '张经理' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  adminName: string;

  @ApiProperty({ example: 'hr@example.cn' })
  @IsEmail()
  @MaxLength(254)
  adminEmail: string;
}

/** The secret of a registration link and the first admin's password, chosen now by whoever holds the mailbox. */
export class ConfirmRegistrationDto {
  @ApiProperty({ description: 'The secret from the e-mailed link (after `#token=`)' })
  @IsString()
  @Matches(LINK_SECRET_PATTERN, { message: 'token must be the 43 characters from the registration link' })
  token: string;

  @ApiProperty({ description: '8–200 characters with a letter and a digit' })
  @IsString()
  @Matches(PASSWORD_PATTERN, { message: PASSWORD_MESSAGE })
  password: string;
}

export class UpdateEnterpriseDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  industry?: string;

  @ApiPropertyOptional({ enum: LANZHOU_DISTRICTS })
  @IsOptional()
  @IsIn(LANZHOU_DISTRICTS)
  district?: string;
}

export class HeadcountDto {
  @ApiProperty({ description: 'Total employees in that year', example: 860 })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  employees: number;
}

export class ListEnterprisesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name or the USCC' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: LANZHOU_DISTRICTS })
  @IsOptional()
  @IsIn(LANZHOU_DISTRICTS)
  district?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  industry?: string;

  @ApiPropertyOptional({ enum: OWNERSHIPS })
  @IsOptional()
  @IsIn(OWNERSHIPS)
  ownership?: Ownership;

  @ApiPropertyOptional({ enum: VERIFICATION_STATUSES, description: 'The platform admin only: officers see verified enterprises alone' })
  @IsOptional()
  @IsIn(VERIFICATION_STATUSES)
  verification?: VerificationStatus;
}

export class RefuseEnterpriseDto {
  @ApiProperty({
    description: 'Why it is refused: the applicant is told, and may correct the profile and re-apply',
    example: '营业执照名称与填写的企业名称不一致',
  })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(500)
  reason: string;
}
