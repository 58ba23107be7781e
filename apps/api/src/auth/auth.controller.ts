import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LoginResponse, MeView, TokenPair } from '@skillbridge/contracts';
import type { Actor } from '@skillbridge/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Public } from '../common/auth.decorators';
import { ApiAnswer, ApiEmptyAnswer, ApiProblems, ApiSignedIn, INPUT_PROBLEMS } from '../common/openapi';
import { AuthService } from './auth.service';
import { ActivateDto } from './dto/activate.dto';
import { LoginDto } from './dto/login.dto';
import { ForgotPasswordDto, ResetPasswordDto } from './dto/password-reset.dto';
import { LogoutDto, RefreshDto } from './dto/refresh.dto';
import { PasswordResetService } from './password-reset.service';
import { TokenService } from './token.service';

@ApiTags('identity')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
    private readonly resets: PasswordResetService,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiAnswer(200, 'LoginResponse')
  @ApiProblems(...INPUT_PROBLEMS, 'INVALID_CREDENTIALS', 'ACCOUNT_NOT_ACTIVATED', 'RATE_LIMITED')
  @ApiOperation({
    summary:
      'Sign in with e-mail and password; sets the browser’s device cookie for the account (429 RATE_LIMITED with Retry-After while failures are being slowed)',
  })
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const { response, deviceCookie } = await this.auth.login(body.email, body.password, request.ip, request.headers.cookie);
    reply.header('set-cookie', deviceCookie);
    return response;
  }

  @Public()
  @Post('auth/activate')
  @HttpCode(200)
  @ApiAnswer(200, 'LoginResponse')
  @ApiProblems(...INPUT_PROBLEMS, 'INVALID_ACTIVATION_CODE', 'RATE_LIMITED')
  @ApiOperation({ summary: 'An imported account sets its first password with its one-time code (401 INVALID_ACTIVATION_CODE); signs in' })
  async activate(
    @Body() body: ActivateDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const { response, deviceCookie } = await this.auth.activate(body.email, body.code, body.password, request.ip);
    reply.header('set-cookie', deviceCookie);
    return response;
  }

  @Public()
  @Post('auth/password-reset')
  @HttpCode(202)
  @ApiEmptyAnswer(202, 'Accepted: a link is e-mailed if an account has this address (the same answer either way)')
  @ApiProblems(...INPUT_PROBLEMS, 'RATE_LIMITED')
  @ApiOperation({
    summary:
      'Forgot password: e-mails a one-time link (30 minutes) if an account has this e-mail; the same answer either way (429 RATE_LIMITED per e-mail and address)',
  })
  async requestPasswordReset(@Body() body: ForgotPasswordDto, @Req() request: FastifyRequest): Promise<void> {
    await this.resets.request(body.email, request.ip);
  }

  @Public()
  @Post('auth/password-reset/confirm')
  @HttpCode(204)
  @ApiEmptyAnswer(204, 'The new password is set; every session is signed out')
  @ApiProblems(...INPUT_PROBLEMS, 'RESET_LINK_INVALID')
  @ApiOperation({
    summary: 'Sets a new password with the secret of a reset link (400 RESET_LINK_INVALID); signs the account out everywhere',
  })
  async resetPassword(@Body() body: ResetPasswordDto): Promise<void> {
    await this.resets.reset(body.token, body.password);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiAnswer(200, 'TokenPair')
  @ApiProblems(...INPUT_PROBLEMS, 'UNAUTHENTICATED', 'REFRESH_TOKEN_REUSED')
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; each refresh token works once' })
  refresh(@Body() body: RefreshDto): Promise<TokenPair> {
    return this.tokens.rotate(body.refreshToken);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiSignedIn()
  @ApiEmptyAnswer(204, 'Signed out')
  @ApiProblems(...INPUT_PROBLEMS)
  @ApiOperation({ summary: 'Revoke the refresh token (or every session when none is given)' })
  async logout(@CurrentActor() actor: Actor, @Body() body: LogoutDto = {}): Promise<void> {
    await this.tokens.revoke(actor.userId, body?.refreshToken);
  }

  @Get('me')
  @ApiSignedIn()
  @ApiAnswer(200, 'MeView')
  @ApiProblems('NOT_FOUND')
  @ApiOperation({ summary: 'The signed-in user, role, organisation and authority' })
  me(@CurrentActor() actor: Actor): Promise<MeView> {
    return this.auth.me(actor);
  }
}
