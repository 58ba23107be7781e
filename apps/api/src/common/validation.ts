import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ProblemFieldError } from '@skillbridge/contracts';

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

/** Validation for every route: unknown fields are refused, never silently dropped. */
export const validationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new ValidationFailed(flatten(errors)),
  });
