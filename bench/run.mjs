// `npm run bench`: the performance budgets of DESIGN.md, measured (never asserted in tests).
//   - build time
//   - Lighthouse (mobile) on every page: Performance, Accessibility, Best Practices, SEO
//   - JavaScript each page loads by itself in its first 3 s, gzipped; any mermaid runtime
//   - measurement honesty: the race's instrumentation (direct and proxied) vs a bare fetch
//   - the A/A check: the race with every modelled cost at zero, proxy/direct median ratio, five
//     rounds of it and their median
//   - the crowd simulation at K = 5,000 over 1 hour (in Node and on the page)
//   - calibration: what the real SvelteKit example adds per request, beside the model's handlerMs;
//     and the page-load model against real first visits with each link's round trip injected
//   - the load run: 200 simulated visitors on a fresh playground, then stepped to find the knee
// Results go to bench/results/latest.json (the load run also to bench/results/load.json) and a
// table on stdout.
//   npm run bench -- --only=load    just the load run; --load-visitors=200 --load-seconds=60
//                                   --load-steps=50,100,200,400,800 --load-step-seconds=20
//                                   --load-no-realtime (no subscriptions, to see their cost)
//                                   --load-profile (where PocketBase's CPU goes in each window:
//                                   needs perf, bench/cpu-profile.mjs)
//   npm run bench -- --skip-load    everything but the load run
//   npm run bench -- --only=aa      just the A/A rounds (build, PocketBase, site, browser);
//                                   --aa-rounds=5 --aa-requests=200
//   npm run bench -- --only=calibration
//                                   just the page-load model against real first visits with
//                                   injected round trips (bench/calibration.mjs);
//                                   --calibration-runs=9 visits of each page per scenario
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { chromiumArgs, resolveBrowser } from '../scripts/browser.mjs';
import {
	freePort,
	projectRoot,
	startPocketBase,
	stopProcess,
	waitForHealth,
} from '../scripts/pocketbase-process.mjs';
import { startPreview } from '../scripts/site-process.mjs';
import { calibrationRun } from './calibration.mjs';
import {
	aaRuns,
	aaSummary,
	budgets,
	crowdBudgetMs,
	crowdRun,
	honestyRun,
	jsPerPage,
} from './measure.mjs';
import { modelHandlerMs, svelteKitHandlerRun } from './sveltekit-handler.mjs';

const { values: args } = parseArgs({
	options: {
		only: { type: 'string' },
		'skip-load': { type: 'boolean', default: false },
		'load-visitors': { type: 'string', default: '200' },
		'load-seconds': { type: 'string', default: '60' },
		'load-steps': { type: 'string', default: '50,100,200,400,800' },
		'load-step-seconds': { type: 'string', default: '20' },
		'load-no-realtime': { type: 'boolean', default: false },
		'load-profile': { type: 'boolean', default: false },
		'aa-rounds': { type: 'string', default: '5' },
		'aa-requests': { type: 'string', default: '200' },
		'calibration-runs': { type: 'string', default: '9' },
	},
});
const loadOptions = {
	visitors: Number(args['load-visitors']),
	seconds: Number(args['load-seconds']),
	steps: (args['load-steps'] ?? '')
		.split(',')
		.filter(Boolean)
		.map((n) => Number(n)),
	stepSeconds: Number(args['load-step-seconds']),
	realtime: !args['load-no-realtime'],
	profile: args['load-profile'] ?? false,
};
const resultsDir = join(projectRoot, 'bench/results');

/** The load run alone needs no build, browser or site: only PocketBase. */
async function runLoad() {
	// Imported only here: its HTTP client (undici 8) needs a newer Node than the rest.
	const { loadBench } = await import('./load.mjs');
	const load = await loadBench(loadOptions);
	mkdirSync(resultsDir, { recursive: true });
	writeFileSync(
		join(resultsDir, 'load.json'),
		JSON.stringify({ date: new Date().toISOString(), ...load }, null, 2)
	);
	console.log(
		`Knee (first visitor count with p95 over ${load.kneeMs} ms): ${load.knee ?? `not reached up to ${load.steps.at(-1)?.window.visitors ?? 0} visitors`}`
	);
	return load;
}
/**
 * The calibration table: each scenario's two pages, the model's round trips against what they
 * cost (each visit minus its pair with no latency injected), and the whole time to content.
 * @param {Awaited<ReturnType<typeof calibrationRun>>} c
 */
function printCalibration(c) {
	const ms = (/** @type {number} */ v) => v.toFixed(0);
	const pct = (/** @type {number} */ v) => `${v >= 0 ? '+' : ''}${v.toFixed(1)} %`;
	console.log(
		`Calibration: time to content (first contentful paint), ${c.runs} pairs of first visits per page and scenario, ${c.browser}, load average ${c.load.map((l) => l.toFixed(1)).join(' → ')}`
	);
	for (const note of c.leftOut) console.log(`Left out: ${note}`);
	console.table(
		c.results.flatMap((r) =>
			r.pages.map((p) => ({
				scenario: r.scenario.id,
				page: p.label,
				'model: round trips ms': ms(p.modelRoundTripsMs),
				'measured, network stack, paired ms': ms(p.networkRoundTrips.medianMs),
				'its middle half': `${ms(p.networkRoundTrips.q1Ms)}–${ms(p.networkRoundTrips.q3Ms)}`,
				error: pct(
					((p.modelRoundTripsMs - p.networkRoundTrips.medianMs) / p.networkRoundTrips.medianMs) *
						100
				),
				'browser work before the call ms': ms(p.browserWorkMs),
				'to first paint, paired ms': ms(p.roundTrips.medianMs),
				'paint error': pct(p.errorPercent),
				'fastest quarter ms': ms(p.fastestQuarterRoundTripsMs),
				'its error': pct(
					((p.modelRoundTripsMs - p.fastestQuarterRoundTripsMs) / p.fastestQuarterRoundTripsMs) *
						100
				),
				'model ms': ms(p.modelMs),
				'network part ms': ms(p.network.medianMs),
				'network error': pct(((p.modelMs - p.network.medianMs) / p.network.medianMs) * 100),
				'time to content ms': ms(p.total.medianMs),
				'no latency ms': ms(p.none.medianMs),
				budget: p.judged ? '±15 %' : '(shown)',
			}))
		)
	);
}

/** The calibration alone needs no build or site: the SvelteKit example, PocketBase, a browser. */
async function runCalibration() {
	const found = await resolveBrowser();
	// The headless shell @sparticuz/chromium packs ignores preconnect: see bench/calibration.mjs.
	const full = found.source !== '@sparticuz/chromium';
	return calibrationRun(
		{ executablePath: found.executablePath, full },
		{ runs: Number(args['calibration-runs']) }
	);
}

if (args.only === 'load') {
	await runLoad();
	process.exit(0);
} else if (args.only === 'calibration') {
	const calibration = await runCalibration();
	mkdirSync(resultsDir, { recursive: true });
	writeFileSync(
		join(resultsDir, 'calibration.json'),
		JSON.stringify({ date: new Date().toISOString(), ...calibration }, null, 2)
	);
	printCalibration(calibration);
	process.exit(0);
} else if (args.only !== undefined && args.only !== 'aa') {
	throw new Error(
		`--only=${args.only}: the parts that run alone are "load", "aa" and "calibration".`
	);
}
const aaOptions = { rounds: Number(args['aa-rounds']), requests: Number(args['aa-requests']) };

/**
 * The A/A rounds as a table, one row per run, then each configuration's median over the rounds.
 * @param {Awaited<ReturnType<typeof aaRuns>>} runs
 */
function printAa(runs) {
	console.table(
		runs.map((r) => ({
			operation: r.operation,
			concurrency: r.concurrency,
			seed: r.seed,
			'per path': r.requestsPerPath,
			'direct median ms': r.directMedianMs.toFixed(2),
			'proxy median ms': r.proxyMedianMs.toFixed(2),
			ratio: r.ratio.toFixed(3),
			'95 % interval': `${r.lower.toFixed(2)}–${r.upper.toFixed(2)}`,
			'1st/2nd of pair': r.firstOverSecond.toFixed(3),
			'early/late': r.earlyOverLate.toFixed(3),
			failed: r.failed,
			budget: budgets.aaRatio.join('–'),
		}))
	);
	console.log(`Instrument: ${[...new Set(runs.map((r) => r.instrument))].join(' / ')}`);
	console.table(
		aaSummary(runs).map((g) => ({
			operation: g.operation,
			concurrency: g.concurrency,
			ratios: g.ratios.map((r) => r.toFixed(3)).join(' '),
			median: g.medianRatio.toFixed(3),
			'intervals holding 1': `${g.spanningOne} of ${g.runs}`,
			budget: budgets.aaMedianRatio.join('–'),
		}))
	);
}

/** @type {NodeJS.ProcessEnv} */
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const pbPort = await freePort();
env.PUBLIC_POCKETBASE_URL = `http://127.0.0.1:${pbPort}`;

console.log('▶ Build');
const buildStarted = Date.now();
const build = spawnSync('npx', ['astro', 'build'], { env, cwd: projectRoot, stdio: 'ignore' });
if (build.status !== 0) throw new Error('astro build failed; run `npm run build` to see why.');
const buildSeconds = (Date.now() - buildStarted) / 1000;

// First, while nothing else of the bench runs: a load tool's numbers need a quiet machine.
/** @type {Awaited<ReturnType<typeof svelteKitHandlerRun>> | undefined} */
let svelteKitHandler;
if (args.only !== 'aa') {
	console.log('▶ Calibration: the SvelteKit example per request (autocannon)');
	svelteKitHandler = await svelteKitHandlerRun();
}
/** @type {Awaited<ReturnType<typeof calibrationRun>> | undefined} */
let calibration;
if (args.only !== 'aa') {
	console.log('▶ Calibration: the page-load model against first visits with injected round trips');
	calibration = await runCalibration();
}

const dataDir = mkdtempSync(join(tmpdir(), 'pb-bench-'));
const pocketbase = startPocketBase({ port: pbPort, dataDir, stdio: 'ignore' });
await waitForHealth(pocketbase.url);
const preview = await startPreview();
const site = preview.url;

const { executablePath } = await resolveBrowser();
const paths =
	(await (await fetch(`${site}/sitemap-0.xml`)).text())
		.match(/<loc>[^<]+<\/loc>/g)
		?.map((loc) => new URL(loc.slice(5, -6)).pathname) ?? [];

/**
 * @typedef {{ path: string; performance: number; accessibility: number; bestPractices: number; seo: number; jsKbGz?: number; scripts?: number; mermaidBytes?: number; budgetKb?: number }} PageResult
 * @type {{ date: string; buildSeconds: number; svelteKitHandler?: Awaited<ReturnType<typeof svelteKitHandlerRun>> | undefined; calibration?: Awaited<ReturnType<typeof calibrationRun>> | undefined; modelHandlerMs: number; pages: PageResult[]; honesty: Awaited<ReturnType<typeof honestyRun>>[]; aa: Awaited<ReturnType<typeof aaRuns>>; crowd?: Awaited<ReturnType<typeof crowdRun>>; load?: Awaited<ReturnType<typeof runLoad>> }}
 */
const results = {
	date: new Date().toISOString(),
	buildSeconds,
	svelteKitHandler,
	calibration,
	modelHandlerMs: modelHandlerMs(),
	pages: [],
	honesty: [],
	aa: [],
};
if (args.only === 'aa') {
	try {
		const browser = await chromium.launch({ executablePath, args: chromiumArgs });
		console.log(`▶ A/A: the race with every modelled cost at zero, ${aaOptions.rounds} rounds`);
		const runs = await aaRuns(browser, `${site}/problem/double-hops/`, aaOptions);
		await browser.close();
		mkdirSync(resultsDir, { recursive: true });
		writeFileSync(
			join(resultsDir, 'aa.json'),
			JSON.stringify({ date: new Date().toISOString(), runs, summary: aaSummary(runs) }, null, 2)
		);
		printAa(runs);
	} finally {
		await Promise.all([stopProcess(preview.child), stopProcess(pocketbase.child)]);
		rmSync(dataDir, { recursive: true, force: true });
	}
	process.exit(0);
}
try {
	console.log('▶ JavaScript per page and measurement honesty (Playwright)');
	const browser = await chromium.launch({ executablePath, args: chromiumArgs });
	const js = await jsPerPage(browser, site, paths);
	const racePage = `${site}/problem/double-hops/`;
	for (const path of /** @type {const} */ (['direct', 'proxy'])) {
		results.honesty.push(await honestyRun(browser, racePage, pocketbase.url, path));
		await new Promise((r) => setTimeout(r, 10_500)); // a fresh rate-limit window
	}
	console.log(`▶ A/A: the race with every modelled cost at zero, ${aaOptions.rounds} rounds`);
	results.aa = await aaRuns(browser, racePage, aaOptions);
	console.log('▶ Crowd simulation: 5,000 readers over 1 hour');
	results.crowd = await crowdRun(browser, `${site}/problem/rate-limits/`);
	await browser.close();

	console.log('▶ Lighthouse (mobile)');
	const chrome = await chromeLauncher.launch({
		chromePath: executablePath,
		chromeFlags: ['--headless=new', ...chromiumArgs],
	});
	for (const path of paths) {
		const run = await lighthouse(`${site}${path}`, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
		});
		if (!run) throw new Error(`Lighthouse returned nothing for ${path}`);
		const c = run.lhr.categories;
		/** @param {string} k */
		const score = (k) => Math.round((c[k]?.score ?? 0) * 100);
		results.pages.push({
			path,
			performance: score('performance'),
			accessibility: score('accessibility'),
			bestPractices: score('best-practices'),
			seo: score('seo'),
			...js[path],
		});
		console.log(
			`  ${path}: P${score('performance')} A${score('accessibility')} BP${score('best-practices')} SEO${score('seo')}`
		);
	}
	chrome.kill();
} finally {
	await Promise.all([stopProcess(preview.child), stopProcess(pocketbase.child)]);
	rmSync(dataDir, { recursive: true, force: true });
}
// Last, with the site and the other PocketBase stopped, so the visitors have the machine.
if (!args['skip-load']) results.load = await runLoad();

mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'latest.json'), JSON.stringify(results, null, 2));
console.log(`\nBuild: ${buildSeconds.toFixed(1)} s (budget ${budgets.buildSeconds} s)`);
const k = results.svelteKitHandler;
if (k) {
	console.log(
		`SvelteKit example, added per request (handler + loopback hop, median over ${k.page.requests} page and ${k.direct.requests} direct requests): page ${k.addedPageMs.toFixed(2)} ms, __data.json ${k.addedDataMs.toFixed(2)} ms (direct call ${k.direct.medianMs.toFixed(2)} ms, page ${k.page.medianMs.toFixed(2)} ms, p90 ${k.page.p90Ms.toFixed(2)} ms); the model's default handlerMs: ${results.modelHandlerMs} ms`
	);
}
if (results.calibration) printCalibration(results.calibration);
console.table(
	results.pages.map((p) => ({
		page: p.path,
		P: p.performance,
		A11y: p.accessibility,
		BP: p.bestPractices,
		SEO: p.seo,
		'JS KB gz': p.jsKbGz,
		budget: p.budgetKb,
		mermaid: p.mermaidBytes,
	}))
);
for (const h of results.honesty) {
	console.log(
		`Measurement honesty (${h.path}): instrumented median ${h.instrumentedMedianMs.toFixed(2)} ms, bare fetch ${h.bareMedianMs.toFixed(2)} ms (same definition; ${h.bareWallClockMedianMs.toFixed(2)} ms by the clock around it), ratio ${h.ratio.toFixed(3)} over ${h.calls} calls each (budget ≤ ${budgets.honestyRatio})`
	);
}
printAa(results.aa);
if (results.crowd) {
	const c = results.crowd;
	console.log(
		`Crowd simulation, 5,000 readers over 1 hour (${c.requests} requests in each of 4 setups): ${(c.nodeMedianMs ?? Number.NaN).toFixed(0)} ms in Node (median of 5), ${c.pageMs.toFixed(0)} ms on the page from the click, longest main-thread task ${c.longestTaskMs.toFixed(0)} ms (budget < ${crowdBudgetMs} ms)`
	);
}
