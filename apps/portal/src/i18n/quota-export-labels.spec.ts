import { QUOTA_EXPORT_LABELS } from '@skillbridge/contracts';
import { TRANSLATIONS } from './resources';

type Tree = { [key: string]: string | Tree };

/** The officers' export says what the screen says: its headers, statuses, ownerships and districts, in each language. */
describe('the quota export’s words are the screen’s', () => {
  it.each(Object.entries(TRANSLATIONS))('%s', (lang, tree) => {
    const labels = QUOTA_EXPORT_LABELS[lang as keyof typeof QUOTA_EXPORT_LABELS];
    const screen = tree as unknown as Tree;
    const quotas = screen.quotas as Tree;
    const { uscc, ownership, year, ...columns } = labels.columns;
    expect(columns).toEqual(quotas.column);
    expect(ownership).toBe((screen.enterprise as Tree).ownership);
    expect(uscc).toBe((screen.enterprise as Tree).uscc);
    expect(year).toBeTruthy();
    expect(labels.status).toEqual(quotas.status);
    expect(labels.ownership).toEqual(screen.ownership);
    if (lang === 'en') expect(labels.district).toEqual(screen.district);
  });
});
