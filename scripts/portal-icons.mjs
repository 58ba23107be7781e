// @ts-check
// `node scripts/portal-icons.mjs`: draws the portal's app icons (apps/portal/public/icons/*.png) from
// apps/portal/public/icon.svg, once; the PNG files are committed. Rendered by the Chromium the browser
// tests use (playwright-core, already a dependency), so no image library and no download is needed.
// The maskable icon keeps the bridge inside the central 80 % safe zone on a full-bleed background, as
// launchers crop it to a circle or a squircle.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const PUBLIC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'apps', 'portal', 'public');
const svg = fs.readFileSync(path.join(PUBLIC, 'icon.svg'), 'utf8');
// The background of theme.ts's primary colour, for the maskable icon's bleed.
const PRIMARY = '#2b6cb0';

/** @type {{ file: string, size: number, maskable: boolean }[]} */
const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon.png', size: 180, maskable: true },
];

/** @param {number} size @param {boolean} maskable */
function pageOf(size, maskable) {
  // Maskable: the square is all colour and the drawing sits at 72 % of it, inside the safe zone.
  const inner = maskable ? Math.round(size * 0.72) : size;
  const background = maskable ? PRIMARY : 'transparent';
  return `<!doctype html><html><body style="margin:0;width:${size}px;height:${size}px;background:${background};display:grid;place-items:center">
<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body></html>`;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true });
try {
  fs.mkdirSync(path.join(PUBLIC, 'icons'), { recursive: true });
  for (const { file, size, maskable } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(pageOf(size, maskable));
    await page.screenshot({ path: path.join(PUBLIC, 'icons', file), omitBackground: !maskable });
    await page.close();
    console.log(`apps/portal/public/icons/${file} (${size} × ${size})`);
  }
} finally {
  await browser.close();
}
