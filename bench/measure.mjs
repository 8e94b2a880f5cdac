// The measurements behind `npm run bench`, one function each.
import { gzipSync } from 'node:zlib';
import { median } from '../src/lib/stats.ts';

export const budgets = {
	buildSeconds: 30,
	readingPageJsKb: 40,
	demoPageJsKb: 70,
	honestyRatio: 1.1,
	lighthousePerformance: 98,
};

/** Custom elements that make a page a demo page (a bigger JavaScript budget). */
const demoElements = ['pb-connection-status', 'latency-race', 'whoami-demo', 'latency-explorer'];

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
		const isDemo = await page.evaluate(
			(names) => names.some((name) => document.querySelector(name)),
			demoElements
		);
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
 * The race's direct-call instrumentation (SDK call timed by Resource Timing) against a bare
 * `fetch` of the same endpoint timed around the call, interleaved, on one page. Paced to stay
 * inside the playground's rate limit (300 requests per 10 s per address).
 * @param {import('playwright-core').Browser} browser
 * @param {string} url the double-hops page
 * @param {string} pocketBaseUrl
 */
export async function honestyRun(browser, url, pocketBaseUrl, calls = 200) {
	const page = await browser.newPage();
	await page.goto(url);
	await page.locator('pb-connection-status[data-state="connected"]').waitFor();
	const result = await page.evaluate(
		async ({ pocketBaseUrl, calls }) => {
			performance.setResourceTimingBufferSize(calls * 4);
			const race = /** @type {HTMLElement & { measureDirect(marker: string): Promise<number> }} */ (
				document.querySelector('latency-race')
			);
			const instrumented = [];
			const bare = [];
			const pause = () => new Promise((r) => setTimeout(r, 50));
			/** @param {number} i */
			const bareCall = async (i) => {
				const started = performance.now();
				const response = await fetch(
					`${pocketBaseUrl}/api/collections/articles/records?page=1&perPage=20&race=bare-${i}`
				);
				await response.json();
				return performance.now() - started;
			};
			for (let i = 0; i < calls; i++) {
				// Alternate which goes first, so neither always meets a warmer connection.
				if (i % 2 === 0) {
					instrumented.push(await race.measureDirect(`bench-${i}`));
					await pause();
					bare.push(await bareCall(i));
				} else {
					bare.push(await bareCall(i));
					await pause();
					instrumented.push(await race.measureDirect(`bench-${i}`));
				}
				await pause();
			}
			return { instrumented, bare };
		},
		{ pocketBaseUrl, calls }
	);
	await page.close();
	const instrumentedMedianMs = median(result.instrumented) ?? NaN;
	const bareMedianMs = median(result.bare) ?? NaN;
	return {
		calls,
		instrumentedMedianMs,
		bareMedianMs,
		ratio: instrumentedMedianMs / bareMedianMs,
	};
}
