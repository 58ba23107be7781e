import dayjs, { type Dayjs } from 'dayjs';

/**
 * Drafts of forms being written, kept in localStorage so that a dropped connection, a reload or a
 * closed drawer loses nothing. One entry per signed-in user and form: `skillbridge.draft.<user>.<form>`.
 * Values are the form's own (antd Form values); dates (dayjs) are stored as ISO text and revived.
 */
const PREFIX = 'skillbridge.draft.';

/** The part of `Storage` drafts use: localStorage in the portal, a map in the tests. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** What a form's draft needs of an antd FormInstance. */
export interface DraftForm<T> {
  setFieldsValue(values: Partial<T>): void;
}

export function draftStorageKey(userId: string, formKey: string): string {
  return `${PREFIX}${userId}.${formKey}`;
}

const DATE_TAG = '$date';

function encode(value: unknown): unknown {
  if (dayjs.isDayjs(value)) return { [DATE_TAG]: (value as Dayjs).toISOString() };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record[DATE_TAG] === 'string' && Object.keys(record).length === 1) return dayjs(record[DATE_TAG]);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

/** Nothing worth keeping: no text typed, no option picked. */
function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isBlank);
  if (dayjs.isDayjs(value)) return false;
  if (typeof value === 'object') return Object.values(value).every(isBlank);
  return false;
}

/** The draft of one form of one user. Storage errors (full, private mode) only cost the draft. */
export class FormDraft<T extends object> {
  private readonly key: string;

  constructor(
    private readonly storage: DraftStorage,
    userId: string,
    formKey: string,
  ) {
    this.key = draftStorageKey(userId, formKey);
  }

  read(): Partial<T> | null {
    try {
      const raw = this.storage.getItem(this.key);
      if (!raw) return null;
      const parsed = decode(JSON.parse(raw));
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Partial<T>) : null;
    } catch {
      return null;
    }
  }

  /** Keeps the form's values; a form emptied again keeps no draft. */
  save(values: Partial<T>): void {
    try {
      if (isBlank(values)) this.storage.removeItem(this.key);
      else this.storage.setItem(this.key, JSON.stringify(encode(values)));
    } catch {
      // Quota exceeded or storage disabled: the form still works, only without a draft.
    }
  }

  /** Puts the draft back into the form; whether there was one. */
  restoreInto(form: DraftForm<T>): boolean {
    const draft = this.read();
    if (!draft) return false;
    form.setFieldsValue(draft);
    return true;
  }

  clear(): void {
    try {
      this.storage.removeItem(this.key);
    } catch {
      // Nothing kept, nothing to clear.
    }
  }
}

/**
 * Forgets every form draft on this device, whoever wrote it: run on sign-out, as a school lab's or a
 * family's computer is shared and a draft (a motivation letter, a profile) is personal.
 */
export function clearAllDrafts(storage: DraftStorage): void {
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    keys.forEach((key) => storage.removeItem(key));
  } catch {
    // Storage disabled: there are no drafts either.
  }
}
