// Where PocketBase's CPU goes during a load window: Linux perf samples the process's call stacks
// (Go keeps frame pointers, so `-g` unwinds them), and go-symbols.mjs names the frames from the
// binary's own function table. Needs `perf` (Debian: `sudo apt-get install linux-perf`).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goSymbols } from './go-symbols.mjs';

/**
 * What the load run reports, each as the share of samples spent in it. A frame's own share leaves
 * out the samples where a later handler was running under it (a middleware's `e.next()`), so a
 * middleware is charged only its own work. The shares overlap where one part runs inside another.
 */
export const profileParts = /** @type {const} */ ([
	{
		id: 'realtimeChecks',
		part: 'realtime: checking each event against each open subscription',
		frame: 'github.com/pocketbase/pocketbase/apis.realtimeBroadcastRecord.func1',
	},
	{
		id: 'jsMiddlewares',
		part: 'JS middlewares, their own work',
		frame: 'github.com/pocketbase/pocketbase/plugins/jsvm.wrapMiddlewares.func1',
	},
	{
		id: 'require',
		part: 'require() in JS hooks',
		frame: 'github.com/dop251/goja_nodejs/require.(*RequireModule).require',
	},
	{
		id: 'authToken',
		part: 'auth token check (every signed-in request)',
		frame: 'github.com/pocketbase/pocketbase/apis.loadAuthToken.func1',
	},
	{ id: 'gc', part: 'garbage collector (background marking)', frame: 'runtime.gcBgMarkWorker' },
]);

const kernel = '[kernel]';

/** Whether a frame hands on to the next handler, below which the work is someone else's. */
const isNext = (/** @type {string} */ frame) => frame.endsWith(').Next');

/**
 * Shares of the samples, from call stacks listed leaf first.
 * @param {string[][]} stacks
 * @param {readonly { id: string; part: string; frame: string }[]} parts
 * @param {number} [topCount] how many functions to list by the samples they were running in
 */
export function foldProfile(stacks, parts, topCount = 8) {
	const total = stacks.length;
	const share = (/** @type {number} */ n) =>
		total === 0 ? 0 : Math.round((n / total) * 1000) / 10;
	const own = parts.map(({ id, part, frame }) => {
		let n = 0;
		for (const stack of stacks) {
			const at = stack.indexOf(frame);
			if (at !== -1 && !stack.slice(0, at).some(isNext)) n++;
		}
		return { id, part, percent: share(n) };
	});
	/** @type {Map<string, number>} */
	const leaves = new Map();
	for (const stack of stacks) {
		const leaf = stack[0] ?? '?';
		leaves.set(leaf, (leaves.get(leaf) ?? 0) + 1);
	}
	const self = [...leaves]
		.sort((a, b) => b[1] - a[1])
		.slice(0, topCount)
		.map(([name, n]) => ({ function: name, percent: share(n) }));
	return { samples: total, own, self };
}

/**
 * `perf script -F ip` output as call stacks of addresses: one address per line, leaf first, a
 * blank line after each sample. Kernel frames are marked; perf prints the others as offsets in
 * the file when the binary has no symbols of its own.
 * @param {string} text
 * @returns {(number | typeof kernel)[][]}
 */
export function parsePerfScript(text) {
	/** @type {(number | typeof kernel)[][]} */
	const stacks = [];
	/** @type {(number | typeof kernel)[]} */
	let stack = [];
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		if (line === '') {
			if (stack.length > 0) stacks.push(stack);
			stack = [];
			continue;
		}
		const address = line.split(/\s+/)[0] ?? '';
		if (!/^[0-9a-f]+$/.test(address)) continue;
		stack.push(
			address.length === 16 && address.startsWith('ffff') ? kernel : parseInt(address, 16)
		);
	}
	if (stack.length > 0) stacks.push(stack);
	return stacks;
}

/**
 * What one realtime access check cost, in µs of CPU: the share of the window's samples spent
 * checking events against subscriptions, over the checks made. Every write in the window was
 * checked against every open stream (each visitor's stream holds one matching subscription).
 * @param {{ percent: number; cpuSeconds: number; writes: number; streams: number }} window
 */
export function microsecondsPerCheck({ percent, cpuSeconds, writes, streams }) {
	const checks = writes * streams;
	if (checks === 0) return undefined;
	return Math.round(((percent / 100) * cpuSeconds * 1e6) / checks);
}

/** Whether `perf` can run here. */
export function perfAvailable() {
	return spawnSync('perf', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** The binaries' function tables, read once each: a load run profiles several windows. */
/** @type {Map<string, ReturnType<typeof goSymbols>>} */
const symbolTables = new Map();

/** @param {string} binary */
function symbolsOf(binary) {
	let table = symbolTables.get(binary);
	if (!table) symbolTables.set(binary, (table = goSymbols(binary)));
	return table;
}

/**
 * Starts sampling process `pid` (a PocketBase built from `binary`) at 199 Hz; `stop()` ends it
 * and folds what it saw.
 * @param {number} pid
 * @param {string} binary
 */
export function startProfile(pid, binary) {
	const dir = mkdtempSync(join(tmpdir(), 'pb-profile-'));
	const data = join(dir, 'perf.data');
	const perf = spawn('perf', ['record', '-F', '199', '-g', '-o', data, '-p', String(pid)], {
		stdio: 'ignore',
	});
	const exited = new Promise((resolve) => perf.on('exit', resolve));
	return {
		async stop() {
			perf.kill('SIGINT');
			await exited;
			try {
				const script = spawnSync('perf', ['script', '-F', 'ip', '-i', data], {
					encoding: 'utf8',
					maxBuffer: 1 << 30,
				});
				const symbols = symbolsOf(binary);
				const stacks = parsePerfScript(script.stdout).map((stack) =>
					stack.map((frame) =>
						frame === kernel ? kernel : (symbols.nameAt(frame + symbols.loadBias) ?? '?')
					)
				);
				return foldProfile(stacks, profileParts);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		},
	};
}
