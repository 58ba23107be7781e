import { Injectable, Provider } from '@nestjs/common';
import { Clock, clockFor, useClock } from '@skillbridge/domain';
import { WorkerConfig } from './worker.config';

/** The worker's one clock: the real time, or TEST_CLOCK's instant in tests (the configuration allows it nowhere else). */
export const clockProvider: Provider = { provide: Clock, useFactory: (config: WorkerConfig) => clockFor(config), inject: [WorkerConfig] };

/**
 * Binds the provided clock at boot, so that plain `today()` reads the same one as
 * whatever injects Clock — including a clock a test module provides instead.
 */
@Injectable()
export class ClockBinding {
  constructor(clock: Clock) {
    useClock(clock);
  }
}
