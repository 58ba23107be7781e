import type { Page } from 'playwright-core';
import { journeyHooks, screenshot, settled, signIn } from './support/journey';
import { PHONE, overflows } from './support/phone';

/**
 * Issue 17, "finding what they mean", at desktop and at 390 px: the student's search finds slots by
 * major, skill and synonym and keeps the search, filters and page in the address (reload and Back keep
 * them); a student never sees a teacher-practice slot, a teacher never a student slot; recommendations
 * say what their score is and its parts on demand; slots applied for are marked; the platform admin's
 * major catalogue with its import; forms pick majors from the catalogue.
 */

jest.setTimeout(180_000);

const STUDENT = 'student@demo.skillbridge.cn';
const TEACHER = 'teacher@demo.skillbridge.cn';
const ADMIN = 'admin@demo.skillbridge.cn';

const cards = (page: Page) => page.getByTestId('slot-results').getByTestId('slot-card');

/** The slot ids on the results page, once it is at rest. */
async function shownIds(page: Page): Promise<string[]> {
  await settled(page);
  // The results of the search in the address, not the previous ones still shown while it loads.
  await page.waitForFunction(() => !document.querySelector('[data-testid=slot-results][aria-busy=true], .ant-empty + .ant-spin'));
  if (!(await page.getByTestId('slot-results').isVisible())) return [];
  return cards(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-slot-id') ?? ''));
}

for (const [size, viewport] of [
  ['desktop', { width: 1440, height: 900 }],
  ['phone', PHONE],
] as const) {
  describe(`finding what they mean (${size})`, () => {
    const session = journeyHooks({ viewport });

    it('the student finds 机电 slots by their major, 焊工 and welding by the synonyms, never a teacher-practice slot', async () => {
      const { page } = session;
      await signIn(page, STUDENT);
      await page.goto('/find-slots');
      await page.getByTestId('find-slots-page').waitFor();
      const [{ n: wanted }] = await session.rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM slots WHERE state = 'open' AND type <> 'teacher_practice' AND '机电一体化技术' = ANY(majors)`,
      );
      expect(wanted).toBeGreaterThanOrEqual(8);

      // No words: the first cards are student slots, not 教师企业实践.
      await settled(page);
      const first = await cards(page).allTextContents();
      expect(first.length).toBeGreaterThan(0);
      expect(first.filter((text) => text.includes('教师企业实践'))).toEqual([]);

      await page.getByTestId('slot-search').fill('机电');
      await page.getByTestId('slot-search-submit').click();
      await page.waitForURL(/q=%E6%9C%BA%E7%94%B5/);
      const ids = new Set(await shownIds(page));
      // Twelve a page: walk to the end.
      while (await page.getByRole('button', { name: /下一页/ }).isEnabled()) {
        await page.getByRole('button', { name: /下一页/ }).click();
        await page.waitForURL(/pages=/);
        for (const id of await shownIds(page)) ids.add(id);
      }
      const [{ n: found }] = await session.rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM slots WHERE id = ANY($1::uuid[]) AND '机电一体化技术' = ANY(majors) AND type <> 'teacher_practice'`,
        [[...ids]],
      );
      expect(found).toBe(wanted);
      if (size === 'phone') expect(await overflows(page)).toEqual([]);

      for (const words of ['焊工', 'welding']) {
        await page.getByTestId('slot-search').fill(words);
        await page.getByTestId('slot-search-submit').click();
        await page.waitForURL((url) => url.searchParams.get('q') === words);
        expect((await shownIds(page)).length).toBeGreaterThan(0);
        const titles = await cards(page).allTextContents();
        expect(titles.filter((text) => text.includes('教师企业实践'))).toEqual([]);
      }
      await screenshot(page, `search-welding-${size}`);
    });

    it('the search, its filters and its page live in the address: reload and Back keep them', async () => {
      const { page } = session;
      await signIn(page, STUDENT);
      await page.goto('/find-slots?q=实习&district=兰州新区');
      await page.getByTestId('find-slots-page').waitFor();
      await expect(page.getByTestId('slot-search').inputValue()).resolves.toBe('实习');
      const firstPage = await shownIds(page);
      expect(firstPage.length).toBeGreaterThan(0);

      // A major from the catalogue's autocomplete.
      await page.getByTestId('slot-major').click();
      await page.keyboard.type('机电');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '机电一体化技术' }).first().click();
      await page.waitForURL((url) => url.searchParams.get('major') === '机电一体化技术');
      const withMajor = await shownIds(page);

      await page.reload();
      await page.getByTestId('find-slots-page').waitFor();
      expect(await shownIds(page)).toEqual(withMajor);
      await expect(page.getByTestId('slot-search').inputValue()).resolves.toBe('实习');
      expect(new URL(page.url()).searchParams.get('district')).toBe('兰州新区');

      await page.goBack();
      await page.waitForURL((url) => !url.searchParams.has('major'));
      expect(await shownIds(page)).toEqual(firstPage);

      // The page too: the next page, a reload, then Back to the first.
      await page.goto('/find-slots');
      await page.getByTestId('find-slots-page').waitFor();
      const one = await shownIds(page);
      await page.getByRole('button', { name: /下一页/ }).click();
      await page.waitForURL(/pages=/);
      const two = await shownIds(page);
      expect(two).not.toEqual(one);
      await page.reload();
      expect(await shownIds(page)).toEqual(two);
      await page.goBack();
      await page.waitForURL((url) => !url.searchParams.has('pages'));
      expect(await shownIds(page)).toEqual(one);
    });

    it('recommendations say what the score is (匹配度 n / 100) and its parts on demand; slots applied for are marked', async () => {
      const { page } = session;
      await signIn(page, STUDENT);
      const [student] = await session.rows<{ id: string; school_id: string }>(
        `SELECT s.user_id AS id, s.school_id FROM students s JOIN users u ON u.id = s.user_id WHERE u.email = $1`,
        [STUDENT],
      );
      await page.goto('/recommended');
      await settled(page);
      const first = page.getByTestId('recommendations').getByTestId('slot-card').first();
      const label = await first.getByTestId('recommendation-score-label').textContent();
      expect(label).toMatch(/^匹配度 \d+ \/ 100$/);
      await first.getByTestId('score-explain').click();
      const parts = page.getByTestId('score-parts');
      await parts.waitFor();
      for (const part of ['major', 'skills', 'district', 'calendar', 'seats']) await parts.getByTestId(`score-part-${part}`).waitFor();
      await expect(parts.getByTestId('score-part-major').textContent()).resolves.toMatch(/专业对口.*\/ 40 分/);
      // The popover does not open the slot's drawer.
      expect(await page.locator('.ant-drawer-open').count()).toBe(0);
      if (size === 'phone') expect(await overflows(page)).toEqual([]);
      await screenshot(page, `recommended-score-${size}`, { fullPage: false });

      // An application to the first recommendation (made in the database): marked there and in the search.
      const slotId = (await first.getAttribute('data-slot-id')) as string;
      await session.rows(
        `INSERT INTO applications (slot_id, student_id, school_id, enterprise_id, status)
         SELECT s.id, $2, $3, s.enterprise_id, 'submitted' FROM slots s WHERE s.id = $1
           AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.slot_id = s.id AND a.student_id = $2)`,
        [slotId, student.id, student.school_id],
      );
      await page.reload();
      await settled(page);
      await page.locator(`[data-testid=slot-card][data-slot-id="${slotId}"] [data-testid=slot-applied]`).waitFor();
      const [{ title }] = await session.rows<{ title: string }>(`SELECT title FROM slots WHERE id = $1`, [slotId]);
      await page.goto(`/find-slots?q=${encodeURIComponent(title)}`);
      await settled(page);
      await page.locator(`[data-testid=slot-card][data-slot-id="${slotId}"] [data-testid=slot-applied]`).waitFor();
    });

    it('a teacher finds practice months by a major (机电) and never a student slot', async () => {
      const { page } = session;
      await signIn(page, TEACHER);
      await page.goto('/practice?q=机电');
      await page.getByTestId('practice-page').waitFor();
      await settled(page);
      const titles = await page.getByTestId('practice-slot-title').allTextContents();
      expect(titles.length).toBeGreaterThan(0);
      expect(titles.every((title) => title.includes('教师') || title.includes('实践'))).toBe(true);
      await page.reload();
      await expect(page.getByTestId('practice-search').inputValue()).resolves.toBe('机电');
      if (size === 'phone') expect(await overflows(page)).toEqual([]);
    });

    it('the platform admin sees the major catalogue and opens its import', async () => {
      const { page } = session;
      await signIn(page, ADMIN);
      await page.goto('/majors');
      await page.getByTestId('majors-page').waitFor();
      await settled(page);
      await page.getByTestId('majors-search').fill('460301');
      await page.getByTestId('majors-table').getByText('机电一体化技术').first().waitFor();
      await page.getByTestId('import-majors').click();
      await page.locator('.ant-drawer-open').waitFor();
      await settled(page);
      if (size === 'phone') expect(await overflows(page)).toEqual([]);
      await screenshot(page, `majors-${size}`, { fullPage: false });
    });
  });
}
