/**
 * <realtime-streams>: the reader's own realtime stream, a writer panel, the simulated server's
 * upstream streams and the same-address check (words from realtime-streams-view.ts).
 */
import { onAction } from '../demo-kit/actions';
import type PocketBase from 'pocketbase';
import {
	connection,
	directClient,
	reportFailure,
	reportResponse,
	separateClient,
	signedInEmail,
	signInThrowawayUser,
	startWatching,
} from '../demo-kit/connection';
import { proxiedCall, simulatedServer } from '../demo-kit/proxied-call';
import { timedCall } from '../demo-kit/timing';
import { formatMs } from '../demo-kit/format';
import { canRunDemos } from '~/lib/connection-status';
import { findDiagram } from '~/lib/diagram-replay';
import { describeFailure, toRequestFailure } from '~/lib/request-error';
import {
	crossAddressReplay,
	crossAddressText,
	deliveryText,
	eventLine,
	maxSimulatedUsers,
	realtimeHop,
	recoveryText,
	streamText,
	upstreamText,
	type StreamState,
	type UpstreamStream,
} from './realtime-streams-view';

interface NoteEvent {
	action: string;
	record: { id: string; text?: string };
}

class RealtimeStreams extends HTMLElement {
	#state: StreamState = { kind: 'off' };
	#reconnects = 0;
	/** Note texts this page wrote, with when each create was sent, oldest first. */
	#pending: { text: string; sentAt: number }[] = [];
	/** Ids that arrived as events, so recovery can tell what was missed. */
	#seen = new Set<string>();
	#downSince: { ms: number; iso: string } | undefined;
	#upstream: { stream: UpstreamStream; client: PocketBase }[] = [];
	#ticker: ReturnType<typeof setInterval> | undefined;

	connectedCallback() {
		this.querySelector('form')!.addEventListener('submit', (event) => event.preventDefault());
		onAction(this, 'subscribe', () => this.#subscribe());
		onAction(this, 'create', () => this.#create());
		onAction(this, 'add-user', () => this.#addUser());
		onAction(this, 'close-users', () => this.#closeUsers());
		onAction(this, 'cross', () => this.#cross());
		startWatching();
		connection.subscribe(({ status }) => {
			const ready = canRunDemos(status.state) || status.state === 'rate-limited';
			for (const button of this.querySelectorAll<HTMLButtonElement>('[data-action]')) {
				button.disabled = !ready && button.dataset['action'] !== 'close-users';
			}
		});
	}

	#panel(name: string) {
		return this.querySelector<HTMLElement>(`[data-panel="${name}"]`)!;
	}

	async #fail(panel: string, error: unknown) {
		const text = describeFailure(toRequestFailure(error));
		const box = this.#panel(panel).querySelector<HTMLElement>('.failure')!;
		box.textContent = `${text.title} ${text.advice}`;
		box.hidden = false;
		await reportFailure(error);
	}

	#clearFailure(panel: string) {
		this.#panel(panel).querySelector<HTMLElement>('.failure')!.hidden = true;
	}

	#setState(state: StreamState) {
		this.#state = state;
		const line = this.querySelector<HTMLElement>('.stream-state')!;
		line.dataset['state'] = state.kind;
		line.textContent = streamText(state, performance.now());
		clearInterval(this.#ticker);
		if (state.kind === 'interrupted') {
			this.#ticker = setInterval(() => {
				line.textContent = streamText(this.#state, performance.now());
			}, 500);
		}
	}

	async #signedIn(): Promise<PocketBase> {
		const pb = await directClient();
		if (!(await signedInEmail())) await signInThrowawayUser();
		return pb;
	}

	async #subscribe() {
		if (this.#state.kind !== 'off') return;
		this.#clearFailure('stream');
		this.#setState({ kind: 'connecting' });
		try {
			const pb = await this.#signedIn();
			pb.realtime.onDisconnect = (subscriptions) => {
				if (subscriptions.length === 0) return;
				this.#downSince = { ms: performance.now(), iso: new Date().toISOString() };
				this.#setState({ kind: 'interrupted', sinceMs: performance.now() });
			};
			await pb.realtime.subscribe('PB_CONNECT', () => void this.#connected(pb));
			await pb
				.collection('notes')
				.subscribe<NoteEvent['record']>('*', (event) => this.#received(event));
			reportResponse(200);
		} catch (error) {
			this.#setState({ kind: 'off' });
			await this.#fail('stream', error);
		}
	}

	/** Every PB_CONNECT: the first connection, or the SDK's reconnect after a stop. */
	async #connected(pb: PocketBase) {
		const down = this.#downSince;
		if (down) this.#reconnects++;
		this.#setState({
			kind: 'connected',
			clientId: pb.realtime.clientId,
			reconnects: this.#reconnects,
		});
		if (!down) return;
		this.#downSince = undefined;
		// Events sent while the stream was down are gone: re-read what was written meanwhile.
		const recovery = this.querySelector<HTMLElement>('.recovery')!;
		try {
			const since = new Date(Date.parse(down.iso) - 1000).toISOString().replace('T', ' ');
			const missed = await pb.collection('notes').getFullList<NoteEvent['record']>({
				filter: pb.filter('created >= {:since}', { since }),
				requestKey: null,
			});
			const unseen = missed.filter((note) => !this.#seen.has(note.id));
			for (const note of unseen) {
				this.#seen.add(note.id);
				this.#addEvent(
					`${eventLine('create', note.text ?? '', undefined)} (recovered by re-reading)`
				);
			}
			recovery.textContent = recoveryText(performance.now() - down.ms, unseen.length);
		} catch (error) {
			recovery.textContent = `Reconnected, but re-reading the notes failed: ${describeFailure(toRequestFailure(error)).title}`;
		}
		recovery.hidden = false;
	}

	#received(event: { action: string; record: NoteEvent['record'] }) {
		const arrived = performance.now();
		const text = event.record.text ?? '';
		this.#seen.add(event.record.id);
		let delay: number | undefined;
		if (event.action === 'create') {
			const index = this.#pending.findIndex((p) => p.text === text);
			if (index >= 0) {
				delay = arrived - this.#pending[index]!.sentAt;
				this.#pending.splice(index, 1);
			}
		}
		this.#addEvent(eventLine(event.action, text, delay));
	}

	#addEvent(line: string) {
		const item = document.createElement('li');
		item.textContent = line;
		this.querySelector('.events')!.prepend(item);
	}

	async #create() {
		this.#clearFailure('write');
		const result = this.#panel('write').querySelector('.write-result')!;
		try {
			const pb = await this.#signedIn();
			const text = this.#panel('write').querySelector<HTMLInputElement>('[name="text"]')!.value;
			const pending = { text, sentAt: performance.now() };
			this.#pending.push(pending);
			const call = await timedCall((marked) =>
				pb
					.collection('notes')
					.create({ text, owner: pb.authStore.record?.id }, { requestKey: null, ...marked })
			);
			if (!call.ok) {
				this.#pending.splice(this.#pending.indexOf(pending), 1);
				return await this.#fail('write', call.error);
			}
			reportResponse(200);
			result.textContent = `Created in ${formatMs(call.measuredMs)} (measured). ${
				this.#state.kind === 'off'
					? 'Subscribe in panel 1 to see its event.'
					: 'Its event is in panel 1.'
			}`;
		} catch (error) {
			await this.#fail('write', error);
		}
	}

	#renderUpstream() {
		const line = this.querySelector<HTMLElement>('.upstream')!;
		const streams = this.#upstream.map((u) => u.stream);
		line.dataset['count'] = String(streams.length);
		line.textContent = upstreamText(streams);
		this.querySelector('.deliveries')!.replaceChildren(
			...streams.map((stream) => {
				const item = document.createElement('li');
				item.textContent = deliveryText(stream);
				return item;
			})
		);
	}

	async #addUser() {
		this.#clearFailure('server');
		if (this.#upstream.length >= maxSimulatedUsers) {
			const box = this.#panel('server').querySelector<HTMLElement>('.failure')!;
			box.textContent = `This page opens at most ${maxSimulatedUsers} simulated users: each holds one of the browser’s 6 connections to PocketBase.`;
			box.hidden = false;
			return;
		}
		try {
			const reader = await this.#signedIn();
			const client = await separateClient();
			client.authStore.save(reader.authStore.token, reader.authStore.record);
			const stream: UpstreamStream = { user: this.#upstream.length + 1, deliveries: 0 };
			await client.collection('notes').subscribe('*', () => {
				stream.deliveries++;
				this.#renderUpstream();
			});
			this.#upstream.push({ stream, client });
			this.#renderUpstream();
			reportResponse(200);
		} catch (error) {
			await this.#fail('server', error);
		}
	}

	async #closeUsers() {
		const open = this.#upstream;
		this.#upstream = [];
		await Promise.all(
			open.map(({ client }) => client.realtime.unsubscribe().catch(() => undefined))
		);
		this.#renderUpstream();
	}

	async #cross() {
		const result = this.querySelector<HTMLElement>('.cross-result')!;
		result.textContent = '';
		if (this.#state.kind === 'off') await this.#subscribe();
		const reader = await directClient();
		const clientId = reader.realtime.clientId;
		if (!clientId) {
			result.textContent = 'Your stream is not open yet; subscribe in panel 1 first.';
			return;
		}
		try {
			const server = await simulatedServer();
			const outcome = await proxiedCall(
				server,
				(pb, marked) =>
					pb.send('/api/realtime', {
						method: 'POST',
						body: { clientId, subscriptions: ['notes'] },
						requestKey: null,
						...marked,
					}),
				{ hop: realtimeHop(), forwardAuthFrom: reader }
			);
			const failure = outcome.ok ? undefined : toRequestFailure(outcome.error);
			if (failure?.status === 0)
				return await this.#fail('server', outcome.ok ? undefined : outcome.error);
			result.textContent = crossAddressText(failure?.status ?? 204, failure?.message ?? '');
			result.dataset['status'] = String(failure?.status ?? 204);
			void findDiagram(document, 'realtime-direct-vs-proxy')?.replay(
				crossAddressReplay(outcome.hop.addedMs, outcome.measuredMs)
			);
		} catch (error) {
			await this.#fail('server', error);
		}
	}
}

customElements.define('realtime-streams', RealtimeStreams);
