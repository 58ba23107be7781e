import { ArgumentMetadata, BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor, ValidationError, ValidationPipe } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { ProblemFieldError } from '@skillbridge/contracts';
import type { Observable } from 'rxjs';

/** A request body or query that failed validation: 400 VALIDATION_FAILED, naming each field. */
export class ValidationFailed extends BadRequestException {
  constructor(readonly errors: ProblemFieldError[]) {
    const fields = [...new Set(errors.map((e) => e.field))];
    super(`The request has ${fields.length === 1 ? 'an invalid field' : `${fields.length} invalid fields`}: ${fields.join(', ')}`);
  }
}

function flatten(errors: ValidationError[], parent = ''): ProblemFieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const unknownField = Object.keys(error.constraints ?? {}).includes('whitelistValidation');
    if (error.value === undefined && !unknownField && error.constraints) return [{ field, message: `${field} is required` }];
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // class-validator says "property x should not exist" for unknown fields: name it plainly.
      message: message.startsWith('property ') ? 'is not a known field' : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Half of a UTF-16 pair: not text (JSON allows it as `\ud800`); validator.js's isEmail throws on it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNICODE_MESSAGE = 'must be valid Unicode text';

/** Deeper than any DTO goes: past it, a body is an attack on the parser, not data. */
const MAX_DEPTH = 8;

/**
 * What class-validator lets through or chokes on: a body that is not an object (null, an array,
 * a string), `null` for an optional field (IsOptional skips null, and the service then writes or
 * trims it), `__proto__`/`constructor`/`prototype` keys (dropped without a word), NUL characters
 * (PostgreSQL refuses them in text: a 500), lone UTF-16 surrogates, and deep nesting (class-
 * transformer recurses through it until the stack overflows).
 */
export function inputProblems(value: unknown, metadata: ArgumentMetadata): ProblemFieldError[] {
  if (metadata.type === 'body' && value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
    return [{ field: 'body', message: 'The request body must be a JSON object' }];
  }
  const problems: ProblemFieldError[] = [];
  const walk = (node: unknown, path: string, depth: number): void => {
    if (typeof node === 'string') {
      if (node.includes('\u0000')) problems.push({ field: path, message: 'must not contain NUL characters' });
      else if (LONE_SURROGATE.test(node)) problems.push({ field: path, message: UNICODE_MESSAGE });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (depth > MAX_DEPTH) {
      problems.push({ field: path, message: 'is nested too deeply' });
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      const field = path ? `${path}.${key}` : key;
      // class-transformer drops these silently (its guard against prototype pollution): refuse them
      // like any other unknown field rather than act as if they had not been sent.
      if (PROTOTYPE_KEYS.has(key)) problems.push({ field, message: 'is not a known field' });
      else if (child === null) problems.push({ field, message: Array.isArray(node) ? 'must not be null' : `${key} must be left out rather than null` });
      else walk(child, field, depth + 1);
    }
  };
  if (metadata.type === 'body' || metadata.type === 'query') walk(value, '', 0);
  return problems;
}

/** The ValidationPipe, with inputProblems() checked first and reported together with its findings. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const early = inputProblems(value, metadata);
    // These would crash the validators or the transformer: report them alone.
    if (early.some((p) => p.field === 'body' || p.message === 'is nested too deeply' || p.message === UNICODE_MESSAGE)) throw new ValidationFailed(early);
    let late: ProblemFieldError[] = [];
    let result: unknown;
    try {
      result = await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof ValidationFailed)) throw error;
      late = error.errors;
    }
    const seen = new Set(early.map((p) => p.field));
    const all = [...early, ...late.filter((p) => !seen.has(p.field))];
    if (all.length) throw new ValidationFailed(all);
    return result;
  }
}

/** Validation for every route: unknown fields are refused, never silently dropped. */
export const validationPipe = (): ValidationPipe =>
  new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new ValidationFailed(flatten(errors)),
  });

/**
 * A route that takes no body refuses one rather than ignoring it: `{ "status": "accepted" }` sent
 * to POST /applications/:id/shortlist must not look as if it had been honoured. An empty object
 * (what some clients send for "nothing") passes.
 */
@Injectable()
export class RefuseUnexpectedBody implements NestInterceptor {
  private readonly takesBody = new WeakMap<object, boolean>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const handler = context.getHandler();
    let takes = this.takesBody.get(handler);
    if (takes === undefined) {
      const args: Record<string, unknown> = Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {};
      // A handler that reads the raw request may read its body too.
      takes = Object.keys(args).some((key) => [RouteParamtypes.BODY, RouteParamtypes.REQUEST, RouteParamtypes.RAW_BODY].includes(Number(key.split(':')[0])));
      this.takesBody.set(handler, takes);
    }
    const body = context.switchToHttp().getRequest<{ body?: unknown }>().body;
    if (!takes && body !== undefined && body !== null) {
      const keys = typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : null;
      if (!keys) throw new ValidationFailed([{ field: 'body', message: 'This request takes no body' }]);
      if (keys.length) throw new ValidationFailed(keys.map((field) => ({ field, message: 'is not a known field' })));
    }
    return next.handle();
  }
}
