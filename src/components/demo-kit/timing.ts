/**
 * The one instrument every demo times its real PocketBase calls with, on both paths.
 *
 * It reads what the browser's network stack recorded for the request (Resource Timing), never
 * the wall clock around our own code, so neither path is charged for the SDK's promise chain,
 * JSON parsing, timers or a busy main thread. When PocketBase allows it (the playground sends
 * `Timing-Allow-Origin`), the time is the request itself, from the moment it was sent to its
 * last byte: a CORS preflight before it, or a wait for a free connection, is left out. Those
 * exist here only because the demo sends every request with a unique marker (which defeats the
 * browser's preflight cache), so the network model charges a preflight where a real app would
 * pay one instead (`directPreflight`). A PocketBase without that header gives the whole fetch,
 * preflight included, on both paths alike; the result says which instrument measured it.
 *
 * Each request carries a unique `timing=` query parameter (PocketBase ignores unknown ones) so
 * its entry can be found exactly, however many run at once.
 *
 * How fine the times are depends on the page, not on us: a page that is not cross-origin
 * isolated gets every timestamp, Resource Timing's included, in steps of 100 µs, an isolated one
 * in steps of 5 µs (MDN, DOMHighResTimeStamp, "Security requirements"). At 100 µs a loopback
 * request of 2.5 ms moves in steps of 4 %, so the site sends the headers that isolate every page
 * (src/security/cross-origin-isolation.ts), and the race shows hundredths when `fineClock()`.
 */
import type { Instrument, TimedCall } from '~/lib/simulated-server';
import { takeReplayedTiming } from './recorded-transport';

export type { Instrument };

export type Measured<T> = TimedCall<T> & {
	instrument: Instrument;
	/**
	 * For `npm run bench`, which shows what the instrument leaves out: the whole fetch
	 * (preflight included) and the clock around the SDK call (our JavaScript included).
	 */
	wholeFetchMs: number | undefined;
	wallClockMs: number;
};

/**
 * Whether this page's clock records times in steps of 5 µs (cross-origin isolated) rather than
 * 100 µs. A host that drops the isolation headers gives the coarse clock, and the race then
 * shows tenths, never digits the clock did not record.
 */
export function fineClock(): boolean {
	return globalThis.crossOriginIsolated === true;
}

/** SDK options that mark a request so its timing entry can be found. */
export interface MarkedOptions {
	query: { timing: string };
}

let bufferReady = false;

/**
 * Keeps enough room in the browser's timing buffer (250 entries by default) for a long race,
 * and empties it when it fills up anyway, so later calls still find their entries.
 */
function prepareBuffer() {
	if (bufferReady) return;
	bufferReady = true;
	performance.setResourceTimingBufferSize(5000);
	performance.addEventListener('resourcetimingbufferfull', () =>
		performance.clearResourceTimings()
	);
}

function findEntry(marker: string): PerformanceResourceTiming | undefined {
	const needle = `timing=${encodeURIComponent(marker)}`;
	return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) =>
		entry.name.includes(needle)
	);
}

/** The browser adds an entry once the response has ended; give it a few turns to appear. */
async function waitForEntry(marker: string): Promise<PerformanceResourceTiming | undefined> {
	for (let turn = 0; turn < 5; turn++) {
		const entry = findEntry(marker);
		if (entry) return entry;
		await new Promise((resolve) => setTimeout(resolve, turn * 10));
	}
	return undefined;
}

/** The measured time of one entry, and which instrument gave it. */
export function entryTiming(
	entry: Pick<PerformanceResourceTiming, 'requestStart' | 'responseEnd' | 'duration'> | undefined,
	wallClockMs: number
): { ms: number; instrument: Instrument } {
	if (entry && entry.requestStart > 0 && entry.responseEnd >= entry.requestStart) {
		return { ms: entry.responseEnd - entry.requestStart, instrument: 'request' };
	}
	if (entry && entry.duration > 0) return { ms: entry.duration, instrument: 'fetch' };
	return { ms: wallClockMs, instrument: 'wall-clock' };
}

/**
 * Makes one real call, marked, and returns its outcome with the time the browser recorded for
 * it. Never rejects: a failed call comes back as `ok: false`, timed all the same.
 */
export async function timedCall<T>(
	call: (options: MarkedOptions) => Promise<T>
): Promise<Measured<T>> {
	prepareBuffer();
	const marker = crypto.randomUUID();
	const before = performance.now();
	let result: { ok: true; value: T } | { ok: false; error: unknown };
	try {
		result = { ok: true, value: await call({ query: { timing: marker } }) };
	} catch (error) {
		result = { ok: false, error };
	}
	const wallClockMs = performance.now() - before;
	// A recorded run's request (recorded-transport.ts) is timed as it was when recorded.
	const replayed = takeReplayedTiming(marker);
	if (replayed) {
		return {
			...result,
			measuredMs: replayed.ms,
			instrument: replayed.instrument,
			wholeFetchMs: undefined,
			wallClockMs,
		};
	}
	const entry = await waitForEntry(marker);
	const { ms, instrument } = entryTiming(entry, wallClockMs);
	return { ...result, measuredMs: ms, instrument, wholeFetchMs: entry?.duration, wallClockMs };
}
