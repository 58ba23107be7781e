import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGREEMENT_PARTIES,
  AGREEMENT_STATUSES,
  type AgreementParty,
  type AgreementStatus,
  type GuardianContactRequest,
  type GuardianSignRequest,
  type SetInsuranceRequest,
  type SignAgreementRequest,
} from '@skillbridge/contracts';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SHA256 = /^[0-9a-fA-F]{64}$/;
const LINK_SECRET = /^[\w-]{43}$/;

export class ListAgreementsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES })
  @IsOptional()
  @IsIn(AGREEMENT_STATUSES)
  status?: AgreementStatus;

  @ApiPropertyOptional({ description: 'The agreement of one placement' })
  @IsOptional()
  @IsUUID()
  placementId?: string;
}

export class PdfQuery {
  @ApiPropertyOptional({ description: 'A version (default: the current one)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  version?: number;
}

export class VerifyQuery {
  @ApiProperty({ description: 'The SHA-256 (hex) of the PDF to check' })
  @Matches(SHA256)
  sha256: string;
}

export class SetInsuranceDto implements SetInsuranceRequest {
  @ApiProperty({ example: '中国人民财产保险股份有限公司兰州市分公司' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  insurer: string;

  @ApiProperty({ example: 'PICC-2027-0001' })
  @IsString()
  @MinLength(4)
  @MaxLength(64)
  policyNo: string;

  @ApiProperty({ example: '2027-03-01' })
  @Matches(ISO_DATE)
  coverageStart: string;

  @ApiProperty({ example: '2027-08-31' })
  @Matches(ISO_DATE)
  coverageEnd: string;
}

export class SignAgreementDto implements SignAgreementRequest {
  @ApiProperty({ description: 'The version read' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ description: 'Its SHA-256, as read' })
  @Matches(SHA256)
  termsSha256: string;

  @ApiPropertyOptional({
    enum: AGREEMENT_PARTIES,
    description: 'The party signed for (default: the signer’s own side; another is refused)',
  })
  @IsOptional()
  @IsIn(AGREEMENT_PARTIES)
  party?: AgreementParty;

  @ApiPropertyOptional({ description: 'The signer’s password (or a code)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ description: 'The 6-digit code sent by POST /agreements/:id/signing-codes (or the password)' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  code?: string;
}

export class GuardianContactDto implements GuardianContactRequest {
  @ApiProperty({ example: '王建国' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ example: '13800001234' })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 -]{5,19}$/)
  phone?: string;

  @ApiPropertyOptional({ example: 'guardian@example.cn' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

export class GuardianTokenDto {
  @ApiProperty({ description: 'The secret of the guardian’s link (the URL fragment’s `token`)' })
  @Matches(LINK_SECRET)
  token: string;
}

export class GuardianSignDto extends GuardianTokenDto implements GuardianSignRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty()
  @Matches(SHA256)
  termsSha256: string;
}
