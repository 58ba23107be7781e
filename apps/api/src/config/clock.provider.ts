import { Injectable, Provider } from '@nestjs/common';
import { Clock, clockFor, useClock } from '@skillbridge/domain';
import { AppConfig } from './app.config';

/** The API's one clock: the real time, or TEST_CLOCK's instant in tests (the configuration allows it nowhere else). */
export const clockProvider: Provider = { provide: Clock, useFactory: (config: AppConfig) => clockFor(config), inject: [AppConfig] };

/**
 * Binds the provided clock at boot, so that the services' plain `today()` reads the same one as
 * whatever injects Clock — including a clock a test module provides instead.
 */
@Injectable()
export class ClockBinding {
  constructor(clock: Clock) {
    useClock(clock);
  }
}
