// Calibration of the page-load model (src/lib/page-load.ts) against real first visits in
// Chromium, each link given a round trip by a delaying proxy (bench/delay-proxy.mjs):
//   - server-rendered: the SvelteKit example's /notes page, its server calling PocketBase;
//   - browser-rendered: a minimal static page (bench/calibration-page/notes.mjs) that loads its
//     script and makes the same call from the browser, straight to PocketBase.
// Both ask for a guest's notes from a fresh playground, and both show the same markup and
// nothing before it, so their first contentful paint is the time to content. Each load is a
// first visit: a fresh browser context, so no cache, no open connection and no cached preflight.
//
// The model counts round trips and the server's handler, and leaves out the machine's own work:
// the browser's parsing, scripts and painting, PocketBase's and the app's CPU. On a shared 2-core
// machine that work alone is tens to hundreds of milliseconds and swings with the load. So every
// visit is paired with the same page's visit with no latency injected, right before or after it,
// and the model's round trips are judged against the difference: the time the round trips cost.
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExample, startSvelteKitExample } from '../scripts/example-process.mjs';
import {
	freePort,
	projectRoot,
	startPocketBaseListening,
	stopProcess,
} from '../scripts/pocketbase-process.mjs';
import { bundle, importSource } from './bundle.mjs';
import { startDelayProxy } from './delay-proxy.mjs';
import { modelHandlerMs } from './sveltekit-handler.mjs';

const { median, percentile } = /** @type {typeof import('../src/lib/stats.ts')} */ (
	await importSource(join(projectRoot, 'src/lib/stats.ts'))
);

/**
 * The links' round trips, in ms. The reader reaches PocketBase over the same route as the app's
 * server (PocketBase and the server in one place), or over the longer of the two.
 * @typedef {{ id: string; readerServerRttMs: number; serverPocketBaseRttMs: number; readerPocketBaseRttMs: number }} CalibrationScenario
 * @type {readonly CalibrationScenario[]}
 */
export const calibrationScenarios = [
	{ id: 'near, 20 ms', readerServerRttMs: 20, serverPocketBaseRttMs: 1, readerPocketBaseRttMs: 20 },
	{ id: 'near, 80 ms', readerServerRttMs: 80, serverPocketBaseRttMs: 1, readerPocketBaseRttMs: 80 },
	{
		id: 'far, 20 + 60 ms',
		readerServerRttMs: 20,
		serverPocketBaseRttMs: 60,
		readerPocketBaseRttMs: 60,
	},
	{
		id: 'far, 80 + 60 ms',
		readerServerRttMs: 80,
		serverPocketBaseRttMs: 60,
		readerPocketBaseRttMs: 80,
	},
];

/** No latency injected: the same pages, for each visit's pair. */
const noLatency = { readerServerRttMs: 0, serverPocketBaseRttMs: 0, readerPocketBaseRttMs: 0 };

/** The content both pages show once the notes are in: the list, or the line saying there is none. */
const contentSelector = 'ul[aria-label="Notes"], h1 ~ p';

/**
 * One first visit in a fresh context: time to content and the document's navigation timing.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 */
async function firstVisit(browser, url) {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(url);
		await page.locator(contentSelector).first().waitFor({ timeout: 30_000 });
		await page.waitForFunction(
			() => performance.getEntriesByName('first-contentful-paint').length > 0,
			undefined,
			{ timeout: 30_000 }
		);
		return await page.evaluate(() => {
			const nav = /** @type {PerformanceNavigationTiming | undefined} */ (
				performance.getEntriesByType('navigation')[0]
			);
			const resources = /** @type {PerformanceResourceTiming[]} */ (
				performance.getEntriesByType('resource')
			);
			const data = resources.find((e) => e.initiatorType === 'fetch');
			const script = resources.find((e) => e.name.endsWith('/notes.js'));
			/** @param {PerformanceResourceTiming | undefined} e */
			const span = (e) => (e ? e.responseEnd - e.startTime : 0);
			const htmlMs = nav?.responseEnd ?? NaN;
			return {
				paintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
				htmlMs,
				// The network's part alone, as the browser's network stack timed it: the HTML,
				// then (browser-rendered) the script's fetch and the data's fetch, whose span holds
				// the connection to PocketBase and the preflight. The gaps between them, the
				// browser's own work, are left out.
				networkMs: htmlMs + span(script) + span(data),
			};
		});
	} finally {
		await context.close();
	}
}

/**
 * Serves the browser-rendered page: its HTML, which names PocketBase's address, and its script.
 * @param {string} pocketBaseUrl the address the browser reaches PocketBase at
 */
async function startStaticPage(pocketBaseUrl) {
	const script = await bundle(join(projectRoot, 'bench/calibration-page/notes.mjs'), 'browser');
	const html = `<!doctype html>
<html lang="en">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1" />
		<meta name="pocketbase" content="${pocketBaseUrl}" />
		<title>Notes</title>
		<script type="module" src="/notes.js"></script>
	</head>
	<body></body>
</html>
`;
	const server = createServer((request, response) => {
		const [type, body] =
			request.url === '/notes.js' ? ['text/javascript', script] : ['text/html', html];
		response.writeHead(200, {
			'Content-Type': `${type}; charset=utf-8`,
			'Cache-Control': 'no-store',
		});
		response.end(body);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		port,
		close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
	};
}

/**
 * What the page-load model predicts for a scenario's two pages: plain HTTP on loopback (no DNS,
 * a TCP handshake and no TLS), the model's default handler time, one PocketBase call.
 * @param {typeof import('../src/lib/page-load.ts')} model
 * @param {CalibrationScenario} s
 */
function predicted(model, s) {
	/** @type {import('../src/lib/page-load.ts').PageLoadParams} */
	const params = {
		browserSiteRttMs: s.readerServerRttMs,
		browserPocketBaseRttMs: s.readerPocketBaseRttMs,
		nearServerPocketBaseRttMs: s.serverPocketBaseRttMs,
		farBrowserServerRttMs: s.readerServerRttMs,
		farServerPocketBaseRttMs: s.serverPocketBaseRttMs,
		dnsMs: 0,
		handlerMs: modelHandlerMs(),
		serverCalls: 1,
		connectionRoundTrips: 1,
	};
	return {
		// The far-server path takes the scenario's two legs as they are, near or far.
		server: model.modelPageLoad('server-far', 'my-notes', params).contentMs,
		browser: model.modelPageLoad('browser-direct', 'my-notes', params).contentMs,
	};
}

/**
 * A median and the spread around it: the middle half (quartiles) and the extremes.
 * @param {number[]} values
 */
function summary(values) {
	return {
		medianMs: median(values) ?? NaN,
		q1Ms: percentile(values, 25) ?? NaN,
		q3Ms: percentile(values, 75) ?? NaN,
		minMs: Math.min(...values),
		maxMs: Math.max(...values),
		runsMs: values,
	};
}

/**
 * The calibration: for each scenario, `runs` pairs of first visits of each page (one with the
 * scenario's round trips, one with none), taking turns, against the model's prediction.
 * @param {import('playwright-core').Browser} browser
 * @param {{ runs?: number }} [options]
 */
export async function calibrationRun(browser, { runs = 9 } = {}) {
	await buildExample('sveltekit');
	// The machine's 1-minute load average before and after: CPU time is the noise here.
	const load = [loadavg()[0] ?? NaN];
	const pageLoad = /** @type {typeof import('../src/lib/page-load.ts')} */ (
		await importSource(join(projectRoot, 'src/lib/page-load.ts'))
	);
	const dataDir = mkdtempSync(join(tmpdir(), 'pb-bench-calibration-'));
	const pocketbase = await startPocketBaseListening({ port: await freePort(), dataDir });
	const pbTarget = { host: '127.0.0.1', port: Number(new URL(pocketbase.url).port) };
	/** @type {(() => Promise<unknown>)[]} */
	const cleanup = [];
	try {
		const serverToPocketBase = await startDelayProxy({ target: pbTarget, rttMs: 0 });
		cleanup.push(serverToPocketBase.close);
		const readerToPocketBase = await startDelayProxy({ target: pbTarget, rttMs: 0 });
		cleanup.push(readerToPocketBase.close);
		const app = await startSvelteKitExample({ pocketBaseUrl: serverToPocketBase.url });
		cleanup.push(() => stopProcess(app.child));
		const appPort = Number(new URL(app.url).port);
		const readerToApp = await startDelayProxy({
			target: { host: '127.0.0.1', port: appPort },
			rttMs: 0,
		});
		cleanup.push(readerToApp.close);
		const staticPage = await startStaticPage(readerToPocketBase.url);
		cleanup.push(staticPage.close);
		const readerToStatic = await startDelayProxy({
			target: { host: '127.0.0.1', port: staticPage.port },
			rttMs: 0,
		});
		cleanup.push(readerToStatic.close);

		const pages = {
			server: `${readerToApp.url}/notes`,
			browser: `${readerToStatic.url}/`,
		};
		/** @param {Omit<CalibrationScenario, 'id'>} links */
		const setLinks = (links) => {
			readerToApp.link.rttMs = links.readerServerRttMs;
			readerToStatic.link.rttMs = links.readerServerRttMs;
			serverToPocketBase.link.rttMs = links.serverPocketBaseRttMs;
			readerToPocketBase.link.rttMs = links.readerPocketBaseRttMs;
		};
		/** @param {'server' | 'browser'} which */
		const visit = async (which) => {
			// The model's server keeps its connection to PocketBase open (keep-alive), as a
			// server with any traffic does: one request first, straight to the app, so the
			// measured visit does not pay the server's handshake to PocketBase.
			if (which === 'server') await (await fetch(`${app.url}/notes`)).text();
			return firstVisit(browser, pages[which]);
		};
		const results = [];
		for (const s of calibrationScenarios) {
			/** @typedef {{ latency: Awaited<ReturnType<typeof firstVisit>>; none: Awaited<ReturnType<typeof firstVisit>> }} Pair */
			/** @type {Record<'server' | 'browser', Pair[]>} */
			const measured = { server: [], browser: [] };
			// One unmeasured round first: the server's code, the browser's and PocketBase's
			// warm up.
			for (let i = -1; i < runs; i++) {
				// Taking turns (which page first, and with or without latency first), so a busy
				// moment on the machine falls on all four alike.
				/** @type {('server' | 'browser')[]} */
				const order = i % 2 === 0 ? ['server', 'browser'] : ['browser', 'server'];
				for (const which of order) {
					const latencyFirst = Math.floor(i / 2) % 2 === 0;
					setLinks(latencyFirst ? s : noLatency);
					const first = await visit(which);
					setLinks(latencyFirst ? noLatency : s);
					const second = await visit(which);
					const pair = latencyFirst
						? { latency: first, none: second }
						: { latency: second, none: first };
					if (i >= 0) measured[which].push(pair);
				}
			}
			const model = predicted(pageLoad, s);
			const modelNone = predicted(pageLoad, { ...s, ...noLatency });
			/** @param {'server' | 'browser'} which */
			const row = (which) => {
				const pairs = measured[which];
				const total = summary(pairs.map((p) => p.latency.paintMs));
				const none = summary(pairs.map((p) => p.none.paintMs));
				const roundTrips = summary(pairs.map((p) => p.latency.paintMs - p.none.paintMs));
				const modelRoundTripsMs = model[which] - modelNone[which];
				return {
					modelMs: model[which],
					modelRoundTripsMs,
					total,
					none,
					roundTrips,
					// The judged error: the model's round trips against what they cost.
					errorPercent: ((modelRoundTripsMs - roundTrips.medianMs) / roundTrips.medianMs) * 100,
					// Noise on a shared machine only ever adds time, so the fastest quarter of the
					// visits, with and without latency, is nearest a quiet machine: a second
					// estimate of the round trips' cost, less swayed by a busy moment.
					fastestQuarterRoundTripsMs: total.q1Ms - none.q1Ms,
					// The same miss in milliseconds, as a share of the whole time to content.
					errorOfTotalPercent: ((modelRoundTripsMs - roundTrips.medianMs) / total.medianMs) * 100,
					htmlMedianMs: median(pairs.map((p) => p.latency.htmlMs)) ?? NaN,
					// The model's whole prediction against the network's part of each visit:
					// the phases the model counts, without the work between them.
					network: summary(pairs.map((p) => p.latency.networkMs)),
				};
			};
			results.push({ scenario: s, server: row('server'), browser: row('browser') });
		}
		load.push(loadavg()[0] ?? NaN);
		return { runs, handlerMs: modelHandlerMs(), load, results };
	} finally {
		for (const close of cleanup.reverse()) await close();
		await stopProcess(pocketbase.child);
		rmSync(dataDir, { recursive: true, force: true });
	}
}

// `node bench/calibration.mjs [runs]` runs this measurement alone and prints its JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
	const { chromium } = await import('playwright-core');
	const { chromiumArgs, resolveBrowser } = await import('../scripts/browser.mjs');
	const browser = await chromium.launch({
		executablePath: (await resolveBrowser()).executablePath,
		args: chromiumArgs,
	});
	try {
		console.log(
			JSON.stringify(await calibrationRun(browser, { runs: Number(process.argv[2] ?? 9) }), null, 2)
		);
	} finally {
		await browser.close();
	}
}
