import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSession } from '../auth/session';
import { FormDraft, type DraftForm } from './form-draft';

export interface FormDraftHandle<T> {
  /** Give to the Form's `onValuesChange`: every edit by the user is kept. */
  onValuesChange: (changed: Partial<T>, all: T) => void;
  /** A draft was put back into the form when it opened. */
  restored: boolean;
  /** Forget the draft: after a successful submit, or when the user discards it. */
  clear: () => void;
}

/**
 * Keeps the draft of a form being written in localStorage, for the signed-in user: restores it when
 * the form opens, keeps each edit, and forgets it on `clear()` (call it when the submit succeeded; a
 * submit that failed keeps the draft). `key` names the form (and the record, e.g. `application:<slot>`);
 * null while the form is closed. Declare it after any effect that fills the form with saved values,
 * so that the draft, being newer, wins. `form` is an antd FormInstance, or anything else (kept stable across
 * renders) that can take the draft's values back, for a form not built on antd's Form.
 */
export function useFormDraft<T extends object>(key: string | null, form: DraftForm<T>): FormDraftHandle<T> {
  const userId = useSession().me?.id ?? null;
  const draft = useMemo(() => (key && userId ? new FormDraft<T>(localStorage, userId, key) : null), [key, userId]);
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    // Only a form the user opens again gets its draft back; the flag follows the draft it was read from.
    setRestored(draft ? draft.restoreInto(form) : false);
  }, [draft, form]);

  const onValuesChange = useCallback((_changed: Partial<T>, all: T) => draft?.save(all), [draft]);
  const clear = useCallback(() => {
    draft?.clear();
    setRestored(false);
  }, [draft]);

  return { onValuesChange, restored, clear };
}
