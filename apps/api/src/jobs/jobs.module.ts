import { Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { JobProducer } from '@skillbridge/jobs';
import { AppConfig } from '../config/app.config';

@Injectable()
class JobProducerCloser implements OnApplicationShutdown {
  constructor(private readonly jobs: JobProducer) {}

  async onApplicationShutdown(): Promise<void> {
    await this.jobs.close();
  }
}

/**
 * The API's one JobProducer (libs/jobs): services enqueue through it by job name and never open a
 * queue of their own, so queue, payload and retry policy come from the shared job table.
 */
@Global()
@Module({
  providers: [
    {
      provide: JobProducer,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new JobProducer({ connection: { url: config.REDIS_URL }, prefix: config.QUEUE_PREFIX, retryBaseMs: config.RETRY_BASE_MS }),
    },
    JobProducerCloser,
  ],
  exports: [JobProducer],
})
export class JobsModule {}
