import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import Redis from 'ioredis';
import { Public } from '../common/auth.decorators';
import { ApiAnswer, ApiProblems } from '../common/openapi';
import { InjectRedis } from '../redis/redis.module';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  @Get('live')
  @ApiAnswer(200, '{status: "ok"}')
  @ApiOperation({ summary: 'The process is up' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  // Above @HealthCheck (applied after it): Terminus documents its own 503 body, but the problem
  // details filter answers it, as 503 UNAVAILABLE. Its 200 schema stands.
  @ApiProblems('UNAVAILABLE')
  @HealthCheck()
  @ApiOperation({ summary: 'PostgreSQL and Redis answer' })
  ready() {
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: 2000 }),
      () =>
        this.indicators
          .check('redis')
          .attempt(async () => {
            const answer = await this.redis.ping();
            if (answer !== 'PONG') throw new Error(`PING answered ${answer}`);
          })
          .withTimeout(2000),
    ]);
  }
}
