import { defineConfig } from '@playwright/test';
import { proxyKindFrom } from './scripts/proxy-process.mjs';

// `npm run test:deploy` (scripts/test-deploy.mjs) runs this once per proxy: the playground's
// attack tests and the proxy's own tests (tests/deploy/*.deploy.ts, a name the default config's
// `**/*.spec.ts` leaves out), with every private PocketBase behind nginx or Caddy as the deploy
// recipe puts it (tests/fixtures.ts). None of them opens the site or a browser, so there is no
// build, no global setup and no browser here. Tests that start a PocketBase of their own without
// the fixture (the dev-mode one) talk to it directly.
const proxy = proxyKindFrom(process.env['PLAYGROUND_PROXY']);
if (!proxy) {
	throw new Error('Set PLAYGROUND_PROXY to nginx or caddy, or run `npm run test:deploy`.');
}

export default defineConfig({
	testDir: './tests',
	testMatch: ['playground-attacks.spec.ts', 'deploy/*.deploy.ts'],
	fullyParallel: true,
	forbidOnly: !!process.env['CI'],
	retries: 0,
	workers: 2,
	timeout: 30_000,
	expect: { timeout: 7_000 },
	reporter: 'list',
	projects: [{ name: proxy }],
});
