/**
 * Waits for something the page learns by itself before a scripted run goes on: PocketBase
 * answering before `npm run record` starts a run, or an event on a stream, so a recorded run holds
 * its events and a replayed one shows them before its next step.
 */

/** Resolves true once `done()` holds (looked at every `stepMs`), or false after `timeoutMs`. */
export async function until(done: () => boolean, timeoutMs: number, stepMs = 10): Promise<boolean> {
	for (let waited = 0; !done(); waited += stepMs) {
		if (waited >= timeoutMs) return false;
		await new Promise((resolve) => setTimeout(resolve, stepMs));
	}
	return true;
}
