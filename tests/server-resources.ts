/**
 * What a PocketBase process holds: its memory (from /proc/<pid>/status) and its data folder's
 * size on disk. The attack tests read both before and after an attack, so each can state a
 * bound the attack did not push the server past.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from './fixtures';

export interface Resources {
	/** Resident memory now, in MB. */
	rssMB: number;
	/** The most resident memory the process has had since it started (VmHWM), in MB. */
	peakMB: number;
	/** Bytes of every file under the data folder, in MB (SQLite's -wal and -shm files too). */
	diskMB: number;
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kB = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1];
	if (!kB) throw new Error(`/proc/${pid}/status has no ${field}`);
	return Number(kB) / 1024;
}

function folderBytes(folder: string): number {
	let total = 0;
	for (const entry of readdirSync(folder, { withFileTypes: true })) {
		const path = join(folder, entry.name);
		total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
	}
	return total;
}

export function resources(pid: number, dataDir: string): Resources {
	return {
		rssMB: statusField(pid, 'VmRSS'),
		peakMB: statusField(pid, 'VmHWM'),
		diskMB: folderBytes(dataDir) / (1024 * 1024),
	};
}

/**
 * Asserts that, since `before`, the server's peak memory stayed under `peakMB` and its data
 * folder grew by less than `diskGrowthMB`.
 */
export function expectWithinBounds(
	pid: number,
	dataDir: string,
	before: Resources,
	bounds: { peakMB: number; diskGrowthMB: number }
): Resources {
	const after = resources(pid, dataDir);
	expect(after.peakMB, `peak memory (VmHWM) ${after.peakMB.toFixed(1)} MB`).toBeLessThan(
		bounds.peakMB
	);
	expect(
		after.diskMB - before.diskMB,
		`data folder grew from ${before.diskMB.toFixed(2)} to ${after.diskMB.toFixed(2)} MB`
	).toBeLessThan(bounds.diskGrowthMB);
	return after;
}

/** CPU time the process has used so far, user and system, in seconds (/proc/<pid>/stat). */
export function cpuSeconds(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// The fields after the command name, which is in parentheses and may hold spaces.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const ticksPerSecond = 100;
	return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/**
 * The CPU seconds the server spent on `work`, counted until it has gone quiet: PocketBase can go
 * on working after the client has its answer or has hung up, and that is charged too. Quiet is
 * no CPU tick (10 ms) over 150 ms, within 30 s: an idle playground ticks about once in 5 s.
 */
export async function cpuCostOf(
	pid: number,
	work: () => Promise<unknown>,
	gcSeconds: () => number = () => 0
): Promise<{ seconds: number; gcSeconds: number }> {
	// Whatever the server was still doing (prewarming its JS runtimes after a start, finishing an
	// earlier request) is not this request's: start from quiet.
	await untilQuiet(pid, 300);
	const before = cpuSeconds(pid);
	const gcBefore = gcSeconds();
	await work();
	const after = await untilQuiet(pid, 150);
	// Go's collector runs when the heap has grown enough, or every two minutes, and marks the
	// whole heap: on a public-mode playground (300 MB of prewarmed runtimes) that is about 0.2 s
	// of CPU, whichever request happens to be running. It is the server's, not the request's.
	const gc = gcSeconds() - gcBefore;
	return { seconds: after - before - gc, gcSeconds: gc };
}

/**
 * Waits until the process has spent no CPU tick (10 ms) for `quietMs`, within 30 s; returns its
 * CPU seconds then.
 */
async function untilQuiet(pid: number, quietMs: number): Promise<number> {
	let last = cpuSeconds(pid);
	const deadline = Date.now() + 30_000;
	for (;;) {
		await new Promise((resolve) => setTimeout(resolve, quietMs));
		const now = cpuSeconds(pid);
		if (now === last || Date.now() > deadline) return now;
		last = now;
	}
}

/**
 * Sets the process's peak resident memory (VmHWM) back to what it holds now, so a later peak
 * is the attack's own (writing 5 to /proc/<pid>/clear_refs; Linux 4.0 and later).
 */
export function resetPeakMemory(pid: number): void {
	writeFileSync(`/proc/${pid}/clear_refs`, '5');
}
