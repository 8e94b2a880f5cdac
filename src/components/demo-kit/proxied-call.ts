/**
 * The simulated server every demo sends its proxied requests through, and the one way a
 * demo makes a proxied request: the modelled hop waited out, then the handler's real
 * PocketBase calls made by a client that carries the server's identity, each timed by the same
 * instrument as the direct path (timing.ts). The reader's sign-in reaches the server one way
 * (`loadSignIn`), as the token the browser sent with the request.
 */
import type PocketBase from 'pocketbase';
import type { HopModel } from '~/lib/network-model';
import {
	realClock,
	SimulatedServer,
	type ServerOptions,
	type TimedCall,
} from '~/lib/simulated-server';
import { serverClientFactory } from './connection';
import { timedCall, type MarkedOptions, type Measured } from './timing';

/** A simulated server on the page's current PocketBase. */
export async function simulatedServer(
	instances: ServerOptions['instances'] = 'per-request'
): Promise<SimulatedServer<PocketBase>> {
	return new SimulatedServer(
		{ instances },
		{ createClient: await serverClientFactory(), clock: realClock }
	);
}

/**
 * The reader's sign-in as the browser sends it to the server: the `pb_auth` cookie (its
 * `name=value`), or, where a demo keeps no cookie of its own, the reader's own client, whose
 * token the cookie would carry.
 */
export type ReaderSignIn = { cookie: string } | { client: PocketBase };

/**
 * The cookie flow's first step, written once: the server loads the token the browser sent into
 * its own client for this request. It verifies nothing; PocketBase checks the token on the call.
 */
export function loadSignIn(server: PocketBase, signIn: ReaderSignIn | undefined): void {
	if (!signIn) return;
	if ('cookie' in signIn) {
		server.authStore.loadFromCookie(signIn.cookie);
		return;
	}
	const reader = signIn.client.authStore;
	if (reader.isValid) server.authStore.save(reader.token, reader.record);
}

export interface ProxiedCallOptions {
	hop: Pick<HopModel, 'addedMs' | 'cold'>;
	signal?: AbortSignal | undefined;
	/**
	 * The reader's own client, when the server should act as them: the cookie flow, in which
	 * the server loads the token the browser sent with the request.
	 */
	forwardAuthFrom?: PocketBase | undefined;
}

/** One request through `server` that makes one call; rejects only when `signal` aborts. */
export function proxiedCall<T>(
	server: SimulatedServer<PocketBase>,
	call: (pb: PocketBase, options: MarkedOptions) => Promise<T>,
	{ hop, signal, forwardAuthFrom }: ProxiedCallOptions
) {
	return server.handle<Measured<T>>(
		({ client }) => {
			loadSignIn(client, forwardAuthFrom ? { client: forwardAuthFrom } : undefined);
			return timedCall((options) => call(client, options));
		},
		hop,
		signal
	);
}

/** Makes one real call as the server, timed by the kit's instrument; never rejects. */
export type ServerCall = <R>(
	call: (pb: PocketBase, options: MarkedOptions) => Promise<R>
) => Promise<Measured<R>>;

export interface ProxiedRequestOptions {
	hop: Pick<HopModel, 'addedMs' | 'cold'>;
	signal?: AbortSignal | undefined;
	/** The reader's sign-in, loaded into the server's client before the handler runs. */
	signIn?: ReaderSignIn | undefined;
}

/**
 * A request that made several calls: failed when one of them failed (with its error) or the
 * handler threw; `measuredMs` is their sum, and `calls` each of them in the order made.
 */
export type HandledRequest<T> = TimedCall<T> & {
	calls: Measured<unknown>[];
	/** What the handler answered, even when one of its calls failed (a Set-Cookie, say). */
	response: T | undefined;
};

/**
 * One request through `server` whose handler makes any number of real calls with `call`, one
 * after another, as the server would; rejects only when `signal` aborts. The total is the
 * modelled hop plus every measured call.
 */
export function proxiedRequest<T>(
	server: SimulatedServer<PocketBase>,
	handler: (call: ServerCall, pb: PocketBase) => Promise<T>,
	{ hop, signal, signIn }: ProxiedRequestOptions
) {
	return server.handle<HandledRequest<T>>(
		async ({ client }) => {
			loadSignIn(client, signIn);
			const calls: Measured<unknown>[] = [];
			const call: ServerCall = async (real) => {
				const measured = await timedCall((options) => real(client, options));
				calls.push(measured);
				return measured;
			};
			let result: { ok: true; value: T } | { ok: false; error: unknown; response?: T };
			try {
				const value = await handler(call, client);
				const failed = calls.find((made) => !made.ok);
				result =
					failed && !failed.ok
						? { ok: false, error: failed.error, response: value }
						: { ok: true, value };
			} catch (error) {
				result = { ok: false, error };
			}
			const measuredMs = calls.reduce((sum, made) => sum + made.measuredMs, 0);
			const response = result.ok ? result.value : result.response;
			return { ...result, measuredMs, calls, response };
		},
		hop,
		signal
	);
}
