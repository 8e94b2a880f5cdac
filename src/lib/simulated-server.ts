/**
 * A model of a SvelteKit/Next.js server that sits between the browser and PocketBase.
 *
 * The PocketBase call it makes is real (through whatever client the caller passes in; in the
 * site, the real `pocketbase` SDK), so answers, rule checks and 429s are real. What a browser
 * cannot contain is modelled and labelled: the extra time the request spends because it goes
 * through a server (network legs, handler work, cold starts; see network-model.ts), and the
 * server's single identity (one IP address for the rate limiter, one process memory for SDK
 * instances).
 *
 * Both paths make the same real call from this browser, so the difference between them is the
 * modelled server hop alone: a co-located server adds only its few milliseconds, a far one adds
 * its round trips. That keeps the comparison fair to the proxy.
 */

export type SegmentKind = 'measured' | 'modelled';

/** One stretch of a request's life, for waterfalls and diagram replays. */
export interface Segment {
	leg: 'server-hop' | 'pocketbase-call';
	kind: SegmentKind;
	/** Milliseconds after the request started. */
	startMs: number;
	durationMs: number;
}

/** The address the simulated server's requests carry (RFC 5737 documentation range). */
export const simulatedServerIp = '203.0.113.10';
/** The header the playground trusts for it; see playground/pb_hooks/simulated-server-ip.pb.js. */
export const simulatedServerHeader = 'X-Simulated-Server-IP';

export interface Clock {
	now(): number;
	/** Resolves after `ms`, or rejects with the signal's reason when it aborts. */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The modelled cost of going through the server, for one request. */
export interface HopModel {
	/** How much longer the proxy path takes than the direct one (network-model's addedMs). */
	addedMs: number;
	/** Whether this request met a cold start (included in addedMs). */
	cold: boolean;
}

export interface ServerOptions {
	/**
	 * How the server holds SDK clients: a new one per request (what the JS SDK README asks
	 * for) or one module-level client shared by every request in the process.
	 */
	instances: 'per-request' | 'shared';
}

export interface HandlerContext<Client> {
	client: Client;
	signal: AbortSignal | undefined;
}

export type ProxyOutcome<T> = ({ ok: true; value: T } | { ok: false; error: unknown }) & {
	segments: Segment[];
	totalMs: number;
	hop: HopModel;
};

export interface SimulatedServerDeps<Client> {
	/** Builds an SDK client whose requests carry the server's identity. */
	createClient: () => Client;
	clock: Clock;
}

export class SimulatedServer<Client> {
	#options: ServerOptions;
	#deps: SimulatedServerDeps<Client>;
	/** The "process memory": the module-level client when instances are shared. */
	#sharedClient: Client | undefined;
	#clientsCreated = 0;

	constructor(options: ServerOptions, deps: SimulatedServerDeps<Client>) {
		this.#options = options;
		this.#deps = deps;
	}

	/** How many SDK clients the server has created so far (one per request, or one in all). */
	get clientsCreated(): number {
		return this.#clientsCreated;
	}

	/**
	 * Handles one request from the browser: the modelled server hop (the reader waits it out),
	 * then the real PocketBase call made by `work`, measured. Rejects only when `signal` aborts;
	 * PocketBase errors come back as `ok: false`.
	 */
	async handle<T>(
		work: (context: HandlerContext<Client>) => Promise<T>,
		hop: HopModel,
		signal?: AbortSignal
	): Promise<ProxyOutcome<T>> {
		const { clock } = this.#deps;
		const started = clock.now();
		const segments: Segment[] = [];
		const hopMs = Math.max(0, hop.addedMs);
		if (hopMs > 0) {
			await clock.sleep(hopMs, signal);
			segments.push({ leg: 'server-hop', kind: 'modelled', startMs: 0, durationMs: hopMs });
		}

		const client = this.#clientForRequest();
		const callStart = clock.now() - started;
		let result: { ok: true; value: T } | { ok: false; error: unknown };
		try {
			result = { ok: true, value: await work({ client, signal }) };
		} catch (error) {
			if (signal?.aborted) throw signal.reason;
			result = { ok: false, error };
		}
		const totalMs = clock.now() - started;
		segments.push({
			leg: 'pocketbase-call',
			kind: 'measured',
			startMs: callStart,
			durationMs: totalMs - callStart,
		});
		return { ...result, segments, totalMs, hop };
	}

	#clientForRequest(): Client {
		if (this.#options.instances === 'shared') {
			if (this.#sharedClient === undefined) {
				this.#sharedClient = this.#deps.createClient();
				this.#clientsCreated++;
			}
			return this.#sharedClient;
		}
		this.#clientsCreated++;
		return this.#deps.createClient();
	}
}

/** A clock on the real timers, for the page. */
export const realClock: Clock = {
	now: () => performance.now(),
	sleep: (ms, signal) =>
		new Promise<void>((resolve, reject) => {
			// eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- an aborted wait rejects with the signal's reason, as fetch does
			if (signal?.aborted) return reject(signal.reason);
			const timer = setTimeout(() => {
				signal?.removeEventListener('abort', onAbort);
				resolve();
			}, ms);
			const onAbort = () => {
				clearTimeout(timer);
				// eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as fetch does on abort
				reject(signal?.reason);
			};
			signal?.addEventListener('abort', onAbort, { once: true });
		}),
};
