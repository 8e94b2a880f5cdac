import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, resolveBrowser } from './scripts/browser.mjs';
import { proxyKindFrom } from './scripts/proxy-process.mjs';

// `npm run test:failover`: three PocketBase hosts behind the deploy recipe's own proxy (Caddy, or
// nginx with PLAYGROUND_PROXY=nginx), a real Chromium on the built site, and one host stopped
// mid-visit (tests/failover/hosts.failover.ts). Not part of `npm test`: it needs the Debian proxy
// and a build (`npm run build` first, or E2E_SITE_DIR), and takes its time on purpose.
const proxy = proxyKindFrom(process.env['PLAYGROUND_PROXY']) ?? 'caddy';
const browser = await resolveBrowser();

export default defineConfig({
	testDir: './tests/failover',
	testMatch: '*.failover.ts',
	forbidOnly: !!process.env['CI'],
	retries: 0,
	workers: 1,
	timeout: 120_000,
	expect: { timeout: 15_000 },
	reporter: 'list',
	use: {
		...devices['Desktop Chrome'],
		launchOptions: { executablePath: browser.executablePath, args: chromiumArgs },
		trace: 'off',
	},
	projects: [{ name: proxy }],
});
