// First: tracing (when configured) patches http, pg and ioredis before anything loads them.
import { shutdownTracing } from './telemetry/tracing';
import 'reflect-metadata';
import { CjkFontMissingError, loadAgreementFont } from '@skillbridge/agreement-documents';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app.config';

async function main(): Promise<void> {
  const config = loadConfig();
  // The agreement PDF's CJK font: loaded now (not by the first PDF a user asks for). Without it everything but the
  // agreement PDFs works: said at start, naming its package, and each PDF asked for fails with that cause in the log.
  try {
    loadAgreementFont();
  } catch (error) {
    if (!(error instanceof CjkFontMissingError)) throw error;
    console.error(error.message);
  }
  const app = await createApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
  // SIGTERM/SIGINT: stop taking connections, finish requests in flight, close pools; exit 0.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(
      signal,
      () =>
        void app
          .close()
          .then(shutdownTracing)
          .then(
            () => process.exit(0),
            () => process.exit(1),
          ),
    );
  }
}

main().catch((error: unknown) => {
  // Configuration errors name the failing variables only; anything else is a crash worth its stack.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
