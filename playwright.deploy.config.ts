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
	testMatch: ['playground-attacks.spec.ts', 'playground-strangers.spec.ts', 'deploy/*.deploy.ts'],
	// Round two's tests that cannot mean the same behind a proxy: the proxy refuses oversized and
	// chunked bodies and long URLs before PocketBase (tests/deploy/request-size.deploy.ts checks
	// that instead), the quota tests name their visitors in the X-Real-IP header the proxy
	// overwrites, and the cross-site test needs the built site.
	grepInvert: /no body on reads|no costly expands|no cross-site sign-ups|behind the deploy proxy/,
	fullyParallel: true,
	forbidOnly: !!process.env['CI'],
	retries: 0,
	workers: 2,
	timeout: 30_000,
	expect: { timeout: 7_000 },
	reporter: 'list',
	projects: [{ name: proxy }],
});
