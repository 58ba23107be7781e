import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ProblemCode } from '@skillbridge/contracts';
import { DomainError, ownValue } from '@skillbridge/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_OF_KIND, codeOfStatus, problem } from './problem';
import { ValidationFailed } from './validation';

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message: string;
}

/** Fastify's own errors that reach us before a route handler runs. */
const FASTIFY_CODES: Record<string, ProblemCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_BODY',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_BAD_URL: 'MALFORMED_URL',
  // Fastify's router refuses a path parameter over 100 characters; no id is that long, so it is
  // the same 404 as any other id that names nothing.
  FST_ERR_MAX_PARAM_LENGTH: 'NOT_FOUND',
};

/** Where our status differs from Fastify's. */
const FASTIFY_STATUSES: Record<string, number> = { FST_ERR_MAX_PARAM_LENGTH: 404 };

const FASTIFY_DETAILS: Partial<Record<ProblemCode, string>> = {
  MALFORMED_BODY: 'The request body is not valid JSON',
  MALFORMED_URL: 'The URL is not validly encoded',
  NOT_FOUND: 'No such resource',
};

/** Turns whatever was thrown into RFC 9457 problem details: the API's one error shape. */
export function toProblem(exception: unknown, requestId?: string) {
  if (exception instanceof DomainError) {
    return problem(STATUS_OF_KIND[exception.kind], exception.code, exception.message, {
      requestId,
      ...(Object.keys(exception.details).length ? { facts: exception.details } : {}),
    });
  }
  if (exception instanceof ValidationFailed) {
    return problem(400, 'VALIDATION_FAILED', exception.message, { errors: exception.errors, requestId });
  }
  if (exception instanceof HttpException && fastifyCode(exception.cause)) {
    // Nest wraps Fastify's body-parsing errors; the original is the cause.
    return toProblem(exception.cause, requestId);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (status === 503 && typeof response === 'object' && response && 'error' in response) {
      // A failed readiness check: name what is down.
      const down = Object.keys((response as { error: Record<string, unknown> }).error);
      return problem(503, 'NOT_READY', `Not ready: ${down.join(', ')} did not answer`, { requestId });
    }
    // An exception thrown with its own code (ours name a ProblemCode).
    const explicitCode =
      typeof response === 'object' && response && 'code' in response
        ? (String((response as { code: unknown }).code) as ProblemCode)
        : undefined;
    return problem(status, explicitCode ?? codeOfStatus(status), detailOf(exception, status), { requestId });
  }
  if (exception && typeof exception === 'object') {
    const error = exception as FastifyLikeError;
    // Any thrown object may carry a `code`: only the tables' own keys count (never `constructor`).
    const code = typeof error.code === 'string' ? ownValue(FASTIFY_CODES, error.code) : undefined;
    if (code && error.code) {
      const status = ownValue(FASTIFY_STATUSES, error.code) ?? error.statusCode ?? 400;
      const detail = ownValue(FASTIFY_DETAILS, code) ?? error.message;
      return problem(status, code, detail, { requestId });
    }
    if (exception instanceof SyntaxError && error.statusCode === 400) {
      return problem(400, 'MALFORMED_BODY', 'The request body is not valid JSON', { requestId });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return problem(error.statusCode, codeOfStatus(error.statusCode), error.message, { requestId });
    }
  }
  return problem(500, 'INTERNAL_ERROR', 'Something went wrong on our side; it has been logged', { requestId });
}

function fastifyCode(error: unknown): string | undefined {
  const code = (error as FastifyLikeError | undefined)?.code;
  return typeof code === 'string' && ownValue(FASTIFY_CODES, code) ? code : undefined;
}

function detailOf(exception: HttpException, status: number): string {
  if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE)/.test(exception.message)) return 'No such route';
  return exception.message;
}

export function sendProblem(reply: FastifyReply, body: ReturnType<typeof toProblem>, headers: Record<string, string> = {}): void {
  void reply
    .status(body.status)
    .headers(headers)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(JSON.stringify(body));
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = toProblem(exception, requestIdOf(request));
    if (body.status >= 500) this.logger.error({ err: exception, requestId: body.requestId }, 'unhandled error');
    const headers: Record<string, string> = {};
    if (exception instanceof DomainError && typeof exception.details.retryAfterSeconds === 'number') {
      headers['retry-after'] = String(exception.details.retryAfterSeconds);
    }
    sendProblem(reply, body, headers);
  }
}

export const requestIdOf = (request: FastifyRequest | undefined): string | undefined =>
  (request?.raw as { id?: string } | undefined)?.id ?? request?.id;
