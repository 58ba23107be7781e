import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Puts a VALIDATION_FAILED problem's field errors beside the form's fields; returns the names of
 * the fields it could place, so that an alert lists only the others.
 */
export function showFieldErrors(form: FormInstance, error: unknown, fieldNames: readonly string[]): string[] {
  if (!(error instanceof ApiError) || !error.problem.errors) return [];
  const byField = new Map<string, string[]>();
  for (const { field, message } of error.problem.errors) {
    // `skills[2]` or `skills.2` belong to the `skills` field.
    const name = field.split(/[.[]/)[0];
    if (!fieldNames.includes(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return error.problem.errors.filter((e) => byField.has(e.field.split(/[.[]/)[0])).map((e) => e.field);
}
