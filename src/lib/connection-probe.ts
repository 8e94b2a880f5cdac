/**
 * Asks a PocketBase for its health and classifies what happened. `fetch` and the clock are
 * passed in, so the same code runs in the page and in unit tests.
 */
import { classifyHealthProbe, type ConnectionStatus, type Observation } from './connection-status';
import { hostHeader } from './playground-host';
import { isMixedContent } from './pocketbase-url';

export interface ProbeDeps {
	fetch: typeof fetch;
	now: () => number;
	/** The page's own URL (for the mixed-content and CORS explanations). */
	pageUrl: string;
	timeoutMs?: number;
}

/** Gives up on an answer after this long and calls the server unreachable. */
export const probeTimeoutMs = 8000;

export async function observeHealth(url: string, deps: ProbeDeps): Promise<Observation> {
	const started = deps.now();
	const timeout = AbortSignal.timeout(deps.timeoutMs ?? probeTimeoutMs);
	const healthUrl = `${url}/api/health`;
	try {
		const response = await deps.fetch(healthUrl, { cache: 'no-store', signal: timeout });
		const elapsedMs = deps.now() - started;
		let body: unknown = undefined;
		try {
			body = await response.json();
		} catch {
			body = undefined;
		}
		const host = response.headers.get(hostHeader);
		return {
			kind: 'response',
			status: response.status,
			body,
			elapsedMs,
			...(host ? { host } : {}),
		};
	} catch {
		const elapsedMs = deps.now() - started;
		const mixedContent = isMixedContent(deps.pageUrl, url);
		let reachableWithoutCors = false;
		if (!mixedContent && !timeout.aborted) {
			// An opaque no-cors answer proves the server is up, so the first failure was CORS.
			try {
				await deps.fetch(healthUrl, {
					mode: 'no-cors',
					cache: 'no-store',
					signal: AbortSignal.timeout(deps.timeoutMs ?? probeTimeoutMs),
				});
				reachableWithoutCors = true;
			} catch {
				reachableWithoutCors = false;
			}
		}
		return {
			kind: 'network-error',
			reachableWithoutCors,
			mixedContent,
			pageOrigin: new URL(deps.pageUrl).origin,
			elapsedMs,
		};
	}
}

export async function probePocketBase(url: string, deps: ProbeDeps): Promise<ConnectionStatus> {
	const observation = await observeHealth(url, deps);
	const status = classifyHealthProbe(observation, url);
	return observation.kind === 'response' && observation.host
		? { ...status, host: observation.host }
		: status;
}
