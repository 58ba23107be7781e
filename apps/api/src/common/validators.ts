import { usccProblem } from '@skillbridge/domain';
import { ValidationOptions, registerDecorator } from 'class-validator';

const USCC_MESSAGES = {
  length: 'must be 18 characters long',
  characters: 'must use digits and the capital letters of GB 32100 (no I, O, S, V, Z)',
  check_digit: 'has a wrong check character (GB 32100)',
};

/**
 * 统一社会信用代码 with its GB 32100 check character. A well-formed code that cannot have been
 * issued (usccProblem 'void') passes here: the service refuses it with its own code, USCC_VOID.
 */
export function IsUscc(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isUscc',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && [null, 'void'].includes(usccProblem(value)),
        defaultMessage: (args) => {
          const problem = typeof args?.value === 'string' ? usccProblem(args.value) : 'length';
          return `${args?.property} ${USCC_MESSAGES[problem === null || problem === 'void' ? 'length' : problem]}`;
        },
      },
    });
}

/** A real calendar date written YYYY-MM-DD. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          // Years outside 1900–2199 are typing errors or probes (PostgreSQL has no year 0: a 500).
          const year = Number(value.slice(0, 4));
          if (year < 1900 || year > 2199) return false;
          const date = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
        },
        defaultMessage: (args) => `${args?.property} must be a date written YYYY-MM-DD`,
      },
    });
}

/** Password policy: 8–200 characters with at least a letter and a digit. */
export const PASSWORD_PATTERN = /^(?=.*[A-Za-z])(?=.*\d).{8,200}$/;
export const PASSWORD_MESSAGE = 'password must be 8 to 200 characters with at least one letter and one digit';
