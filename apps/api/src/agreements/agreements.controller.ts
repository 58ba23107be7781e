import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AgreementContact,
  AgreementSummary,
  AgreementVerification,
  AgreementView,
  GuardianAgreementView,
  Page,
} from '@skillbridge/contracts';
import { Actor, DomainError } from '@skillbridge/domain';
import type { FastifyReply } from 'fastify';
import { CurrentActor, CurrentSession, Public, Roles } from '../common/auth.decorators';
import { ApiAnswer, ApiFileAnswer, ApiProblems, ApiSignedIn, INPUT_PROBLEMS } from '../common/openapi';
import { RateLimit } from '../common/rate-limit';
import { ValidationFailed } from '../common/validation';
import { AgreementsService } from './agreements.service';
import {
  GuardianContactDto,
  GuardianSignDto,
  GuardianTokenDto,
  ListAgreementsQuery,
  PdfQuery,
  SetInsuranceDto,
  SignAgreementDto,
  VerifyQuery,
} from './dto/agreement.dto';

const SIGNERS = ['student', 'enterprise_admin', 'school_admin'] as const;

const sendPdf = async (reply: FastifyReply, file: { bytes: Buffer; fileName: string }): Promise<void> => {
  await reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${file.fileName}"`)
    .send(file.bytes);
};

/** 三方实习协议 — the tripartite agreement: read, insured, signed by every party, verified (issue 18). */
@ApiTags('agreements')
@Controller()
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Get('agreements')
  @ApiSignedIn()
  @ApiAnswer(200, 'AgreementSummary', 'page')
  @ApiProblems('VALIDATION_FAILED', 'INVALID_CURSOR')
  @ApiOperation({
    summary:
      'Agreements, each party its own (the student, the host enterprise, the school; officers none), by start date, keyset-paginated; enterprise reads are access-logged',
  })
  list(@CurrentActor() actor: Actor, @Query() query: ListAgreementsQuery): Promise<Page<AgreementSummary>> {
    return this.agreements.list(actor, query);
  }

  @Get('agreements/:id')
  @ApiSignedIn()
  @ApiAnswer(200, 'AgreementView')
  @ApiProblems('NOT_FOUND')
  @ApiOperation({
    summary: 'One agreement: its current version’s terms, text (zh-CN, en), SHA-256 and signatures; enterprise reads are access-logged',
  })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AgreementView> {
    return this.agreements.get(actor, id);
  }

  @Get('placements/:id/agreement')
  @ApiSignedIn()
  @ApiAnswer(200, 'AgreementView')
  @ApiProblems('NOT_FOUND')
  @ApiOperation({ summary: 'The agreement of a placement' })
  ofPlacement(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AgreementView> {
    return this.agreements.getOfPlacement(actor, id);
  }

  @Get('agreements/:id/pdf')
  @ApiSignedIn()
  @ApiFileAnswer(
    'The version’s PDF (rendered on first view and kept); once every party signed, the signed PDF with its signature page',
    'application/pdf',
  )
  @ApiProblems('NOT_FOUND', 'VALIDATION_FAILED')
  @ApiOperation({ summary: 'The agreement as a PDF; access-logged' })
  async pdf(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: PdfQuery, @Res() reply: FastifyReply): Promise<void> {
    await sendPdf(reply, await this.agreements.pdf(actor, id, query.version));
  }

  @Put('agreements/:id/insurance')
  @ApiSignedIn()
  @Roles('school_admin', 'enterprise_admin')
  @ApiAnswer(200, 'AgreementView')
  @ApiProblems(...INPUT_PROBLEMS, 'NOT_FOUND', 'INSURANCE_NOT_COVERING', 'AGREEMENT_VOID')
  @ApiOperation({
    summary: 'The school or the enterprise enters the internship liability insurance: a new version when the terms change; signing opens',
  })
  setInsurance(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: SetInsuranceDto): Promise<AgreementView> {
    return this.agreements.setInsurance(actor, id, body);
  }

  @Post('agreements/:id/signing-codes')
  @HttpCode(202)
  @ApiSignedIn()
  @Roles(...SIGNERS)
  @RateLimit('messages')
  @ApiAnswer(202, 'object')
  @ApiProblems('NOT_FOUND', 'NOT_A_SIGNER')
  @ApiOperation({
    summary: 'E-mails the signer a 6-digit one-time code to confirm a signature with (10 minutes, 5 tries); answers `{expiresAt}`',
  })
  signingCode(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<{ expiresAt: string }> {
    return this.agreements.sendSigningCode(actor, id);
  }

  @Post('agreements/:id/signatures')
  @HttpCode(200)
  @ApiSignedIn()
  @Roles(...SIGNERS)
  @RateLimit('messages')
  @ApiAnswer(200, 'AgreementView')
  @ApiProblems(
    ...INPUT_PROBLEMS,
    'NOT_FOUND',
    'NOT_A_SIGNER',
    'AGREEMENT_VERSION_OUTDATED',
    'ALREADY_SIGNED',
    'SIGNING_NOT_OPEN',
    'SIGNING_CODE_INVALID',
    'SIGNING_PASSWORD_INVALID',
    'AGREEMENT_VOID',
  )
  @ApiOperation({
    summary: 'Signs the version read (its number and SHA-256) for the signer’s own party, confirmed with the password or a one-time code',
  })
  sign(
    @CurrentActor() actor: Actor,
    @CurrentSession() session: string | null,
    @Param('id') id: string,
    @Body() body: SignAgreementDto,
  ): Promise<AgreementView> {
    return this.agreements.sign(actor, session, id, body);
  }

  @Put('students/:id/guardian')
  @ApiSignedIn()
  @ApiAnswer(200, 'AgreementContact')
  @ApiProblems(...INPUT_PROBLEMS, 'NOT_FOUND', 'GUARDIAN_CONTACT_SCHOOL_ONLY', 'GUARDIAN_CONTACT_MISSING')
  @ApiOperation({
    summary: 'The school’s record of the student’s guardian (the school only): the student’s unsigned agreements get a new version',
  })
  setGuardian(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: GuardianContactDto): Promise<AgreementContact> {
    return this.agreements.setGuardian(actor, id, body);
  }

  @Post('agreements/:id/guardian-link')
  @HttpCode(202)
  @ApiSignedIn()
  @Roles('school_admin')
  @RateLimit('messages')
  @ApiAnswer(202, 'object')
  @ApiProblems(
    'NOT_FOUND',
    'GUARDIAN_CONTACT_SCHOOL_ONLY',
    'GUARDIAN_NOT_REQUIRED',
    'GUARDIAN_CONTACT_MISSING',
    'SIGNING_NOT_OPEN',
    'ALREADY_SIGNED',
    'AGREEMENT_VOID',
  )
  @ApiOperation({
    summary:
      'Sends the guardian a one-time link (72 h, single use; a new one ends the older) by e-mail, or the webhook channel (SMS) when only a phone is known; answers `{channel, expiresAt}`',
  })
  guardianLink(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<{ channel: 'email' | 'webhook'; expiresAt: string }> {
    return this.agreements.sendGuardianLink(actor, id);
  }

  @Post('guardian-signatures/view')
  @HttpCode(200)
  @Public()
  @ApiAnswer(200, 'GuardianAgreementView')
  @ApiProblems(...INPUT_PROBLEMS, 'GUARDIAN_LINK_INVALID')
  @ApiOperation({ summary: 'The guardian opens the link: the agreement to read (recorded as seen, which signing needs)' })
  guardianView(@Body() body: GuardianTokenDto): Promise<GuardianAgreementView> {
    return this.agreements.guardianView(body.token);
  }

  @Post('guardian-signatures/pdf')
  @HttpCode(200)
  @Public()
  @ApiFileAnswer('The PDF of the version the link is for', 'application/pdf')
  @ApiProblems(...INPUT_PROBLEMS, 'GUARDIAN_LINK_INVALID')
  @ApiOperation({ summary: 'The guardian’s PDF of the agreement' })
  async guardianPdf(@Body() body: GuardianTokenDto, @Res() reply: FastifyReply): Promise<void> {
    await sendPdf(reply, await this.agreements.guardianPdf(body.token));
  }

  @Post('guardian-signatures')
  @HttpCode(200)
  @Public()
  @ApiAnswer(200, 'object')
  @ApiProblems(
    ...INPUT_PROBLEMS,
    'GUARDIAN_LINK_INVALID',
    'GUARDIAN_NOT_VIEWED',
    'AGREEMENT_VERSION_OUTDATED',
    'ALREADY_SIGNED',
    'SIGNING_NOT_OPEN',
  )
  @ApiOperation({ summary: 'The guardian signs the version seen, with the link’s secret (single use); answers `{signedAt}`' })
  guardianSign(@Body() body: GuardianSignDto): Promise<{ signedAt: string }> {
    return this.agreements.guardianSign(body);
  }

  @Post('agreements/verify')
  @HttpCode(200)
  @Public()
  @ApiConsumes('application/pdf')
  @ApiBody({ description: 'The PDF to check (≤ 10 MB)', schema: { type: 'string', format: 'binary' } })
  @ApiAnswer(200, 'AgreementVerification')
  @ApiProblems('UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE', 'BAD_REQUEST', 'VALIDATION_FAILED')
  @ApiOperation({
    summary: 'Whether a PDF is exactly a signed agreement as SkillBridge issued it, and who signed it when (one changed byte: not valid)',
  })
  verifyPdf(@Body() body: unknown): Promise<AgreementVerification> {
    // A JSON body is not a PDF: its fields are refused by name, as every route refuses fields it does not know.
    if (body && typeof body === 'object' && !Buffer.isBuffer(body) && !Array.isArray(body) && Object.keys(body).length > 0) {
      throw new ValidationFailed(Object.keys(body).map((field) => ({ field, message: 'is not a known field: send the PDF as the body' })));
    }
    if (!Buffer.isBuffer(body) || body.length === 0)
      throw new DomainError('BAD_REQUEST', 'invalid', 'Send the PDF as the body, Content-Type: application/pdf');
    return this.agreements.verifyPdf(body);
  }

  @Get('agreements/:id/verify')
  @Public()
  @ApiAnswer(200, 'AgreementVerification')
  @ApiProblems('NOT_FOUND', 'VALIDATION_FAILED')
  @ApiOperation({ summary: 'Whether the PDF with this SHA-256 is a signed version of this agreement as issued, and who signed it when' })
  verify(@Param('id') id: string, @Query() query: VerifyQuery): Promise<AgreementVerification> {
    return this.agreements.verify(query.sha256, id);
  }
}
