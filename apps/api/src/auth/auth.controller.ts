import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LoginResponse, MeView, TokenPair } from '@skillbridge/contracts';
import type { Actor } from '@skillbridge/domain';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, Public } from '../common/auth.decorators';
import { AuthService } from './auth.service';
import { ActivateDto } from './dto/activate.dto';
import { LoginDto } from './dto/login.dto';
import { LogoutDto, RefreshDto } from './dto/refresh.dto';
import { TokenService } from './token.service';

@ApiTags('identity')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with e-mail and password' })
  login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<LoginResponse> {
    return this.auth.login(body.email, body.password, request.ip);
  }

  @Public()
  @Post('auth/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'An imported account sets its first password with its one-time code (401 INVALID_ACTIVATION_CODE); signs in' })
  activate(@Body() body: ActivateDto, @Req() request: FastifyRequest): Promise<LoginResponse> {
    return this.auth.activate(body.email, body.code, body.password, request.ip);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; each refresh token works once' })
  refresh(@Body() body: RefreshDto): Promise<TokenPair> {
    return this.tokens.rotate(body.refreshToken);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke the refresh token (or every session when none is given)' })
  async logout(@CurrentActor() actor: Actor, @Body() body: LogoutDto = {}): Promise<void> {
    await this.tokens.revoke(actor.userId, body?.refreshToken);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user, role, organisation and authority' })
  me(@CurrentActor() actor: Actor): Promise<MeView> {
    return this.auth.me(actor);
  }
}
