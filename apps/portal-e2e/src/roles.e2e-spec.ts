import { readFileSync } from 'fs';
import type { Locator, Page } from 'playwright-core';
import { choose, journeyHooks, screenshot, settled, signIn } from './support/journey';
import { PHONE, overflows } from './support/phone';

/**
 * Issue 17, "each role's work, done where they are", at a desktop window and at 390 × 844: HR opens an
 * applicant (and the read is logged), the school filters, sends back with a reason and approves many at
 * once, the officer exports what the table shows, a refused stipend says the floor beside its field, and a
 * student writes a self-introduction.
 */

jest.setTimeout(180_000);

const DESKTOP = { width: 1440, height: 900 } as const;
const SIZES = [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const;
const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

const journey = journeyHooks();
const rows = <T>(sql: string, params: unknown[] = []): Promise<T[]> => journey.rows<T>(sql, params);

/** Nothing past the window's sides (the phone sweep's check), and the named control in view. */
async function fits(page: Page, primary?: Locator): Promise<void> {
  expect(await overflows(page)).toEqual([]);
  if (primary) {
    const box = await primary.boundingBox();
    const width = page.viewportSize()!.width;
    expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
  }
}

/** Students of the demo school, each with a submitted application to an open internship of hr@'s enterprise. */
async function applicants(tag: string, count: number, className: string, extra: { intro?: string; motivation?: string } = {}) {
  const [slot] = await rows<{ id: string; enterprise_id: string; title: string }>(
    `SELECT s.id, s.enterprise_id, s.title FROM slots s JOIN users u ON u.organisation_id = s.enterprise_id
      WHERE u.email = 'hr@demo.skillbridge.cn' AND s.state = 'open' AND s.type = 'internship' ORDER BY s.title LIMIT 1`,
  );
  const [{ school_id }] = await rows<{ school_id: string }>(
    `SELECT organisation_id AS school_id FROM users WHERE email = 'school@demo.skillbridge.cn'`,
  );
  const inserted = await rows<{ id: string }>(
    `WITH u AS (
       INSERT INTO users (email, password_hash, name, role, organisation_id)
       SELECT 'e2e-roles-' || $4 || '-' || n || '@example.cn', 'x', '测' || $4 || n, 'student', $1 FROM generate_series(1, $3::int) n
       RETURNING id, name),
     s AS (INSERT INTO students (user_id, school_id, date_of_birth, major, enrolment_year, class_name, skills, certificates, self_introduction)
           SELECT id, $1, '2006-01-01', '机电一体化技术', 2024, $5, '{PLC编程,电气装调}', '{工业机器人操作与运维（中级）}', $6 FROM u RETURNING user_id)
     INSERT INTO applications (slot_id, student_id, school_id, enterprise_id, motivation)
     SELECT $2, user_id, $1, $7, $8 FROM s RETURNING id`,
    [school_id, slot.id, count, tag, className, extra.intro ?? '', slot.enterprise_id, extra.motivation ?? ''],
  );
  // Read after the insert: a statement's own subqueries do not see the rows its CTEs insert.
  const made = await rows<{ id: string; name: string }>(
    `SELECT a.id, u.name FROM applications a JOIN users u ON u.id = a.student_id WHERE a.id = ANY($1) ORDER BY u.name`,
    [inserted.map((r) => r.id)],
  );
  return { slot, made };
}

describe('each role’s work, where they are (issue 17)', () => {
  it.each(SIZES)(
    'HR opens an applicant: major, year, school, class, skills, certificates, self-introduction, motivation (%s)',
    async (size, viewport) => {
      const page = journey.page;
      await page.setViewportSize(viewport);
      const tag = `hr${size}`;
      const { slot, made } = await applicants(tag, 1, '机电2401班', {
        intro: '参加过省级技能大赛，熟悉 PLC 调试。',
        motivation: '想在真实产线上学习自动化设备的维护',
      });
      const [{ id: hrId }] = await rows<{ id: string }>(`SELECT id FROM users WHERE email = 'hr@demo.skillbridge.cn'`);
      const logged = async () =>
        (
          await rows<{ n: number }>(`SELECT count(*)::int AS n FROM access_log WHERE actor_id = $1 AND what = 'applications.get'`, [hrId])
        )[0].n;
      const before = await logged();

      await signIn(page, 'hr@demo.skillbridge.cn');
      await page.goto(`/slots/${slot.id}`);
      await page.getByTestId('slot-page').waitFor();
      await settled(page);
      const row = page.getByTestId('applicants-table').locator(size === 'phone' ? '.sb-row-card' : 'tbody tr', { hasText: made[0].name });
      await row.getByTestId('view-applicant').click();
      const drawer = page.getByTestId('applicant-drawer');
      const details = drawer.getByTestId('applicant-details');
      await details.waitFor();
      for (const text of ['兰州新区职业技术学校', '机电2401班', '机电一体化技术', '2024', 'PLC编程', '工业机器人操作与运维（中级）']) {
        await details.getByText(text, { exact: false }).first().waitFor();
      }
      expect(await drawer.getByTestId('applicant-intro').textContent()).toBe('参加过省级技能大赛，熟悉 PLC 调试。');
      expect(await drawer.getByTestId('applicant-motivation').textContent()).toBe('想在真实产线上学习自动化设备的维护');
      await screenshot(page, `roles-hr-applicant-${size}`, { fullPage: false });
      await fits(page, drawer.getByTestId('shortlist'));
      expect(await logged()).toBe(before + 1);
    },
  );

  it.each(SIZES)(
    'the school filters by class, sends one back with a reason, and approves the rest at once (%s)',
    async (size, viewport) => {
      const page = journey.page;
      await page.setViewportSize(viewport);
      const className = `e2e-${size}-班`;
      const { made } = await applicants(`sc${size}`, 3, className);
      await signIn(page, 'school@demo.skillbridge.cn');
      await page.goto('/approvals');
      await page.getByTestId('approvals-page').waitFor();
      await settled(page);
      // The demo's own classes fill the list: the class is typed, as a school admin would, before it is picked.
      await choose(page, page.getByTestId('filter-class'), className, { typed: true });
      await settled(page);
      const table = page.getByTestId('awaiting-table');
      const rowsShown = table.locator(size === 'phone' ? '.sb-row-card' : 'tbody tr.ant-table-row');
      for (const a of made) await rowsShown.filter({ hasText: a.name }).first().waitFor();
      expect(await rowsShown.count()).toBe(3);
      await fits(page, page.getByTestId('approve-many'));

      // Send the first back, with a reason the student then reads.
      await rowsShown.filter({ hasText: made[0].name }).getByTestId('send-back').click();
      await page.getByTestId('send-back-reason').fill('请补充监护人知情同意书');
      await page.getByTestId('send-back-submit').click();
      await rowsShown.filter({ hasText: made[0].name }).getByTestId('school-sent-back').waitFor();
      const [event] = await rows<{ payload: { reason: string } }>(
        `SELECT payload FROM outbox_events WHERE kind = 'application.sent-back' AND subject_id = $1`,
        [made[0].id],
      );
      expect(event.payload.reason).toBe('请补充监护人知情同意书');

      // Approve the other two at once.
      for (const a of made.slice(1)) {
        const target = rowsShown.filter({ hasText: a.name });
        await (size === 'phone' ? target.getByTestId('row-select') : target.locator('.ant-checkbox-input')).check();
      }
      await page.getByTestId('approve-many').click();
      await page.getByTestId('approve-many-confirm').click();
      await page.getByText('已审批 2 份申请').waitFor();
      for (const a of made.slice(1)) await rowsShown.filter({ hasText: a.name }).waitFor({ state: 'detached' });
      await settled(page);
      expect(await rowsShown.count()).toBe(1);
      const approved = await rows<{ id: string }>(`SELECT id FROM applications WHERE id = ANY($1) AND school_approved_at IS NOT NULL`, [
        made.map((a) => a.id),
      ]);
      expect(approved.map((a) => a.id).sort()).toEqual(
        made
          .slice(1)
          .map((a) => a.id)
          .sort(),
      );
      await screenshot(page, `roles-school-approvals-${size}`);
      await fits(page);
    },
  );

  it.each(SIZES)(
    'the officer exports what the table shows: the district in view, in English headers when in English (%s)',
    async (size, viewport) => {
      const page = journey.page;
      await page.setViewportSize(viewport);
      const remit = await rows<{ district: string; n: number }>(
        `SELECT o.district, count(*)::int AS n FROM quota_years q JOIN organisations o ON o.id = q.enterprise_id
        WHERE q.year = $1 AND o.ownership <> 'municipal_soe' AND o.verification = 'verified' GROUP BY o.district ORDER BY n DESC`,
        [year],
      );
      const { district, n } = remit[0];
      await signIn(page, 'miit@demo.skillbridge.cn');
      await page.goto(`/quotas?district=${encodeURIComponent(district)}`);
      await page.getByTestId('quota-dashboard-page').waitFor();
      await settled(page);
      await fits(page, page.getByTestId('export-quotas'));
      const exported = async (format: 'csv' | 'xlsx') => {
        // A desktop opens the menu on hover, a phone on a tap.
        await page.evaluate(() => window.scrollTo(0, 0));
        if (size === 'phone') await page.getByTestId('export-quotas').click();
        else await page.getByTestId('export-quotas').hover();
        const item = page.getByTestId(`export-${format}`);
        await item.waitFor();
        // The file is made and streamed by the API first: on a loaded machine that takes a while.
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), item.click()]);
        return { name: download.suggestedFilename(), file: readFileSync((await download.path())!) };
      };
      const csv = await exported('csv');
      const lines = csv.file
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      expect(lines).toHaveLength(n + 1);
      expect(lines[0]).toBe('企业名称,统一社会信用代码,企业性质,区县,行业,年度,职工人数,应接收,已接收,尚需接收,同时在岗上限,状态');
      expect(lines.slice(1).every((line) => line.includes(`,${district},`))).toBe(true);
      const xlsx = await exported('xlsx');
      expect(xlsx.file.subarray(0, 2).toString()).toBe('PK');

      // In English, the file speaks English too.
      await page.evaluate(() => localStorage.setItem('skillbridge.language', 'en'));
      await page.reload();
      await page.getByTestId('quota-dashboard-page').waitFor();
      await settled(page);
      const english = await exported('csv');
      expect(english.name).toBe(`Intern quotas-${year}.csv`);
      const enLines = english.file
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      expect(enLines[0]).toBe(
        'Enterprise,Unified social credit code,Ownership,District,Industry,Year,Staff,Required,Hosted,Still to host,Concurrent cap,Status',
      );
      expect(enLines).toHaveLength(n + 1);
    },
  );

  it.each(SIZES)(
    'a stipend under the floor is refused beside its field with the numbers: at least ¥3,600 of ¥4,500 (%s)',
    async (size, viewport) => {
      const page = journey.page;
      await page.setViewportSize(viewport);
      await signIn(page, 'hr@demo.skillbridge.cn');
      await page.goto('/slots');
      await settled(page);
      await page.getByTestId('post-slot').click();
      const form = page.getByTestId('slot-form');
      await form.waitFor();
      await form.locator('#title').fill(`数控实习生 ${size}`);
      await form.locator('#description').fill('数控车间的加工与质检，企业导师带教。');
      await form.locator('#majors').fill('数控技术');
      await form.locator('#majors').press('Enter');
      for (const [field, date] of [
        ['#startDate', '2027-03-01'],
        ['#endDate', '2027-08-31'],
        ['#applicationDeadline', '2027-02-15'],
      ]) {
        await form.locator(field).click();
        await form.locator(field).fill(date);
        await form.locator(field).press('Enter');
      }
      await form.locator('#capacity').fill('2');
      await form.locator('#postWage').fill('4500');
      await form.locator('#stipend').fill('3000');
      await form.locator('#hoursPerDay').fill('8');
      await page.getByTestId('slot-form-submit').click();
      const help = form.locator('#stipend_help');
      await help.waitFor();
      const text = await help.textContent();
      expect(text).toContain('¥4,500');
      expect(text).toContain('至少 ¥3,600');
      expect(text).toContain('¥3,000');
      await screenshot(page, `roles-stipend-floor-${size}`, { fullPage: false });
      await fits(page);
    },
  );

  it.each(SIZES)('a student writes a self-introduction in the profile (%s)', async (size, viewport) => {
    const page = journey.page;
    await page.setViewportSize(viewport);
    await signIn(page, 'student@demo.skillbridge.cn');
    await page.getByTestId('edit-profile').click();
    const intro = `我是机电一体化专业的学生（${size}），做过产线实训。`;
    await page.getByTestId('self-introduction-input').fill(intro);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    // The profile shows the saved text once it is read again.
    await page.getByTestId('self-introduction').filter({ hasText: intro }).waitFor();
    const [{ self_introduction }] = await rows<{ self_introduction: string }>(
      `SELECT self_introduction FROM students st JOIN users u ON u.id = st.user_id WHERE u.email = 'student@demo.skillbridge.cn'`,
    );
    expect(self_introduction).toBe(intro);
    await fits(page);
  });
});
