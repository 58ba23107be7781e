import multipart from '@fastify/multipart';
import { randomUUID } from 'crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AcceptBatches } from './applications/accept-batches';
import { explicitSecurity } from './common/openapi';
import { sendProblem, toProblem } from './common/problem-details.filter';
import { noStore, securityHeaders } from './common/security-headers';
import { validationPipe } from './common/validation';
import { AppConfig } from './config/app.config';
import { MAX_IMPORT_BYTES } from './imports/upload';
import { installHttpMetrics } from './metrics/http-metrics';

export const API_PREFIX = 'api/v1';

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** A caller's X-Request-Id when it is sane, else a new one; echoed in the response and in every log line. */
function requestIdFor(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** The largest PDF `POST /agreements/verify` reads. */
const MAX_VERIFIED_PDF_BYTES = 10 * 1_048_576;

/** Builds the API application (not yet listening): used by main.ts and by the integration tests. */
export async function createApp(config: AppConfig, options: { logs?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // Exactly the configured hops (or proxies) are believed about the client's address, never more.
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    genReqId: requestIdFor,
    // Errors of Fastify's router (a badly encoded URL, an over-long path parameter) answer before
    // Nest sees the request: in the API's one error shape all the same.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      reply.header('x-request-id', request.id).header('cache-control', 'no-store');
      sendProblem(reply, toProblem(error, request.id));
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    // Fastify's own JSON parser only: Nest would add a form-urlencoded one, and the API speaks JSON.
    bodyParser: false,
    bufferLogs: true,
    logger: options.logs === false ? false : undefined,
  });
  if (options.logs !== false) app.useLogger(app.get(Logger));

  // The API speaks JSON (and multipart for imports): a text/plain body is refused with 415, not parsed.
  app.getHttpAdapter().getInstance().removeContentTypeParser('text/plain');
  // A PDF to verify (POST /agreements/verify): the raw bytes, up to 10 MB.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: MAX_VERIFIED_PDF_BYTES }, (_request, body, done) =>
      done(null, body),
    );
  // Imports: one spreadsheet and a field or two; nothing larger is buffered.
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1000 } });
  const metrics = installHttpMetrics(app.getHttpAdapter().getInstance(), (authorization) => config.metricsAccess(authorization));
  app.get(AcceptBatches).measureIn(metrics);
  if (config.metricsAccess(undefined) === 'off') app.get(Logger).warn('GET /metrics is not served: production without METRICS_TOKEN');

  const security = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI at /api/docs inlines its styles and an init script; without the docs, nothing inline runs.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: config.apiDocsServed ? ["'self'", "'unsafe-inline'"] : ["'self'"],
        imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
      },
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      reply.headers(security);
      reply.header('x-request-id', request.id);
      if (noStore(request.url)) reply.header('cache-control', 'no-store');
    });

  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(validationPipe());

  if (config.apiDocsServed) serveApiDocs(app);
  return app;
}

/** The OpenAPI document at /api/docs-json and Swagger UI at /api/docs (API_DOCS; off in production by default). */
function serveApiDocs(app: NestFastifyApplication): void {
  const document = explicitSecurity(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('SkillBridge API (技能桥)')
        .setDescription('School–enterprise matchmaking for vocational education. Errors are RFC 9457 problem details with a stable `code`.')
        .setVersion('1')
        // Paths carry /api/v1: the server is wherever the document was read from (a relative URL, OpenAPI §4.8.5).
        .addServer('/', 'This API, at the origin that served this document')
        .addBearerAuth()
        .build(),
    ),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
