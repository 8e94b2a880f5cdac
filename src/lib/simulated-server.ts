/**
 * A model of a SvelteKit/Next.js server that sits between the browser and PocketBase.
 *
 * The PocketBase call it makes is real (through whatever client the caller passes in, in the
 * site that is the real `pocketbase` SDK), so answers, rule checks and 429s are real. What a
 * browser cannot contain is modelled and labelled: the network legs to and from the server,
 * the handler's own time, cold starts, and the server's single identity (one IP address for the
 * rate limiter, one process memory for SDK instances).
 */

export type SegmentKind = 'measured' | 'modelled';

/** One stretch of a request's life, for waterfalls and diagram replays. */
export interface Segment {
	/** Which leg this is; stable keys the UI and diagrams map to labels and messages. */
	leg:
		| 'browser-to-server'
		| 'cold-start'
		| 'handler'
		| 'server-to-pocketbase'
		| 'pocketbase-call'
		| 'pocketbase-to-server'
		| 'server-to-browser';
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

export interface ServerModel {
	/** Round trip between the reader's browser and the app server (modelled). */
	browserServerRttMs: number;
	/** Round trip between the app server and PocketBase (modelled). */
	serverPocketBaseRttMs: number;
	/** Time the handler spends on its own work: routing, parsing cookies, rendering (modelled). */
	handlerMs: number;
	coldStart: { probability: number; ms: number };
	/**
	 * How the server holds SDK clients: a new one per request (what the JS SDK README asks
	 * for) or one module-level client shared by every request in the process.
	 */
	instances: 'per-request' | 'shared';
}

export const defaultServerModel: ServerModel = {
	browserServerRttMs: 20,
	serverPocketBaseRttMs: 1,
	handlerMs: 2,
	coldStart: { probability: 0, ms: 250 },
	instances: 'per-request',
};

export interface HandlerContext<Client> {
	client: Client;
	signal: AbortSignal | undefined;
}

export type ProxyOutcome<T> =
	| { ok: true; value: T; segments: Segment[]; totalMs: number; coldStart: boolean }
	| { ok: false; error: unknown; segments: Segment[]; totalMs: number; coldStart: boolean };

export interface SimulatedServerDeps<Client> {
	/** Builds an SDK client whose requests carry the server's identity. */
	createClient: () => Client;
	clock: Clock;
	/** A number in [0, 1); pass a seeded generator for reproducible cold starts. */
	random: () => number;
}

export class SimulatedServer<Client> {
	#model: ServerModel;
	#deps: SimulatedServerDeps<Client>;
	/** The "process memory": the module-level client when instances are shared. */
	#sharedClient: Client | undefined;
	#clientsCreated = 0;

	constructor(model: ServerModel, deps: SimulatedServerDeps<Client>) {
		this.#model = model;
		this.#deps = deps;
	}

	get model(): ServerModel {
		return this.#model;
	}

	/** How many SDK clients the server has created so far (one per request, or one in all). */
	get clientsCreated(): number {
		return this.#clientsCreated;
	}

	/**
	 * Handles one request from the browser: the modelled trip to the server, a possible cold
	 * start, the handler's own time, the real PocketBase call made by `work`, and the modelled
	 * trip back. Rejects only when `signal` aborts; PocketBase errors come back as `ok: false`.
	 */
	async handle<T>(
		work: (context: HandlerContext<Client>) => Promise<T>,
		signal?: AbortSignal
	): Promise<ProxyOutcome<T>> {
		const { clock, random } = this.#deps;
		const model = this.#model;
		const started = clock.now();
		const segments: Segment[] = [];
		const at = () => clock.now() - started;

		const wait = async (leg: Segment['leg'], ms: number) => {
			if (ms <= 0) return;
			const startMs = at();
			await clock.sleep(ms, signal);
			segments.push({ leg, kind: 'modelled', startMs, durationMs: ms });
		};

		await wait('browser-to-server', model.browserServerRttMs / 2);
		const coldStart = model.coldStart.probability > 0 && random() < model.coldStart.probability;
		if (coldStart) await wait('cold-start', model.coldStart.ms);
		await wait('handler', model.handlerMs);

		await wait('server-to-pocketbase', model.serverPocketBaseRttMs / 2);

		// The real call. It leaves from this browser, so its time includes this browser's own
		// path to PocketBase; the server's path is the modelled stretch on either side of it.
		const client = this.#clientForRequest();
		const callStart = at();
		let result: { ok: true; value: T } | { ok: false; error: unknown };
		try {
			result = { ok: true, value: await work({ client, signal }) };
		} catch (error) {
			if (signal?.aborted) throw signal.reason;
			result = { ok: false, error };
		}
		segments.push({
			leg: 'pocketbase-call',
			kind: 'measured',
			startMs: callStart,
			durationMs: at() - callStart,
		});

		await wait('pocketbase-to-server', model.serverPocketBaseRttMs / 2);
		await wait('server-to-browser', model.browserServerRttMs / 2);
		return { ...result, segments, totalMs: at(), coldStart };
	}

	#clientForRequest(): Client {
		if (this.#model.instances === 'shared') {
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
			if (signal?.aborted) return reject(signal.reason);
			const timer = setTimeout(() => {
				signal?.removeEventListener('abort', onAbort);
				resolve();
			}, ms);
			const onAbort = () => {
				clearTimeout(timer);
				reject(signal?.reason);
			};
			signal?.addEventListener('abort', onAbort, { once: true });
		}),
};
