// Calibration of the page-load model (src/lib/page-load.ts) against real first visits in
// Chromium, each link given a round trip by a delaying proxy (bench/delay-proxy.mjs):
//   - server-rendered: the SvelteKit example's /notes page, its server calling PocketBase, read
//     with scripting off (its content is in the HTML) and, for comparison, with its scripts;
//   - browser-rendered: a minimal static page (bench/calibration-page/notes.mjs) that loads its
//     script and makes the same call from the browser, straight to PocketBase; the same page with
//     `<link rel="preconnect">` to PocketBase; and the same page served from PocketBase's side
//     with PocketBase behind a path of its own origin (the two remedies for the direct path's
//     second origin).
// All ask for a guest's notes from a fresh playground, and all show the same markup and nothing
// before it, so their first contentful paint is the time to content. Each load is a first visit:
// a fresh browser context, so no cache, no open connection and no cached preflight.
//
// The model counts round trips and the server's handler, and leaves out the machine's own work:
// the browser's parsing, scripts and painting, PocketBase's and the app's CPU. On a shared 2-core
// machine that work alone is tens to hundreds of milliseconds and swings with the load. So each
// visit is read phase by phase as the browser's network stack timed it (`firstVisit`), and paired
// with the same page's visit with no latency injected, right before or after it, which gives what
// the servers and proxies took for the same exchanges. The model's round trips are judged against
// the difference: the time the round trips cost on the content's critical path.
import { createServer, request as httpRequest } from 'node:http';
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
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../scripts/browser.mjs';
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
 * The pages measured, each against the model's architecture for it. `judged` pages are held to
 * the 15 % budget; the others are shown beside them.
 *
 * The SvelteKit page's content is in its HTML, so it is judged with scripting off: with its
 * scripts, a visit with no latency injected gets the hydration scripts before its first paint
 * and runs them first (40–60 ms on this machine), while a visit over long round trips paints
 * before they arrive. The pair's difference then charges the round trips less than they cost.
 * @typedef {'server' | 'server-scripts' | 'browser' | 'browser-preconnect' | 'browser-same-origin'} PageId
 * @type {readonly { id: PageId; label: string; architecture: import('../src/lib/page-load.ts').Architecture; javaScript: boolean; judged: boolean }[]}
 */
export const calibrationPages = [
	{
		id: 'server',
		label: 'server-rendered (SvelteKit), scripting off',
		architecture: 'server-far',
		javaScript: false,
		judged: true,
	},
	{
		id: 'server-scripts',
		label: 'server-rendered (SvelteKit), with its scripts',
		architecture: 'server-far',
		javaScript: true,
		judged: false,
	},
	{
		id: 'browser',
		label: 'browser-rendered, PocketBase direct',
		architecture: 'browser-direct',
		javaScript: true,
		judged: true,
	},
	{
		id: 'browser-preconnect',
		label: 'browser-rendered, with preconnect',
		architecture: 'browser-preconnect',
		javaScript: true,
		judged: true,
	},
	{
		id: 'browser-same-origin',
		label: 'browser-rendered, PocketBase on the same origin',
		architecture: 'browser-same-origin',
		javaScript: true,
		judged: true,
	},
];

/**
 * The browser the visits run in. The headless shell the project brings (Chromium 153) opens no
 * connection for `<link rel="preconnect">`, and a full Chromium (Debian's 150) opens none in an
 * off-the-record context (what Playwright's `browser.newContext()` makes): counted at the delaying
 * proxy, none. A full Chromium with a profile of its own does, as a reader's browser does. So the
 * visits run in a profile of their own (one with scripting, one without), and with the headless
 * shell the preconnect page is left out rather than measured as a page without its hint.
 *
 * What makes each visit a first visit is that every origin it meets is new: each visit gets its
 * own delaying proxies on fresh ports, so no connection, cached answer or cached preflight of an
 * earlier visit applies to it, and nothing a profile learns about earlier origins does either.
 * @typedef {{ executablePath: string; full: boolean }} CalibrationBrowser
 */

/**
 * Opens the run's two profiles, with and without scripting.
 * @param {CalibrationBrowser} browser
 */
async function openProfiles(browser) {
	/** @param {boolean} javaScript */
	const open = async (javaScript) => {
		const dir = mkdtempSync(join(tmpdir(), 'calibration-profile-'));
		const context = await chromium.launchPersistentContext(dir, {
			executablePath: browser.executablePath,
			args: chromiumArgs,
			javaScriptEnabled: javaScript,
		});
		return {
			context,
			close: async () => {
				await context.close();
				rmSync(dir, { recursive: true, force: true });
			},
		};
	};
	const [withScripts, withoutScripts] = [await open(true), await open(false)];
	return {
		/** @param {boolean} javaScript */
		context: (javaScript) => (javaScript ? withScripts : withoutScripts).context,
		close: async () => {
			await withScripts.close();
			await withoutScripts.close();
		},
	};
}

/**
 * One first visit in a new tab: time to content and the document's navigation timing.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 */
async function firstVisit(context, url) {
	const page = await context.newPage();
	try {
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
			// The round trips on the content's critical path, each as the browser's network stack
			// timed it, up to the answer's first byte (a small answer's other bytes follow in the
			// same flight; what the browser reports after that is its own scheduling):
			// - the HTML, from the page's connection opening: over a link with a round trip, the
			//   browser's work before it sends the request is done while the handshake is under
			//   way, as on a real network;
			// - the script, from its request on: not the wait before it is sent, which is the
			//   browser's parsing and scheduling;
			// - the data, from the fetch's start: PocketBase's connection and the preflight,
			//   which happen before its request is sent, and the request.
			const htmlMs = nav ? nav.responseStart - nav.connectStart : NaN;
			const scriptMs = script ? script.responseStart - script.requestStart : 0;
			const dataMs = data ? data.responseStart - data.startTime : 0;
			return {
				paintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
				htmlMs: nav?.responseEnd ?? NaN,
				networkMs: htmlMs + scriptMs + dataMs,
				// The same phases with the HTML from its request's send on: what the machine's
				// servers and proxies took for each exchange. A visit with no latency injected
				// gives it, for its pair to cancel. With no handshake to wait for, the browser's
				// work before it sends the HTML's request is on its path, and is not the servers'.
				exchangesMs: (nav ? nav.responseStart - nav.requestStart : NaN) + scriptMs + dataMs,
				// The browser's own work between the HTML's first byte and the data call, besides
				// the script's round trip: what a preconnected handshake hides behind as well.
				browserWorkMs: data && nav ? data.startTime - nav.responseStart - scriptMs : 0,
			};
		});
	} finally {
		await page.close();
	}
}

/**
 * Serves the browser-rendered page: its HTML, which names PocketBase's address, and its script.
 * With `preconnect`, the HTML also asks the browser to open PocketBase's connection at once. With
 * `proxyTo`, it serves PocketBase too, under `/api/` on its own origin (a reverse proxy beside
 * PocketBase), and the page calls that: one origin, so no second handshake and no preflight.
 * `pocketBaseUrl` is read for every page, as each visit's proxy to PocketBase is a new one.
 * @param {{ pocketBaseUrl: () => string; preconnect?: boolean; proxyTo?: { host: string; port: number } }} options
 */
async function startStaticPage({ pocketBaseUrl, preconnect = false, proxyTo }) {
	const script = await bundle(join(projectRoot, 'bench/calibration-page/notes.mjs'), 'browser');
	const page = (/** @type {string} */ pocketBase) => {
		const hint = preconnect
			? `\n\t\t<link rel="preconnect" href="${pocketBase}" crossorigin />`
			: '';
		return `<!doctype html>
<html lang="en">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1" />
		<meta name="pocketbase" content="${proxyTo ? '/' : pocketBase}" />${hint}
		<title>Notes</title>
		<script type="module" src="/notes.js"></script>
	</head>
	<body></body>
</html>
`;
	};
	const server = createServer((request, response) => {
		if (proxyTo && request.url?.startsWith('/api/')) {
			const upstream = httpRequest(
				{ ...proxyTo, path: request.url, method: request.method, headers: request.headers },
				(answer) => {
					response.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(response);
				}
			);
			upstream.on('error', () => response.writeHead(502).end());
			request.pipe(upstream);
			return;
		}
		const [type, body] =
			request.url === '/notes.js'
				? ['text/javascript', script]
				: ['text/html', page(pocketBaseUrl())];
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
 * What the page-load model predicts for a scenario's pages: plain HTTP on loopback (no DNS, a TCP
 * handshake and no TLS), the model's default handler time, one PocketBase call, and the browser's
 * work before its data call as the visits measured it (`browserWorkMs`, per page), which only the
 * preconnect page's handshake hides behind.
 * @param {typeof import('../src/lib/page-load.ts')} model
 * @param {Omit<CalibrationScenario, 'id'>} s
 * @param {Partial<Record<PageId, number>>} [browserWorkMs]
 */
function predicted(model, s, browserWorkMs = {}) {
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
	// The far-server path takes the scenario's two legs as they are, near or far.
	return Object.fromEntries(
		calibrationPages.map((page) => [
			page.id,
			model.modelPageLoad(page.architecture, 'my-notes', {
				...params,
				browserWorkMs: browserWorkMs[page.id] ?? 0,
			}).contentMs,
		])
	);
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
 * @param {CalibrationBrowser} browser
 * @param {{ runs?: number }} [options]
 */
export async function calibrationRun(browser, { runs = 9 } = {}) {
	const pages = calibrationPages.filter((page) => browser.full || page.id !== 'browser-preconnect');
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
		// The server's own link to PocketBase lives as long as the server: it keeps its
		// connection open (keep-alive), as a server with any traffic does.
		const serverToPocketBase = await startDelayProxy({ target: pbTarget, rttMs: 0 });
		cleanup.push(serverToPocketBase.close);
		const app = await startSvelteKitExample({ pocketBaseUrl: serverToPocketBase.url });
		cleanup.push(() => stopProcess(app.child));
		const appPort = Number(new URL(app.url).port);
		/** The reader's link to PocketBase in the current visit. */
		let readerPocketBaseUrl = '';
		/** @param {Parameters<typeof startStaticPage>[0]} options */
		const staticSite = async (options) => {
			const site = await startStaticPage(options);
			cleanup.push(site.close);
			return site.port;
		};
		const readerPocketBase = () => readerPocketBaseUrl;
		/** The port each page is served on, before the reader's link to it. */
		/** @type {Record<PageId, number>} */
		const servedOn = {
			server: appPort,
			'server-scripts': appPort,
			browser: await staticSite({ pocketBaseUrl: readerPocketBase }),
			'browser-preconnect': await staticSite({ pocketBaseUrl: readerPocketBase, preconnect: true }),
			// Beside PocketBase: the reader reaches it over PocketBase's route, and it reaches
			// PocketBase on loopback.
			'browser-same-origin': await staticSite({ pocketBaseUrl: () => '', proxyTo: pbTarget }),
		};
		const profiles = await openProfiles(browser);
		cleanup.push(profiles.close);

		/**
		 * One first visit of `page` over the links `s`: fresh proxies (new origins) for the
		 * reader's links, the server's link set to its round trip.
		 * @param {(typeof calibrationPages)[number]} page
		 * @param {Omit<CalibrationScenario, 'id'>} s
		 */
		const visit = async (page, s) => {
			serverToPocketBase.link.rttMs = s.serverPocketBaseRttMs;
			const toPocketBase = await startDelayProxy({
				target: pbTarget,
				rttMs: s.readerPocketBaseRttMs,
			});
			const toPage = await startDelayProxy({
				target: { host: '127.0.0.1', port: servedOn[page.id] },
				rttMs: page.id === 'browser-same-origin' ? s.readerPocketBaseRttMs : s.readerServerRttMs,
			});
			readerPocketBaseUrl = toPocketBase.url;
			try {
				// The server's connection to PocketBase is open before the visit: one request
				// first, straight to the app, so the visit does not pay the server's handshake.
				if (page.architecture === 'server-far') await (await fetch(`${app.url}/notes`)).text();
				const path = page.architecture === 'server-far' ? '/notes' : '/';
				return await firstVisit(profiles.context(page.javaScript), `${toPage.url}${path}`);
			} finally {
				await toPage.close();
				await toPocketBase.close();
			}
		};
		const results = [];
		for (const s of calibrationScenarios) {
			/** @typedef {{ latency: Awaited<ReturnType<typeof firstVisit>>; none: Awaited<ReturnType<typeof firstVisit>> }} Pair */
			/** @type {Map<PageId, Pair[]>} */
			const measured = new Map(pages.map((page) => [page.id, []]));
			// One unmeasured round first: the server's code, the browser's and PocketBase's
			// warm up.
			for (let i = -1; i < runs; i++) {
				// Taking turns (the pages' order, and with or without latency first), so a busy
				// moment on the machine falls on every page alike.
				const order = i % 2 === 0 ? pages : [...pages].reverse();
				for (const page of order) {
					const latencyFirst = Math.floor(i / 2) % 2 === 0;
					const first = await visit(page, latencyFirst ? s : noLatency);
					const second = await visit(page, latencyFirst ? noLatency : s);
					const pair = latencyFirst
						? { latency: first, none: second }
						: { latency: second, none: first };
					if (i >= 0) measured.get(page.id)?.push(pair);
				}
			}
			// The browser's work before its data call, as the visits over the scenario's links
			// measured it: the model's one input taken from the visits themselves.
			const browserWorkMs = Object.fromEntries(
				pages.map((page) => [
					page.id,
					median((measured.get(page.id) ?? []).map((p) => p.latency.browserWorkMs)) ?? 0,
				])
			);
			const model = predicted(pageLoad, s, browserWorkMs);
			const modelNone = predicted(pageLoad, noLatency, browserWorkMs);
			/** @param {(typeof calibrationPages)[number]} page */
			const row = (page) => {
				const which = page.id;
				const pairs = measured.get(which) ?? [];
				const total = summary(pairs.map((p) => p.latency.paintMs));
				const none = summary(pairs.map((p) => p.none.paintMs));
				const roundTrips = summary(pairs.map((p) => p.latency.paintMs - p.none.paintMs));
				const modelRoundTripsMs = (model[which] ?? NaN) - (modelNone[which] ?? NaN);
				return {
					page: which,
					label: page.label,
					judged: page.judged,
					modelMs: model[which] ?? NaN,
					modelRoundTripsMs,
					total,
					none,
					roundTrips,
					// The model's round trips against what they cost the first paint.
					errorPercent: ((modelRoundTripsMs - roundTrips.medianMs) / roundTrips.medianMs) * 100,
					// Noise on a shared machine only ever adds time, so the fastest quarter of the
					// visits, with and without latency, is nearest a quiet machine: a second
					// estimate of the round trips' cost, less swayed by a busy moment.
					fastestQuarterRoundTripsMs: total.q1Ms - none.q1Ms,
					htmlMedianMs: median(pairs.map((p) => p.latency.htmlMs)) ?? NaN,
					browserWorkMs: browserWorkMs[which] ?? 0,
					// The model's whole prediction against the network's part of each visit:
					// the phases the model counts, without the work between them.
					network: summary(pairs.map((p) => p.latency.networkMs)),
					// The judged figure: what the round trips cost on the content's critical path,
					// phase by phase as the browser's network stack timed them, less what the
					// servers and proxies took for the same exchanges in the visit's pair. The
					// browser's work between the phases is left out, as the model leaves it out:
					// with long round trips part of it happens while the browser waits (a new tab's
					// start-up, a server-rendered page's hydration scripts), so a paint-based pair
					// undercounts the round trips by that much.
					networkRoundTrips: summary(pairs.map((p) => p.latency.networkMs - p.none.exchangesMs)),
				};
			};
			results.push({ scenario: s, pages: pages.map(row) });
		}
		load.push(loadavg()[0] ?? NaN);
		return {
			runs,
			browser: browser.full ? 'a full Chromium' : 'the headless shell',
			leftOut: browser.full
				? []
				: [
						'browser-preconnect: the headless shell ignores preconnect; set CHROMIUM_PATH to a full Chromium',
					],
			handlerMs: modelHandlerMs(),
			load,
			results,
		};
	} finally {
		for (const close of cleanup.reverse()) await close();
		await stopProcess(pocketbase.child);
		rmSync(dataDir, { recursive: true, force: true });
	}
}

// `node bench/calibration.mjs [runs]` runs this measurement alone and prints its JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
	const { resolveBrowser } = await import('../scripts/browser.mjs');
	const found = await resolveBrowser();
	const browser = {
		executablePath: found.executablePath,
		full: found.source !== '@sparticuz/chromium',
	};
	console.log(
		JSON.stringify(await calibrationRun(browser, { runs: Number(process.argv[2] ?? 9) }), null, 2)
	);
}
