// The measurements behind `npm run bench`, one function each.
import { gzipSync } from 'node:zlib';
import { importSource } from './bundle.mjs';

// Through esbuild: Node 20, which the project supports, cannot import TypeScript.
const { median } = /** @type {typeof import('../src/lib/stats.ts')} */ (
	await importSource(new URL('../src/lib/stats.ts', import.meta.url).pathname)
);

/**
 * The race is driven as a reader drives it: its settings in the link, its Run button, and the
 * results read from what the page shows (the "Every request" table and the sentences). The
 * page serves the bench nothing a reader does not get.
 */

/** The race on the double-hops page, by the id its links use. */
const raceOn = (/** @type {import('playwright-core').Page} */ page) =>
	page.locator('#latency-race');

/**
 * Waits for PocketBase to answer, as the page's connection panel says it.
 * @param {import('playwright-core').Page} page
 */
async function whenConnected(page) {
	await page.locator('[data-state="connected"]').first().waitFor({ timeout: 30_000 });
}

/**
 * Presses Run and waits for the run to finish (Run is pressable again).
 * @param {import('playwright-core').Locator} race
 */
async function runOnce(race, timeout = 120_000) {
	await race.getByRole('button', { name: 'Run', exact: true }).click();
	await race
		.getByRole('button', { name: 'Run', exact: true, disabled: false })
		.waitFor({ timeout });
}

/** `12.5 ms` → 12.5; anything else → NaN. */
const shownMs = (/** @type {string} */ text) => (/^[\d.]+ ms$/.test(text) ? parseFloat(text) : NaN);

/**
 * Every request of the last run, read from the race's "Every request" table.
 * @param {import('playwright-core').Locator} race
 */
async function shownRequests(race) {
	const details = race.getByRole('group').filter({ hasText: 'Every request as a table' });
	if ((await details.getAttribute('open')) === null) {
		await race.getByText('Every request as a table').click();
	}
	const table = race.getByRole('table', { name: 'Every request' });
	const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
	const column = (/** @type {string} */ name) => headers.indexOf(name);
	// One read for every row: a run's table holds hundreds of cells.
	const rows = await table
		.getByRole('row')
		.filter({ has: race.page().getByRole('cell') })
		.evaluateAll((found) =>
			found.map((row) =>
				[.../** @type {HTMLTableRowElement} */ (row).cells].map((cell) => cell.textContent ?? '')
			)
		);
	// The table lists requests in the order they started.
	return rows.map((cells) => ({
		index: Number(cells[column('#')]),
		path: /** @type {'direct' | 'proxy'} */ (
			cells[column('Path')]?.startsWith('direct') ? 'direct' : 'proxy'
		),
		measuredMs: shownMs(cells[column('Measured')] ?? ''),
		totalMs: shownMs(cells[column('Total')] ?? ''),
		ok: cells[column('Result')] === 'OK',
	}));
}

export const budgets = {
	buildSeconds: 30,
	readingPageJsKb: 40,
	demoPageJsKb: 70,
	honestyRatio: 1.1,
	aaRatio: [0.95, 1.05],
	aaMedianRatio: [0.97, 1.03],
	lighthousePerformance: 98,
};

/** What makes a page a demo page (a bigger JavaScript budget): every demo's root has it. */
const demoSelector = '.demo';

/**
 * JavaScript each page loads by itself: every script response until 3 s after the network settles,
 * before any interaction, gzipped here so the number does not depend on the preview server.
 * @param {import('playwright-core').Browser} browser
 * @param {string} site
 * @param {string[]} paths
 */
export async function jsPerPage(browser, site, paths) {
	/** @type {Record<string, { jsKbGz: number; scripts: number; mermaidBytes: number; budgetKb: number }>} */
	const out = {};
	for (const path of paths) {
		const page = await browser.newPage();
		/** @type {Promise<{ url: string; gz: number; mermaid: boolean }>[]} */
		const bodies = [];
		page.on('response', (response) => {
			if (response.request().resourceType() !== 'script') return;
			bodies.push(
				response.body().then((body) => ({
					url: response.url(),
					gz: gzipSync(body).length,
					mermaid: /mermaid/i.test(response.url()) || body.includes('mermaidAPI'),
				}))
			);
		});
		// Starlight fetches Pagefind's UI lazily after load; wait for the network to settle and
		// then 3 s more, so lazily loaded scripts are always counted.
		await page.goto(`${site}${path}`, { waitUntil: 'networkidle' });
		await page.waitForTimeout(3000);
		const isDemo = (await page.locator(demoSelector).count()) > 0;
		const scripts = await Promise.all(bodies);
		out[path] = {
			jsKbGz: Math.round((scripts.reduce((sum, s) => sum + s.gz, 0) / 1024) * 10) / 10,
			scripts: scripts.length,
			mermaidBytes: scripts.filter((s) => s.mermaid).reduce((sum, s) => sum + s.gz, 0),
			budgetKb: isDemo ? budgets.demoPageJsKb : budgets.readingPageJsKb,
		};
		await page.close();
	}
	return out;
}

/**
 * Measurement honesty, for each path: the race's own measurement (the SDK call, timed by the
 * demo kit's instrument; through the simulated server with a zero hop for the proxied path),
 * as the race shows it, against a bare `fetch` of the same endpoint, interleaved on one page.
 * Each of "ours" is a race of one request per path, pressed like a reader would. The bare fetch
 * is timed twice: by its own Resource Timing entry with the same definition (request sent to
 * last byte), which is the comparison, and by the clock around it, which shows what the
 * instrument leaves out (our JavaScript, JSON parsing). The race shows tenths of a millisecond
 * under 10 ms, which is the comparison's resolution. Paced to stay inside the playground's
 * rate limit (300 requests per 10 s per address).
 * @param {import('playwright-core').Browser} browser
 * @param {string} url the double-hops page
 * @param {string} pocketBaseUrl
 * @param {'direct' | 'proxy'} path
 */
export async function honestyRun(browser, url, pocketBaseUrl, path, calls = 200) {
	const page = await browser.newPage();
	const params = new URLSearchParams({
		...zeroModel,
		'race-operation': 'list',
		'race-requests': '1',
		'race-concurrency': '1',
	});
	await page.goto(`${url}?${params}`);
	await whenConnected(page);
	const race = raceOn(page);
	/** @type {number[]} */ const instrumented = [];
	/** @type {number[]} */ const bare = [];
	/** @type {number[]} */ const bareWallClock = [];
	const pause = () => new Promise((r) => setTimeout(r, 40));
	/** @param {number} i */
	const bareCall = async (i) => {
		const timing = await page.evaluate(
			async ({ url }) => {
				const started = performance.now();
				// The same request the SDK sends (its JSON content type makes it need a CORS
				// preflight too), made by hand.
				const response = await fetch(url, { headers: { 'Content-Type': 'application/json' } });
				await response.json();
				const wallClock = performance.now() - started;
				await new Promise((r) => setTimeout(r, 0));
				const entry = /** @type {PerformanceResourceTiming | undefined} */ (
					performance.getEntriesByName(url)[0]
				);
				const ms = entry && entry.requestStart > 0 ? entry.responseEnd - entry.requestStart : null;
				return { wallClock, ms };
			},
			{
				url: `${pocketBaseUrl}/api/collections/articles/records?page=1&perPage=20&bare=${path}-${i}`,
			}
		);
		bareWallClock.push(timing.wallClock);
		if (timing.ms !== null) bare.push(timing.ms);
	};
	const ours = async () => {
		await runOnce(race);
		const row = (await shownRequests(race)).find((r) => r.path === path && r.ok);
		if (row && Number.isFinite(row.measuredMs)) instrumented.push(row.measuredMs);
	};
	for (let i = 0; i < calls; i++) {
		// Alternate which goes first, so neither always meets a warmer connection.
		if (i % 2 === 0) {
			await ours();
			await pause();
			await bareCall(i);
		} else {
			await bareCall(i);
			await pause();
			await ours();
		}
		await pause();
	}
	await page.close();
	const instrumentedMedianMs = median(instrumented) ?? NaN;
	const bareMedianMs = median(bare) ?? NaN;
	return {
		path,
		calls,
		instrumentedMedianMs,
		bareMedianMs,
		bareWallClockMedianMs: median(bareWallClock) ?? NaN,
		ratio: instrumentedMedianMs / bareMedianMs,
	};
}

/** Every modelled cost at zero: the A/A setup of the race. */
const zeroModel = {
	'race-scenario': 'custom',
	'race-browser-server-rtt-ms': '0',
	'race-server-pocket-base-rtt-ms': '0',
	'race-browser-pocket-base-rtt-ms': '0',
	'race-handler-ms': '0',
	'race-cold-start-chance': '0',
};

/**
 * The race's own verdict, read from its sentence: "(×1.02, 95 % interval ×0.97 to ×1.06 over
 * 150 pairs: no measurable difference)".
 * @param {string} outcome
 */
function shownInterval(outcome) {
	const found = /95 % interval ×([\d.]+) to ×([\d.]+) over \d+ pairs?: ([^)]+)\)/.exec(outcome);
	return found
		? { lower: Number(found[1]), upper: Number(found[2]), verdict: found[3] ?? '' }
		: { lower: NaN, upper: NaN, verdict: 'no interval shown' };
}

/**
 * One A/A run on a fresh page: a short warm-up race first (the page's SDK, PocketBase's JS
 * runtimes and its SQLite pages all warm, so neither path meets them cold in the measured run),
 * then the measured race, both pressed like a reader would, and its results read from the page.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url the double-hops page
 * @param {{ operation: string; concurrency: number; requests: number; seed: number }} run
 */
async function aaRun(browser, url, { operation, concurrency, requests, seed }) {
	const page = await browser.newPage();
	const link = (/** @type {number} */ perPath) =>
		`${url}?${new URLSearchParams({
			...zeroModel,
			'race-operation': operation,
			'race-requests': String(perPath),
			'race-concurrency': String(concurrency),
			'race-seed': String(seed),
		})}`;
	await page.goto(link(aaWarmUp));
	await whenConnected(page);
	await runOnce(raceOn(page));
	// The same page and its connections; only the settings change, as a reader's link would.
	await page.goto(link(requests));
	await whenConnected(page);
	const race = raceOn(page);
	await runOnce(race);
	await race
		.getByRole('status')
		.filter({ hasText: `Done: ${requests * 2} requests.` })
		.waitFor({ timeout: 5_000 });
	const rows = await shownRequests(race);
	const instrument =
		(await race.getByText(/^Both paths’ real calls are timed the same way/).textContent()) ?? '';
	const outcome =
		(await race
			.getByRole('status')
			.filter({ hasText: 'Median through the server' })
			.textContent()) ?? '';
	await page.close();
	const ok = (/** @type {string} */ path) =>
		rows.filter((r) => r.path === path && r.ok).map((r) => r.totalMs);
	const direct = median(ok('direct')) ?? NaN;
	const proxy = median(ok('proxy')) ?? NaN;
	return {
		operation,
		concurrency,
		seed,
		...orderEffects(rows),
		requestsPerPath: requests,
		failed: rows.filter((r) => !r.ok).length,
		instrument: instrument.replace(/^Both paths’ real calls are timed the same way: /, ''),
		directMedianMs: direct,
		proxyMedianMs: proxy,
		ratio: proxy / direct,
		...shownInterval(outcome),
	};
}

/**
 * What the order of sending does, whichever path it falls on: the median time of the request
 * that went first in its pair over the one that went second, and of the first fifth of the run
 * over the rest (a warm-up the race did not have). Both near 1 mean neither place nor moment
 * favours a path; the race's seeded coin spreads them over both paths anyway.
 * @param {Awaited<ReturnType<typeof shownRequests>>} rows in the order they started
 */
function orderEffects(rows) {
	const seen = new Set();
	/** @type {number[]} */ const first = [];
	/** @type {number[]} */ const second = [];
	for (const row of rows) {
		if (!row.ok) continue;
		(seen.has(row.index) ? second : first).push(row.totalMs);
		seen.add(row.index);
	}
	const ok = rows.filter((r) => r.ok).map((r) => r.totalMs);
	const fifth = Math.floor(ok.length / 5);
	return {
		firstOverSecond: (median(first) ?? NaN) / (median(second) ?? NaN),
		earlyOverLate: (median(ok.slice(0, fifth)) ?? NaN) / (median(ok.slice(fifth)) ?? NaN),
	};
}

/** Requests per path of the warm-up race before each measured A/A run. */
const aaWarmUp = 10;

/**
 * The null experiment: the race itself, in the page, with every modelled cost at zero, for
 * each operation at concurrency 1 and 4, `rounds` times. Both paths then make the same real
 * call timed by the same instrument, and cost PocketBase the same hook work, so the
 * proxy/direct median ratio must come out at 1 (budget 0.95–1.05 a run; the median of the
 * rounds 0.97–1.03). Each round has its own seed, so the pairs' order (which path goes first)
 * differs from round to round, and the rounds take turns with each other rather than running
 * one configuration five times in a row, so a busy minute on the machine falls on every
 * configuration alike rather than on one. 200 requests per path, the race's most: at 150, one
 * run's spread at concurrency 4 still moved a median of five outside 0.97–1.03.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url the double-hops page
 */
export async function aaRuns(browser, url, { requests = 200, rounds = 5 } = {}) {
	const runs = [];
	for (let round = 1; round <= rounds; round++) {
		for (const operation of ['list', 'view', 'own']) {
			for (const concurrency of [1, 4]) {
				const started = Date.now();
				runs.push(await aaRun(browser, url, { operation, concurrency, requests, seed: round }));
				// Each run sends up to `requests + aaWarmUp` per address; wait out the
				// playground's 10 s window.
				await new Promise((r) => setTimeout(r, Math.max(0, 10_500 - (Date.now() - started))));
			}
		}
	}
	return runs;
}

/**
 * Each configuration's ratios over the rounds, and their median (budget 0.97–1.03).
 * @param {Awaited<ReturnType<typeof aaRuns>>} runs
 */
export function aaSummary(runs) {
	/** @type {Map<string, typeof runs>} */
	const groups = new Map();
	for (const run of runs) {
		const key = `${run.operation} ${run.concurrency}`;
		groups.set(key, [...(groups.get(key) ?? []), run]);
	}
	return [...groups.values()].map((group) => ({
		operation: group[0]?.operation ?? '',
		concurrency: group[0]?.concurrency ?? 0,
		ratios: group.map((r) => r.ratio),
		medianRatio: median(group.map((r) => r.ratio)) ?? NaN,
		spanningOne: group.filter((r) => r.lower <= 1 && r.upper >= 1).length,
		runs: group.length,
	}));
}

/** The crowd simulation's budget: K = 5,000 readers over 1 hour, in under 1 s. */
export const crowdBudgetMs = 1000;

/**
 * The crowd simulation at its largest (5,000 readers browsing for an hour, 2 page views a
 * minute each: about 600,000 requests, counted in all four setups), twice:
 * - in Node, the pure simulation alone (src/lib/rate-limit-crowd.ts, bundled by esbuild), the
 *   median of 5 runs after one warm-up;
 * - on the page, from the click to the drawn result, with the longest main-thread task while
 *   it ran (the page must stay responsive: the run yields between slices).
 * @param {import('playwright-core').Browser} browser
 * @param {string} pageUrl the rate-limits page
 */
export async function crowdRun(browser, pageUrl) {
	const crowd = /** @type {typeof import('../src/lib/rate-limit-crowd.ts')} */ (
		await importSource(new URL('../src/lib/rate-limit-crowd.ts', import.meta.url).pathname)
	);
	/** @type {import('../src/lib/rate-limit-crowd.ts').CrowdSettings} */
	const settings = {
		readers: 5000,
		seconds: 3600,
		pattern: 'page-views',
		rushSeconds: 900,
		viewsPerMinute: 2,
		createsPerMinute: 1,
		rules: crowd.ruleSets.pocketbase,
		seed: 1,
	};
	/** @type {number[]} */
	const nodeMs = [];
	let requests = 0;
	for (let i = 0; i < 6; i++) {
		const started = performance.now();
		requests = crowd.simulateCrowd(settings).totals.direct.requests;
		if (i > 0) nodeMs.push(performance.now() - started);
	}

	const page = await browser.newPage();
	await page.goto(
		`${pageUrl}?crowd-readers=5000&crowd-seconds=3600&crowd-pattern=page-views&crowd-views-per-minute=2#rate-limit-crowd`
	);
	await page.locator('rate-limit-crowd[data-state="done"]').waitFor({ timeout: 30_000 });
	// The linked run has loaded the code; now the measured run, from the click. Long tasks
	// (over 50 ms) are what would make the page feel stuck.
	await page.evaluate(() => {
		const w = /** @type {Window & { __longest?: number }} */ (window);
		w.__longest = 0;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries())
				w.__longest = Math.max(w.__longest ?? 0, entry.duration);
		}).observe({ type: 'longtask', buffered: false });
	});
	await page.evaluate(() =>
		document.querySelector('rate-limit-crowd')?.removeAttribute('data-state')
	);
	await page.locator('rate-limit-crowd [data-action="run"]').click();
	await page.locator('rate-limit-crowd[data-state="done"]').waitFor({ timeout: 30_000 });
	const pageMs = Number(await page.locator('rate-limit-crowd').getAttribute('data-run-ms'));
	const longestTaskMs = await page.evaluate(
		() => /** @type {Window & { __longest?: number }} */ (window).__longest ?? 0
	);
	await page.close();
	return { requests, nodeMedianMs: median(nodeMs), pageMs, longestTaskMs };
}
