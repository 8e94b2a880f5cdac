/**
 * <realtime-streams>: the reader's own realtime stream, a writer panel, the simulated server's
 * upstream streams and the same-address check (words from realtime-streams-view.ts).
 */
import type PocketBase from 'pocketbase';
import { directClient, reportResponse, signedInClient } from '../demo-kit/connection';
import { DemoElement } from '../demo-kit/demo-element';
import { formatMs } from '../demo-kit/format';
import { timedCall } from '../demo-kit/timing';
import { findDiagram } from '~/lib/diagram-replay';
import { hostMovedText } from '~/lib/playground-host';
import { describeFailure, toRequestFailure } from '~/lib/request-error';
import { CreateDelays } from './create-delays';
import { subscribeThroughServer } from './cross-address';
import { missedNotes, type Note } from './missed-notes';
import {
	crossAddressReplay,
	crossAddressText,
	deliveryText,
	eventLine,
	maxSimulatedUsers,
	recoveryText,
	upstreamText,
} from './realtime-streams-view';
import { SimulatedUsers } from './simulated-users';
import { StreamStateLine } from './stream-state-line';

class RealtimeStreams extends DemoElement {
	// Set by start(), before any action can run.
	#stream!: StreamStateLine;
	#reconnects = 0;
	#delays = new CreateDelays();
	/** Ids that arrived as events, so recovery can tell what was missed. */
	#seen = new Set<string>();
	#downSince: { ms: number; iso: string } | undefined;
	#users = new SimulatedUsers((streams) => {
		this.getPart('upstream').textContent = upstreamText(streams);
		this.getPart('deliveries').replaceChildren(...streams.map((s) => item(deliveryText(s))));
	});

	protected options() {
		return {};
	}

	protected start() {
		this.#stream = new StreamStateLine(this.getPart('stream-state'));
		this.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
		this.onAction('subscribe', () => this.#subscribe());
		this.onAction('create', () => this.#create());
		this.onAction('add-user', () => this.#addUser());
		this.onAction('close-users', () => this.#users.closeAll());
		this.onAction('cross', () => this.#cross());
		// Closing streams needs no PocketBase: it is always possible.
		this.button('close-users').disabled = false;
	}

	protected override needsPocketBase(action: string) {
		return action !== 'close-users';
	}

	/** The panel's failure box, cleared. */
	#failureBox(panel: 'stream' | 'write' | 'server') {
		const box = this.getPart('failure', this.querySelector(`[data-panel="${panel}"]`)!);
		box.hidden = true;
		return box;
	}

	async #subscribe() {
		if (this.#stream.state.kind !== 'off') return;
		const box = this.#failureBox('stream');
		// The reader's own subscription starts afresh, after a lost sign-in too.
		this.#reconnects = 0;
		this.#downSince = undefined;
		this.getPart('recovery').hidden = true;
		this.#stream.state = { kind: 'connecting' };
		try {
			const pb = await signedInClient();
			pb.realtime.onDisconnect = (subscriptions) => {
				if (subscriptions.length === 0) return;
				this.#downSince = { ms: performance.now(), iso: new Date().toISOString() };
				this.#stream.state = { kind: 'interrupted', sinceMs: performance.now() };
			};
			await pb.realtime.subscribe('PB_CONNECT', () => void this.#connected(pb));
			await pb.collection('notes').subscribe<Note>('*', (event) => this.#received(event));
			reportResponse(200);
		} catch (error) {
			this.#stream.state = { kind: 'off' };
			await this.showFailure(box, error);
		}
	}

	/** The streams' sign-in went with its playground host (host-guard.ts): close them, say so. */
	protected override signInChanged() {
		if (this.#stream.state.kind === 'off') return;
		this.#stream.state = { kind: 'off' };
		void this.#users.closeAll();
		void directClient().then((pb) => pb.realtime.unsubscribe());
		const text = hostMovedText(true);
		this.showProblem(this.#failureBox('stream'), text.title, text.advice);
	}

	/** Every PB_CONNECT: the first connection, or the SDK's reconnect after a stop. */
	async #connected(pb: PocketBase) {
		if (this.#stream.state.kind === 'off') return; // closed by signInChanged(), ignore
		const down = this.#downSince;
		if (down) this.#reconnects++;
		const clientId = pb.realtime.clientId;
		this.#stream.state = { kind: 'connected', clientId, reconnects: this.#reconnects };
		if (!down) return;
		this.#downSince = undefined;
		const recovery = this.getPart('recovery');
		try {
			const unseen = await missedNotes(pb, down.iso, this.#seen);
			for (const note of unseen) {
				this.#seen.add(note.id);
				const line = eventLine('create', note.text ?? '', undefined);
				this.getPart('events').prepend(item(`${line} (recovered by re-reading)`));
			}
			recovery.textContent = recoveryText(performance.now() - down.ms, unseen.length);
		} catch (error) {
			recovery.textContent = `Reconnected, but re-reading the notes failed: ${describeFailure(toRequestFailure(error)).title}`;
		}
		recovery.hidden = false;
	}

	#received(event: { action: string; record: Note }) {
		const text = event.record.text ?? '';
		const delay = this.#delays.arrived(event.action, text);
		this.#seen.add(event.record.id);
		this.getPart('events').prepend(item(eventLine(event.action, text, delay)));
	}

	async #create() {
		const box = this.#failureBox('write');
		try {
			const pb = await signedInClient();
			const text = this.getPart<HTMLInputElement>('note-text').value;
			const forget = this.#delays.sent(text);
			const call = await timedCall((marked) =>
				pb
					.collection('notes')
					.create({ text, owner: pb.authStore.record?.id }, { requestKey: null, ...marked })
			);
			if (!call.ok) {
				forget();
				return await this.showFailure(box, call.error);
			}
			reportResponse(200);
			const where =
				this.#stream.state.kind === 'off'
					? 'Subscribe in panel 1 to see its event.'
					: 'Its event is in panel 1.';
			this.getPart('write-result').textContent =
				`Created in ${formatMs(call.measuredMs)} (measured). ${where}`;
		} catch (error) {
			await this.showFailure(box, error);
		}
	}

	async #addUser() {
		const box = this.#failureBox('server');
		if (this.#users.count >= maxSimulatedUsers) {
			const why = `This page opens at most ${maxSimulatedUsers} simulated users: each holds one of the browser’s 6 connections to PocketBase.`;
			return this.showProblem(box, why, '');
		}
		try {
			await this.#users.add(await signedInClient());
			reportResponse(200);
		} catch (error) {
			await this.showFailure(box, error);
		}
	}

	async #cross() {
		const result = this.getPart('cross-result');
		result.textContent = '';
		if (this.#stream.state.kind === 'off') await this.#subscribe();
		const reader = await directClient();
		const clientId = reader.realtime.clientId;
		if (!clientId) {
			result.textContent = 'Your stream is not open yet; subscribe in panel 1 first.';
			return;
		}
		const box = this.#failureBox('server');
		try {
			const answer = await subscribeThroughServer(reader, clientId);
			if (!answer.answered) return await this.showFailure(box, answer.error);
			result.textContent = crossAddressText(answer.status, answer.message);
			void findDiagram(document, 'realtime-direct-vs-proxy')?.replay(
				crossAddressReplay(answer.hopMs, answer.measuredMs)
			);
		} catch (error) {
			await this.showFailure(box, error);
		}
	}
}

const item = (text: string) => Object.assign(document.createElement('li'), { textContent: text });

customElements.define('realtime-streams', RealtimeStreams);
