// `npm run bench`: the performance budgets of DESIGN.md, measured (never asserted in tests).
//   - build time
//   - Lighthouse (mobile) on every page: Performance, Accessibility, Best Practices, SEO
//   - JavaScript each page loads by itself in its first 3 s, gzipped; any mermaid runtime
//   - measurement honesty: the race's direct-call instrumentation vs a bare fetch
// Results go to bench/results/latest.json and a table on stdout.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { budgets, honestyRun, jsPerPage } from './measure.mjs';

/** @type {NodeJS.ProcessEnv} */
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const pbPort = await freePort();
env.PUBLIC_POCKETBASE_URL = `http://127.0.0.1:${pbPort}`;

console.log('▶ Build');
const buildStarted = Date.now();
const build = spawnSync('npx', ['astro', 'build'], { env, cwd: projectRoot, stdio: 'ignore' });
if (build.status !== 0) throw new Error('astro build failed; run `npm run build` to see why.');
const buildSeconds = (Date.now() - buildStarted) / 1000;

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
 * @type {{ date: string; buildSeconds: number; pages: PageResult[]; honesty: Awaited<ReturnType<typeof honestyRun>> | undefined }}
 */
const results = { date: new Date().toISOString(), buildSeconds, pages: [], honesty: undefined };
try {
	console.log('▶ JavaScript per page and measurement honesty (Playwright)');
	const browser = await chromium.launch({ executablePath, args: chromiumArgs });
	const js = await jsPerPage(browser, site, paths);
	results.honesty = await honestyRun(browser, `${site}/problem/double-hops/`, pocketbase.url);
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

mkdirSync(join(projectRoot, 'bench/results'), { recursive: true });
writeFileSync(join(projectRoot, 'bench/results/latest.json'), JSON.stringify(results, null, 2));
console.log(`\nBuild: ${buildSeconds.toFixed(1)} s (budget ${budgets.buildSeconds} s)`);
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
const h = results.honesty;
if (h)
	console.log(
		`Measurement honesty: instrumented median ${h.instrumentedMedianMs.toFixed(2)} ms, bare fetch median ${h.bareMedianMs.toFixed(2)} ms, ratio ${h.ratio.toFixed(3)} over ${h.calls} calls each (budget ≤ ${budgets.honestyRatio})`
	);
