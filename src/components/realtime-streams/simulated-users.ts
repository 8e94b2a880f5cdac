/**
 * The simulated server's upstream streams: one real realtime stream per simulated user, each
 * with the reader's token, counting the events it would relay.
 */
import type PocketBase from 'pocketbase';
import { separateClient } from '../demo-kit/connection';
import type { UpstreamStream } from './realtime-streams-view';

export class SimulatedUsers {
	#open: { stream: UpstreamStream; client: PocketBase }[] = [];
	#changed: (streams: readonly UpstreamStream[]) => void;

	/** `changed` hears every opened or closed stream and every delivery. */
	constructor(changed: (streams: readonly UpstreamStream[]) => void) {
		this.#changed = changed;
	}

	get count(): number {
		return this.#open.length;
	}

	/** How many events the open streams received, all together. */
	get deliveries(): number {
		return this.#open.reduce((sum, { stream }) => sum + stream.deliveries, 0);
	}

	/** Opens one more user's stream, signed in as `reader`. */
	async add(reader: PocketBase): Promise<void> {
		const client = await separateClient();
		client.authStore.save(reader.authStore.token, reader.authStore.record);
		const stream: UpstreamStream = { user: this.#open.length + 1, deliveries: 0 };
		await client.collection('notes').subscribe('*', () => {
			stream.deliveries++;
			this.#report();
		});
		this.#open.push({ stream, client });
		this.#report();
	}

	async closeAll(): Promise<void> {
		const open = this.#open;
		this.#open = [];
		await Promise.all(
			open.map(({ client }) => client.realtime.unsubscribe().catch(() => undefined))
		);
		this.#report();
	}

	#report() {
		this.#changed(this.#open.map((u) => u.stream));
	}
}
