import { DEMO_PASSWORD, type Page as ApiPage, type SlotView } from '@skillbridge/contracts';
import type { Page } from 'playwright-core';
import { journeyHooks, screenshot, settled, signIn } from './support/journey';
import { overflows, PHONE } from './support/phone';

/**
 * Match-round pages explain themselves (issue 17): a school admin reads, in plain words and in both
 * languages, what a round is, its steps, what the draw number (the seed) is for and what students and
 * enterprises see — on the list of rounds and on a round's own page, at desktop and at 390 px. The
 * jargon (延迟接受算法, a bare 随机种子) is gone from both pages.
 */
const journey = journeyHooks();
jest.setTimeout(180_000);

const SCHOOL_ADMIN = 'school@demo.skillbridge.cn';
const LANGUAGE_KEY = 'skillbridge.language';
const SIZES = [
  ['desktop', { width: 1440, height: 900 }],
  ['phone', PHONE],
] as const;
const WORDS = {
  'zh-CN': { title: '撮合轮次是怎么回事？', seed: '抽签号', fair: '可以复核' },
  en: { title: 'How does a match round work?', seed: 'draw number', fair: 'anyone can check it' },
} as const;

/** A round of the school admin's, created through the API over two open internships, so that a round page exists. */
async function createRound(page: Page): Promise<string> {
  const api = page.request;
  const login = await api.post('/api/v1/auth/login', { data: { email: SCHOOL_ADMIN, password: DEMO_PASSWORD } });
  const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
  const slots = (await (await api.get('/api/v1/slots?type=internship&limit=2', { headers })).json()) as ApiPage<SlotView>;
  const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const round = await api.post('/api/v1/match-rounds', {
    headers,
    data: { name: `Explained round ${Date.now()}`, slotIds: slots.items.map((s) => s.id), preferenceDeadline: deadline },
  });
  expect(round.ok()).toBe(true);
  return ((await round.json()) as { id: string }).id;
}

async function readExplainer(page: Page, language: 'zh-CN' | 'en'): Promise<void> {
  const words = WORDS[language];
  const explainer = page.getByTestId('round-explainer');
  await explainer.getByText(words.title).click();
  const seed = page.getByTestId('round-explainer-seed');
  await seed.waitFor();
  expect(await seed.innerText()).toContain(words.fair);
  expect(await explainer.innerText()).toContain(words.seed);
  // Five steps, each a sentence.
  expect(await explainer.locator('ol > li').count()).toBe(5);
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/延迟接受算法|deferred acceptance/i);
  expect(text).not.toMatch(/随机种子(?!）)/);
}

let roundId: string;

describe.each(SIZES)('match rounds explain themselves (%s)', (size, viewport) => {
  it.each(['zh-CN', 'en'] as const)('to a school admin, in %s: on the list and on a round’s page', async (language) => {
    const { page, context } = journey;
    await page.setViewportSize(viewport);
    await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [LANGUAGE_KEY, language] as const);
    roundId ??= await createRound(page);
    await signIn(page, SCHOOL_ADMIN);

    await page.goto('/match-rounds');
    await settled(page);
    await readExplainer(page, language);
    expect(await overflows(page)).toEqual([]);
    await screenshot(page, `rounds-explained-${size}-${language}`);

    await page.goto(`/match-rounds/${roundId}`);
    await settled(page);
    await readExplainer(page, language);
    // The seed's label explains itself where it is shown (after a run); before, the create form says it.
    expect(await overflows(page)).toEqual([]);
  });
});
