import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createHmac, createSecretKey } from 'crypto';
import { RefuseUnexpectedBody } from '../common/validation';
import { AppConfig } from '../config/app.config';
import { AccessTokenGuard } from './access-token.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DeviceCookies } from './device-cookie';
import { LoginThrottle } from './login-throttle.service';
import { PasswordResetService } from './password-reset.service';
import { AccountMail } from './account-mail';
import { TokenService } from './token.service';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a public
        // key on every verify — measured at ~0.6 ms a request against ~0.03 ms.
        secret: createSecretKey(Buffer.from(config.jwtSecret)),
        signOptions: { expiresIn: config.ACCESS_TOKEN_TTL_SECONDS, issuer: 'skillbridge' },
        verifyOptions: { issuer: 'skillbridge', algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    TokenService,
    LoginThrottle,
    PasswordResetService,
    AccountMail,
    {
      provide: DeviceCookies,
      inject: [AppConfig],
      // A key of its own, derived from the JWT secret: one secret to manage, two purposes kept apart.
      useFactory: (config: AppConfig) =>
        new DeviceCookies(createHmac('sha256', config.jwtSecret).update('skillbridge device cookie').digest(), {
          days: config.LOGIN_DEVICE_COOKIE_DAYS,
          secure: config.secureCookies,
          path: '/api/v1/auth',
        }),
    },
    // In this order: who is asking (401/403) before what they sent (400).
    { provide: APP_GUARD, useClass: AccessTokenGuard },
    { provide: APP_GUARD, useClass: RefuseUnexpectedBody },
  ],
  exports: [TokenService, DeviceCookies, AccountMail],
})
export class AuthModule {}
