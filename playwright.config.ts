import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, resolveBrowser } from './scripts/browser.mjs';

// Never skipped for want of a browser: resolveBrowser() throws a message that says how to get one.
const browser = await resolveBrowser();

export default defineConfig({
	testDir: './tests',
	testMatch: '**/*.spec.ts',
	fullyParallel: true,
	forbidOnly: !!process.env['CI'],
	retries: 0,
	workers: 2,
	timeout: 30_000,
	expect: { timeout: 7_000 },
	reporter: 'list',
	globalSetup: './tests/global-setup.ts',
	use: {
		...devices['Desktop Chrome'],
		launchOptions: { executablePath: browser.executablePath, args: chromiumArgs },
		trace: 'off',
	},
	projects: [
		{ name: 'e2e', testIgnore: 'measurement.spec.ts' },
		// Timing comparisons run last, one at a time, with nothing else on the machine's cores.
		{
			name: 'measurement',
			testMatch: 'measurement.spec.ts',
			dependencies: ['e2e'],
			fullyParallel: false,
		},
	],
});
