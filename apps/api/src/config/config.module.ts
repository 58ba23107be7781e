import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from '@skillbridge/domain';
import { AppConfig } from './app.config';
import { ClockBinding, clockProvider } from './clock.provider';

/** Makes the one validated AppConfig, and the one clock, injectable everywhere. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useValue: config }, clockProvider, ClockBinding],
      exports: [AppConfig, Clock],
    };
  }
}
