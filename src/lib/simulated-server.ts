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

import type { HopModel } from './network-model';

export type SegmentKind = 'measured' | 'modelled';

/** One stretch of a request's life, for waterfalls and diagram replays. */
export interface Segment {
	leg: 'server-hop' | 'pocketbase-call';
	kind: SegmentKind;
	/** Milliseconds after the request started. */
	startMs: number;
	durationMs: number;
}

/** The header the playground trusts for the server's address. */
export const simulatedServerHeader = 'X-Simulated-Server-IP';
/**
 * The one value the simulated server sends in it. The playground
 * (pb_hooks/simulated-server-ip.pb.js) rewrites it into the server address that belongs to the
 * reader's own address, so each reader has one server of their own that no one else can reach.
 */
export const simulatedServerMarker = 'mine';
/** Where those server addresses lie: the IPv6 documentation prefix (RFC 3849). */
export const simulatedServerRange = '2001:db8::/32';

/** Whether PocketBase's `realIP` is a simulated server's (it prints IPv6 expanded). */
export function isSimulatedServerAddress(realIp: string): boolean {
	return realIp.startsWith('2001:0db8:');
}

export interface Clock {
	/** Resolves after `ms`, or rejects with the signal's reason when it aborts. */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * A real PocketBase call and its measured time. Both paths are timed by the same instrument
 * (the demo kit's `timedCall`), so a failed call is timed too.
 */
export type TimedCall<T> = ({ ok: true; value: T } | { ok: false; error: unknown }) & {
	measuredMs: number;
};

/**
 * What measured a call:
 * - `request`: request sent to last byte (the server sent `Timing-Allow-Origin`);
 * - `fetch`: the whole fetch, including any preflight (no `Timing-Allow-Origin`);
 * - `wall-clock`: no entry, as when no answer came at all.
 */
export type Instrument = 'request' | 'fetch' | 'wall-clock';

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

/**
 * What a handler's work gives back: its outcome and measured time, and, when it made several
 * real calls, each of them (timed on its own), so the request's segments show them in order.
 */
export type HandledWork = TimedCall<unknown> & { calls?: readonly { measuredMs: number }[] };

export type ProxyOutcome<Call extends TimedCall<unknown>> = Call & {
	segments: Segment[];
	/** The modelled hop plus the measured call. */
	totalMs: number;
	hop: Pick<HopModel, 'addedMs' | 'cold'>;
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
	 * then the real PocketBase call made and timed by `work`. The total is the model's hop plus
	 * the measured call, never the wall clock around both: time the browser spends only because
	 * the server is simulated inside it (timers, the main thread) is charged to neither path.
	 * Rejects only when `signal` aborts; PocketBase errors come back as `ok: false`. A handler
	 * that made several calls lists them in `calls`: each is a measured segment of its own.
	 */
	async handle<Call extends HandledWork>(
		work: (context: HandlerContext<Client>) => Promise<Call>,
		hop: Pick<HopModel, 'addedMs' | 'cold'>,
		signal?: AbortSignal
	): Promise<ProxyOutcome<Call>> {
		const segments: Segment[] = [];
		const hopMs = Math.max(0, hop.addedMs);
		if (hopMs > 0) {
			await this.#deps.clock.sleep(hopMs, signal);
			segments.push({ leg: 'server-hop', kind: 'modelled', startMs: 0, durationMs: hopMs });
		}
		const call = await work({ client: this.#clientForRequest(), signal });
		if (signal?.aborted) throw signal.reason;
		let startMs = hopMs;
		for (const { measuredMs } of call.calls ?? [call]) {
			segments.push({ leg: 'pocketbase-call', kind: 'measured', startMs, durationMs: measuredMs });
			startMs += measuredMs;
		}
		return { ...call, segments, totalMs: hopMs + call.measuredMs, hop };
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
	sleep: (ms, signal) =>
		new Promise<void>((resolve, reject) => {
			if (signal?.aborted) {
				reject(signal.reason as Error);
				return;
			}
			const timer = setTimeout(() => {
				signal?.removeEventListener('abort', onAbort);
				resolve();
			}, ms);
			const onAbort = () => {
				clearTimeout(timer);
				reject(signal?.reason as Error);
			};
			signal?.addEventListener('abort', onAbort, { once: true });
		}),
};
