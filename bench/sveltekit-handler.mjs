// Calibration for the simulated server's handler time (handlerMs in src/lib/network-model.ts):
// what the real SvelteKit example adds to a PocketBase call on this machine, its handler plus
// the loopback hop to it. autocannon sends the same guest request two ways, one at a time (one
// connection, so no queueing): straight to PocketBase, and as the example's /notes page, whose
// load makes that same call through a fresh SDK client. The added time is the difference of
// the two medians. Rounds alternate so that drift on a shared machine hits both alike.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import PocketBase from 'pocketbase';
import { buildExample, startSvelteKitExample } from '../scripts/example-process.mjs';
import {
	freePort,
	projectRoot,
	runPocketBaseCommand,
	startPocketBase,
	stopProcess,
	waitForHealth,
} from '../scripts/pocketbase-process.mjs';
import { importSource } from './bundle.mjs';

// Through esbuild: Node 20, which the project supports, cannot import TypeScript.
const { median, percentile } = /** @type {typeof import('../src/lib/stats.ts')} */ (
	await importSource(new URL('../src/lib/stats.ts', import.meta.url).pathname)
);

/**
 * The default handlerMs, read from the model's source: Node cannot import that module as it
 * stands (its imports have no file extensions, as Astro and Vitest resolve them).
 */
export function modelHandlerMs() {
	const source = readFileSync(join(projectRoot, 'src', 'lib', 'network-model.ts'), 'utf8');
	const match = /export const defaultScenario: Scenario = \{[^}]*?\bhandlerMs: ([\d.]+),/.exec(
		source
	);
	if (!match?.[1]) throw new Error('No handlerMs in defaultScenario (src/lib/network-model.ts).');
	return Number(match[1]);
}

const superuser = { email: 'bench@example.com', password: 'bench-superuser-password' };

/**
 * Each response's own duration, as autocannon times it (process.hrtime, fractions of a ms; its
 * latency histogram keeps whole milliseconds only, too coarse for a loopback call).
 * @param {string} url @param {number} seconds
 */
async function durationsMs(url, seconds) {
	/** @type {number[]} */
	const durations = [];
	/** @type {autocannon.Result} */
	const result = await new Promise((resolve, reject) => {
		const instance = autocannon({ url, connections: 1, duration: seconds }, (error, done) =>
			error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)
		);
		instance.on('response', (_client, _status, _bytes, responseTime) =>
			durations.push(responseTime)
		);
	});
	if (result.non2xx > 0 || result.errors > 0) {
		throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
	}
	return durations;
}

/**
 * @param {{ rounds?: number; seconds?: number }} [options]
 */
export async function svelteKitHandlerRun({ rounds = 3, seconds = 4 } = {}) {
	await buildExample('sveltekit');

	const dataDir = mkdtempSync(join(tmpdir(), 'pb-bench-kit-'));
	await runPocketBaseCommand(['superuser', 'upsert', superuser.email, superuser.password], dataDir);
	const pocketbase = startPocketBase({ port: await freePort(), dataDir, stdio: 'ignore' });
	/** @type {Awaited<ReturnType<typeof startSvelteKitExample>> | undefined} */
	let app;
	try {
		await waitForHealth(pocketbase.url);
		// The load tool would hit the playground's /api/ limit (300 per 10 s) within seconds; this
		// PocketBase is the bench's own, so its limiter goes off.
		const admin = new PocketBase(pocketbase.url);
		await admin.collection('_superusers').authWithPassword(superuser.email, superuser.password);
		await admin.settings.update({ rateLimits: { enabled: false } });

		app = await startSvelteKitExample({ pocketBaseUrl: pocketbase.url });
		// What the /notes load sends for a guest: getFullList({ sort: '-created' }).
		const direct = `${pocketbase.url}/api/collections/notes/records?page=1&perPage=1000&skipTotal=1&sort=-created`;
		const page = `${app.url}/notes`;
		const data = `${app.url}/notes/__data.json`;
		// Warm-up: JIT, connection pools, SQLite's page cache.
		for (const url of [direct, page, data]) await durationsMs(url, 2);

		/** @type {Record<'direct' | 'page' | 'data', number[]>} */
		const runs = { direct: [], page: [], data: [] };
		for (let round = 0; round < rounds; round++) {
			runs.direct.push(...(await durationsMs(direct, seconds)));
			runs.page.push(...(await durationsMs(page, seconds)));
			runs.data.push(...(await durationsMs(data, seconds)));
		}
		/** @param {keyof typeof runs} key */
		const summary = (key) => ({
			medianMs: median(runs[key]) ?? Number.NaN,
			p90Ms: percentile(runs[key], 90) ?? Number.NaN,
			requests: runs[key].length,
		});
		const d = summary('direct');
		const p = summary('page');
		const j = summary('data');
		return {
			rounds,
			secondsPerRun: seconds,
			direct: d,
			page: p,
			data: j,
			// The model's handlerMs: what a server-rendered page adds to the call it makes.
			addedPageMs: p.medianMs - d.medianMs,
			addedDataMs: j.medianMs - d.medianMs,
		};
	} finally {
		if (app) await stopProcess(app.child);
		await stopProcess(pocketbase.child);
		rmSync(dataDir, { recursive: true, force: true });
	}
}

// `node bench/sveltekit-handler.mjs` runs this measurement alone.
if (import.meta.url === `file://${process.argv[1]}`) {
	console.log(JSON.stringify(await svelteKitHandlerRun(), null, 2));
}
