import {
  ArgumentMetadata,
  BadRequestException,
  CanActivate,
  ExecutionContext,
  Injectable,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { ProblemFieldError } from '@skillbridge/contracts';
import { UNICODE_MESSAGE, inputProblems } from './input-problems';

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

/** The ValidationPipe, with inputProblems() checked first and reported together with its findings. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const early = inputProblems(value, metadata);
    // These would crash the validators or the transformer: report them alone.
    if (early.some((p) => p.field === 'body' || p.message === 'is nested too deeply' || p.message === UNICODE_MESSAGE))
      throw new ValidationFailed(early);
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
 * (what some clients send for "nothing") passes. A guard, after the access-token guard (auth.module):
 * an interceptor would put every request through RxJS for this one check.
 */
@Injectable()
export class RefuseUnexpectedBody implements CanActivate {
  private readonly takesBody = new WeakMap<object, boolean>();

  canActivate(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let takes = this.takesBody.get(handler);
    if (takes === undefined) {
      const args: Record<string, unknown> = Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {};
      // A handler that reads the raw request may read its body too.
      takes = Object.keys(args).some((key) =>
        [RouteParamtypes.BODY, RouteParamtypes.REQUEST, RouteParamtypes.RAW_BODY].includes(Number(key.split(':')[0])),
      );
      this.takesBody.set(handler, takes);
    }
    const body = context.switchToHttp().getRequest<{ body?: unknown }>().body;
    if (!takes && body !== undefined && body !== null) {
      const keys = typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : null;
      if (!keys) throw new ValidationFailed([{ field: 'body', message: 'This request takes no body' }]);
      if (keys.length) throw new ValidationFailed(keys.map((field) => ({ field, message: 'is not a known field' })));
    }
    return true;
  }
}
