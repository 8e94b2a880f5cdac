/**
 * Times a request the way the browser itself recorded it (Resource Timing), so "measured" on
 * screen means the network and PocketBase, not our own code around the call. Each request
 * carries a unique `timing=` query parameter (PocketBase ignores unknown ones) to find its entry.
 */

/** The query parameter to add to a request so `measuredDuration` can find it. */
export function timingQuery(marker: string): { timing: string } {
	return { timing: marker };
}

/**
 * Runs `call` and returns the duration the browser recorded for the request marked `marker`,
 * or the time around the call where the browser kept no entry.
 */
export async function measuredDuration(
	call: () => Promise<unknown>,
	marker: string
): Promise<number> {
	const before = performance.now();
	await call();
	const after = performance.now();
	const entry = performance
		.getEntriesByType('resource')
		.find((e) => e.name.includes(`timing=${encodeURIComponent(marker)}`));
	return entry && entry.duration > 0 ? entry.duration : after - before;
}
