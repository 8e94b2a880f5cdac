import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { connectionStatus, expect, test } from './fixtures';

const page_ = '/problem/what-pocketbase-sees/';

test.describe('connection status', () => {
	test('shows PocketBase’s health answer when connected', async ({ page }) => {
		await page.goto(page_);
		const status = connectionStatus(page);
		await expect(status).toHaveAttribute('data-state', 'connected');
		await expect(status.locator('.title')).toHaveText(`Connected to ${process.env['E2E_PB_URL']}`);
		await expect(status.locator('.detail')).toContainText('API is healthy.');
		await expect(status.locator('.detail')).toContainText('(measured)');
	});

	test('goes to “not reachable” when PocketBase stops and recovers by itself', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(ownPocketBase.withPb(page_));
		const status = connectionStatus(page);
		await expect(status).toHaveAttribute('data-state', 'connected');
		await expect(status.locator('.source')).toHaveText('(from this link’s ?pb=)');

		await ownPocketBase.stop();
		await status.getByRole('button', { name: 'Re-check' }).click();
		await expect(status).toHaveAttribute('data-state', 'unreachable');
		await expect(status.locator('.title')).toHaveText(`Not reachable: ${ownPocketBase.url}`);
		await expect(status.locator('.advice')).toContainText('npm run playground');

		await ownPocketBase.start();
		// No click: the panel keeps looking while PocketBase is away.
		await expect(status).toHaveAttribute('data-state', 'connected', { timeout: 10_000 });
	});

	test('ignores a bad ?pb= with a clear message and keeps the default server', async ({ page }) => {
		await page.goto(`${page_}?pb=${encodeURIComponent('javascript:alert(1)')}`);
		const status = connectionStatus(page);
		await expect(status.locator('.problems')).toContainText(
			'The ?pb= in this link was ignored: Only http:// and https://'
		);
		await expect(status).toHaveAttribute('data-state', 'connected');
		await expect(status.locator('.url')).toHaveText(process.env['E2E_PB_URL']!);
	});

	test('calls an address that is not a PocketBase “not PocketBase”', async ({ page, baseURL }) => {
		await page.goto(`${page_}?pb=${encodeURIComponent(baseURL!)}`);
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'not-pocketbase');
	});

	test('shows a real 429 from the rate limiter', async ({ page, ownPocketBase }) => {
		await page.goto(ownPocketBase.withPb(page_));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const ask = page.getByRole('button', { name: 'Ask PocketBase directly' });
		const direct = page.locator('[data-path="direct"]');
		// The playground allows 10 whoami calls per 10 s per address.
		for (let i = 0; i < 11; i++) {
			await ask.click();
			await expect(ask).not.toHaveAttribute('aria-busy', 'true');
		}
		await expect(direct.locator('.failure')).toContainText('Rate-limited (429)');
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'rate-limited');
		await expect(connectionStatus(page).locator('.advice')).toContainText('Wait');
	});

	test('blocked by CORS is told apart from unreachable', async ({ page, ownPocketBase }) => {
		await ownPocketBase.stop();
		// Same server and data, but only allowing another origin.
		const { startPocketBaseListening, stopProcess } =
			await import('../scripts/pocketbase-process.mjs');
		const port = Number(new URL(ownPocketBase.url).port);
		const strict = await startPocketBaseListening({
			port,
			dataDir: ownPocketBase.dataDir,
			extraArgs: ['--origins=https://only.example'],
		});
		try {
			await page.goto(ownPocketBase.withPb(page_));
			const status = connectionStatus(page);
			await expect(status).toHaveAttribute('data-state', 'blocked');
			await expect(status.locator('.title')).toContainText('CORS');
			await expect(status.locator('.advice')).toContainText('--origins');
		} finally {
			await stopProcess(strict.child);
		}
	});

	test('the server setting refuses bad input and remembers a good server', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(page_);
		const status = connectionStatus(page);
		await expect(status).toHaveAttribute('data-state', 'connected');
		await status.getByText('PocketBase server:').click();
		const input = status.getByLabel('Address of a PocketBase');

		await input.fill('https://admin:hunter2@pb.example.com');
		await status.getByRole('button', { name: 'Use this server' }).click();
		await expect(status.locator('.form-message')).toContainText('user name or password');
		await expect(status.locator('.url')).toHaveText(process.env['E2E_PB_URL']!);

		await input.fill(ownPocketBase.url);
		await status.getByRole('button', { name: 'Use this server' }).click();
		await expect(status.locator('.form-message')).toContainText('Switched');
		await expect(status.locator('.url')).toHaveText(ownPocketBase.url);

		await page.reload();
		await expect(status.locator('.url')).toHaveText(ownPocketBase.url);
		await expect(status.locator('.source')).toHaveText('(your saved choice)');

		await status.getByText('PocketBase server:').click();
		await status.getByRole('button', { name: 'Back to the default server' }).click();
		await expect(status.locator('.url')).toHaveText(process.env['E2E_PB_URL']!);
		await expect(status).toHaveAttribute('data-state', 'connected');
	});
});

test('a PocketBase that answers slowly is “connected, but slow”', async ({
	page,
	ownPocketBase,
}) => {
	// A real PocketBase behind a loopback TCP relay that holds each answer for 1.8 s.
	const { createServer, connect } = await import('node:net');
	const target = new URL(ownPocketBase.url);
	const sockets = new Set<import('node:net').Socket>();
	const relay = createServer((client) => {
		const upstream = connect(Number(target.port), target.hostname);
		sockets.add(client).add(upstream);
		client.pipe(upstream);
		upstream.on('data', (chunk) => setTimeout(() => client.write(chunk), 1800));
		upstream.on('end', () => setTimeout(() => client.end(), 1900));
		client.on('error', () => upstream.destroy());
		upstream.on('error', () => client.destroy());
	});
	await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
	const address = relay.address();
	const slowUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	try {
		await page.goto(`/problem/what-pocketbase-sees/?pb=${encodeURIComponent(slowUrl)}`);
		const status = connectionStatus(page);
		await expect(status).toHaveAttribute('data-state', 'slow', { timeout: 10_000 });
		await expect(status.locator('.title')).toHaveText(`Connected, but slow: ${slowUrl}`);
		await expect(status.locator('.detail')).toContainText('(measured)');
		// Slow is still usable: the demos stay enabled.
		await expect(page.getByRole('button', { name: 'Ask PocketBase directly' })).toBeEnabled();
	} finally {
		// The browser keeps connections alive; end them so the relay can close.
		for (const socket of sockets) socket.destroy();
		await new Promise((resolve) => relay.close(resolve));
	}
});

test('picks the nearer of two playgrounds, says so, and runs the demos there', async ({ page }) => {
	// Two playground addresses in front of the suite's PocketBase: one over a 100 ms link (the
	// far region, listed first), one over none. A link's ?pb-regions= stands in for a build's
	// PUBLIC_POCKETBASE_URLS, so no second build is needed.
	const { startDelayProxy } = await import('../bench/delay-proxy.mjs');
	const target = { host: '127.0.0.1', port: Number(new URL(process.env['E2E_PB_URL']!).port) };
	const far = await startDelayProxy({ target, rttMs: 100 });
	const near = await startDelayProxy({ target, rttMs: 0 });
	try {
		const regions = encodeURIComponent(`eu=${far.url},us=${near.url}`);
		await page.goto(`${page_}?pb-regions=${regions}`);
		const status = connectionStatus(page);
		await expect(status).toHaveAttribute('data-state', 'connected');
		const statement = (await status.locator('.region').textContent()) ?? '';
		expect(statement).toMatch(/^Using the US playground \(\d+ ms; EU \d+ ms\)\.$/);
		expect(Number(/EU (\d+) ms/.exec(statement)?.[1])).toBeGreaterThanOrEqual(100);
		await expect(status.locator('.url')).toHaveText(near.url);
		await expect(status.locator('.source')).toHaveText('(the nearest of the site’s playgrounds)');

		// The demos call the chosen one.
		const call = page.waitForRequest((r) => r.url().startsWith(`${near.url}/api/demo/whoami`));
		await page.getByRole('button', { name: 'Ask PocketBase directly' }).click();
		await call;
		await expect(page.getByText('127.0.0.1: your own address').first()).toBeVisible();

		// The reader's own ?pb= still wins over the site's playgrounds.
		await page.goto(`${page_}?pb-regions=${regions}&pb=${encodeURIComponent(far.url)}`);
		await expect(status).toHaveAttribute('data-state', 'connected');
		await expect(status.locator('.url')).toHaveText(far.url);
		await expect(status.locator('.region')).toBeHidden();
	} finally {
		await page.close();
		await Promise.all([far.close(), near.close()]);
	}
});

test.describe('the playground status', () => {
	/** Opens the status disclosure in the panel; returns its parts as a reader finds them. */
	async function openStatus(page: Page) {
		const panel = connectionStatus(page);
		await panel.getByText('Playground status:').click();
		const table = panel.getByRole('table', { name: 'Measured from your browser' });
		return {
			panel,
			summary: panel.locator('summary').filter({ hasText: 'Playground status:' }),
			table,
			row: (name: string | RegExp) => table.getByRole('row', { name }),
			results: panel.getByText(/^(Live|Recorded|None yet): /),
		};
	}

	test('says which playgrounds answer, their round trips and why the demos use one', async ({
		page,
		ownPocketBase,
	}) => {
		// Two real playgrounds: the suite's, and the test's own, stopped before the page measures.
		await ownPocketBase.stop();
		const running = process.env['E2E_PB_URL']!;
		await page.goto(
			`${page_}?pb-regions=${encodeURIComponent(`eu=${ownPocketBase.url},us=${running}`)}`
		);
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const status = await openStatus(page);
		await expect(status.table.getByRole('columnheader')).toHaveText([
			'Playground',
			'Answers',
			'Round trip (measured)',
		]);

		const eu = status.row(/^EU/);
		await expect(eu.getByRole('rowheader')).toHaveText(`EU ${ownPocketBase.url}`);
		await expect(eu.getByRole('cell')).toHaveText(['✕ No', 'none']);

		const us = status.row(/^US/);
		await expect(us.getByRole('rowheader')).toHaveText(`US in use ${running}`);
		await expect(us.getByRole('cell').first()).toHaveText('✓ Yes');
		// The region measurement's three calls and at least the first health check.
		await expect(us.getByRole('cell').last()).toHaveText(
			/^\d+ ms \(median of ([4-9]|1\d) calls\)$/
		);

		await expect(
			status.panel.getByText(
				'The demos use the US playground: the nearest that answered when this tab measured them all.'
			)
		).toBeVisible();
		await expect(status.summary).toHaveText('Playground status: 1 of 2 answering, live results');
		await expect(status.results).toHaveText(
			'Live: the demos on this page call the server in use from your browser.'
		);
		// A local playground names no host: only a multi-host deploy does (tests/failover/).
		await expect(status.panel.getByText('You landed on the playground host')).toBeHidden();

		// Open, it passes axe too (pages.spec.ts sees the panel with the disclosure closed).
		const axe = await new AxeBuilder({ page })
			.include('pb-connection-status')
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			.analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	});

	test('follows the playground in use when it stops', async ({ page, ownPocketBase }) => {
		await page.goto(ownPocketBase.withPb(page_));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const status = await openStatus(page);
		const own = status.row(/^This link’s server/);
		await expect(own.getByRole('cell')).toHaveText(['✓ Yes', /^\d+ ms \(one call\)$/]);
		await expect(status.summary).toHaveText('Playground status: answering, live results');

		await ownPocketBase.stop();
		await status.panel.getByRole('button', { name: 'Re-check' }).click();
		await expect(own.getByRole('cell')).toHaveText(['✕ No', 'none']);
		await expect(status.summary).toHaveText('Playground status: not answering, no results yet');
		await expect(status.results).toContainText('PocketBase is not answering');
	});

	test('says the page shows recorded results while a demo shows its recording', async ({
		page,
	}) => {
		await page.goto(page_);
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const status = await openStatus(page);
		await expect(status.summary).toHaveText('Playground status: answering, live results');

		const demo = page.locator('who-am-i').first();
		await demo.scrollIntoViewIfNeeded();
		await demo.getByRole('button', { name: 'Show a recording' }).click();
		await expect(status.summary).toHaveText('Playground status: answering, recorded results');
		// The status names the same recording as the demo's own label.
		const label = demo.getByText(/^Recorded on .+: a recorded run, not live numbers\.$/);
		const recording = /^Recorded (on .+): a recorded run/.exec((await label.textContent()) ?? '');
		expect(recording).not.toBeNull();
		await expect(status.results).toHaveText(
			`Recorded: one demo on this page shows a run recorded ${recording?.[1]}, not live numbers.`
		);

		await expect(demo.getByText(/^Through the simulated server: PocketBase sees /)).toBeVisible();
		await demo.getByRole('button', { name: 'Go live' }).click();
		await expect(status.summary).toHaveText('Playground status: answering, live results');
		await expect(status.results).toHaveText(/^Live: /);
	});
});
