// `npm run screenshots -- /path/ [/other/ …]`: desktop and mobile, light and dark screenshots of
// pages of a running site (default http://localhost:4321, or SITE=…), into screenshots/.
// Add `--run` to click each page's first Run button before the picture is taken (and wait until a
// "Done" appears), and `--only=SELECTOR` to photograph just that element (a demo, say).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, resolveBrowser } from './browser.mjs';
import { projectRoot } from './pocketbase-process.mjs';

const site = process.env.SITE ?? 'http://localhost:4321';
const args = process.argv.slice(2);
const run = args.includes('--run');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const paths = args.filter((a) => !a.startsWith('--'));
const out = join(projectRoot, 'screenshots');
mkdirSync(out, { recursive: true });

const sizes = { desktop: { width: 1280, height: 900 }, mobile: { width: 375, height: 812 } };
const { executablePath } = await resolveBrowser();
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
for (const path of paths.length ? paths : ['/']) {
	for (const [size, viewport] of Object.entries(sizes)) {
		for (const theme of /** @type {const} */ (['light', 'dark'])) {
			const context = await browser.newContext({ viewport, colorScheme: theme });
			await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
			const page = await context.newPage();
			await page.goto(`${site}${path}`, { waitUntil: 'networkidle' });
			if (run) {
				await page.locator('pb-connection-status[data-state="connected"]').first().waitFor();
				await page.locator('button:has-text("Run")').first().click();
				await page.getByText(/^Done/).first().waitFor({ timeout: 120_000 });
				await page.waitForTimeout(500);
			}
			const name = `${
				path
					.replace(/^\/|\/$/g, '')
					.replace(/[/?=&.]+/g, '_')
					.slice(0, 80) || 'home'
			}${only ? '-part' : ''}-${size}-${theme}.png`;
			if (only)
				await page
					.locator(only)
					.first()
					.screenshot({ path: join(out, name) });
			else await page.screenshot({ path: join(out, name), fullPage: true });
			console.log(join('screenshots', name));
			await context.close();
		}
	}
}
await browser.close();
