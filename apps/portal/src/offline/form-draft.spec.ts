import dayjs from 'dayjs';
import { clearAllDrafts, draftStorageKey, FormDraft, type DraftStorage } from './form-draft';

/** localStorage's behaviour, in memory. */
class MemoryStorage implements DraftStorage {
  private data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  key = (index: number) => [...this.data.keys()][index] ?? null;
  getItem = (key: string) => this.data.get(key) ?? null;
  setItem = (key: string, value: string) => void this.data.set(key, value);
  removeItem = (key: string) => void this.data.delete(key);
}

/** The part of an antd form a draft touches, remembering what was put in. */
const fakeForm = <T>() => {
  const filled: Partial<T>[] = [];
  return { filled, setFieldsValue: (values: Partial<T>) => void filled.push(values) };
};

interface Application {
  motivation?: string;
}

describe('FormDraft (the storage behind useFormDraft)', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
  });

  it('keeps what the user typed and puts it back when the form reopens', () => {
    new FormDraft<Application>(storage, 'student-1', 'application:slot-9').save({ motivation: '希望在产线上提升 PLC 调试能力' });

    const sut = new FormDraft<Application>(storage, 'student-1', 'application:slot-9');
    const form = fakeForm<Application>();
    expect(sut.restoreInto(form)).toBe(true);
    expect(form.filled).toEqual([{ motivation: '希望在产线上提升 PLC 调试能力' }]);
  });

  it('is one draft per user and per form', () => {
    new FormDraft<Application>(storage, 'student-1', 'application:slot-9').save({ motivation: 'mine' });

    expect(new FormDraft<Application>(storage, 'student-2', 'application:slot-9').read()).toBeNull();
    expect(new FormDraft<Application>(storage, 'student-1', 'application:slot-10').read()).toBeNull();
    expect(storage.getItem(draftStorageKey('student-1', 'application:slot-9'))).not.toBeNull();
  });

  it('restores nothing when there is no draft', () => {
    const form = fakeForm<Application>();
    expect(new FormDraft<Application>(storage, 'student-1', 'profile').restoreInto(form)).toBe(false);
    expect(form.filled).toEqual([]);
  });

  it('is gone after clear() (a successful submit)', () => {
    const sut = new FormDraft<Application>(storage, 'student-1', 'application:slot-9');
    sut.save({ motivation: 'sent' });
    sut.clear();
    expect(sut.read()).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('keeps no draft of a form emptied again', () => {
    const sut = new FormDraft<{ motivation?: string; skills?: string[] }>(storage, 'student-1', 'profile');
    sut.save({ motivation: 'x', skills: ['PLC'] });
    sut.save({ motivation: '  ', skills: [] });
    expect(sut.read()).toBeNull();
  });

  it('brings dates back as dates (the slot form’s date pickers)', () => {
    const sut = new FormDraft<{ startDate?: dayjs.Dayjs; title?: string }>(storage, 'hr-1', 'slot:new');
    sut.save({ startDate: dayjs('2026-07-01'), title: '电气装调' });
    const draft = sut.read()!;
    expect(dayjs.isDayjs(draft.startDate)).toBe(true);
    expect(draft.startDate!.format('YYYY-MM-DD')).toBe('2026-07-01');
    expect(draft.title).toBe('电气装调');
  });

  it('reads a damaged entry as no draft', () => {
    storage.setItem(draftStorageKey('student-1', 'profile'), '{not json');
    expect(new FormDraft(storage, 'student-1', 'profile').read()).toBeNull();
  });

  it('costs only the draft when storage refuses to write', () => {
    const full: DraftStorage = Object.assign(new MemoryStorage(), {
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    });
    expect(() => new FormDraft<Application>(full, 'student-1', 'profile').save({ motivation: 'x' })).not.toThrow();
  });
});

describe('clearAllDrafts (sign-out)', () => {
  it('forgets every draft on the device and nothing else', () => {
    const storage = new MemoryStorage();
    new FormDraft<Application>(storage, 'student-1', 'application:slot-9').save({ motivation: 'a' });
    new FormDraft<Application>(storage, 'teacher-2', 'booking:slot-3').save({ motivation: 'b' });
    storage.setItem('skillbridge.language', 'en');

    clearAllDrafts(storage);

    expect(storage.length).toBe(1);
    expect(storage.getItem('skillbridge.language')).toBe('en');
  });
});
