/**
 * The simulated server every demo sends its proxied requests through, and the one way a
 * demo makes a proxied call: the modelled hop waited out, then the real PocketBase call made
 * by a client that carries the server's identity and timed by the same instrument as the
 * direct path (timing.ts).
 */
import type PocketBase from 'pocketbase';
import type { HopModel } from '~/lib/network-model';
import { realClock, SimulatedServer, type ServerOptions } from '~/lib/simulated-server';
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

export interface ProxiedCallOptions {
	hop: Pick<HopModel, 'addedMs' | 'cold'>;
	signal?: AbortSignal | undefined;
	/**
	 * The reader's own client, when the server should act as them: the cookie flow, in which
	 * the server loads the token the browser sent with the request.
	 */
	forwardAuthFrom?: PocketBase | undefined;
}

/** One request through `server`; rejects only when `signal` aborts. */
export function proxiedCall<T>(
	server: SimulatedServer<PocketBase>,
	call: (pb: PocketBase, options: MarkedOptions) => Promise<T>,
	{ hop, signal, forwardAuthFrom }: ProxiedCallOptions
) {
	return server.handle<Measured<T>>(
		({ client }) => {
			const reader = forwardAuthFrom?.authStore;
			if (reader?.isValid) client.authStore.save(reader.token, reader.record);
			return timedCall((options) => call(client, options));
		},
		hop,
		signal
	);
}
