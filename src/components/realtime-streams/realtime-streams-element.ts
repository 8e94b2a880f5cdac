/**
 * <realtime-streams>: the reader's own realtime stream, a writer panel, the simulated server's
 * upstream streams and the same-address check (words from realtime-streams-view.ts). Its recorded
 * run plays the streams' recorded events too (demo-kit/recorded-stream.ts).
 */
import type PocketBase from 'pocketbase';
import { directClient, reportResponse, signedInClient } from '../demo-kit/connection';
import { DemoElement } from '../demo-kit/demo-element';
import { timedCall } from '../demo-kit/timing';
import { until } from '../demo-kit/until';
import { hostMovedText } from '~/lib/playground-host';
import { CreateDelays } from './create-delays';
import { subscribeThroughServer } from './cross-address';
import { recoverMissed, type Note } from './missed-notes';
import {
	createdText,
	crossAddressText,
	deliveryText,
	eventLine,
	maxSimulatedUsers,
	tooManyUsers,
	upstreamText,
} from './realtime-streams-view';
import { SimulatedUsers } from './simulated-users';
import { StreamStateLine } from './stream-state-line';

class RealtimeStreams extends DemoElement {
	#stream!: StreamStateLine; // set by start(), before any action can run
	#delays = new CreateDelays();
	/** Ids that arrived as events, so recovery can tell what was missed. */
	#seen = new Set<string>();
	/** The streams closing, when a switch between recorded and live runs closed them. */
	#closing: Promise<unknown> = Promise.resolve();
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

	/** The run `npm run record` records: every panel once, the note's events awaited. */
	protected override async playRecordedRun() {
		await this.#closing;
		const text = this.getPart<HTMLInputElement>('note-text');
		// The recorded note, whatever was typed: its event is matched to its create by its text.
		text.value = text.defaultValue;
		await this.#subscribe();
		await this.#addUser();
		const [seen, delivered] = [this.#seen.size, this.#users.deliveries];
		await this.#create();
		const wanted = delivered + this.#users.count;
		await until(() => this.#seen.size > seen && this.#users.deliveries >= wanted, 5000);
		await this.#cross();
	}

	/** Closes every stream and forgets what they brought, so recorded and live runs never mix. */
	protected override clearResults() {
		this.#closeStreams();
		this.#seen.clear();
		this.#delays = new CreateDelays();
		super.clearResults();
	}

	#closeStreams() {
		this.#stream.state = { kind: 'off' };
		const reader = directClient().then((pb) => pb.realtime.unsubscribe());
		this.#closing = Promise.all([this.#users.closeAll(), reader]);
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
		this.getPart('recovery').hidden = true;
		this.#stream.connecting();
		try {
			const pb = await signedInClient();
			pb.realtime.onDisconnect = (subscriptions) => {
				if (subscriptions.length > 0) this.#stream.interrupted();
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
		this.#closeStreams();
		const text = hostMovedText(true);
		this.showProblem(this.#failureBox('stream'), text.title, text.advice);
	}

	/** Every PB_CONNECT: the first connection, or the SDK's reconnect after a stop. */
	async #connected(pb: PocketBase) {
		if (this.#stream.state.kind === 'off') return; // closed by signInChanged(), ignore
		const down = this.#stream.connected(pb.realtime.clientId);
		if (!down) return;
		const { lines, text } = await recoverMissed(pb, down, this.#seen);
		for (const line of lines) this.getPart('events').prepend(item(line));
		const recovery = this.getPart('recovery');
		recovery.textContent = text;
		recovery.hidden = false;
	}

	#received(event: { action: string; record: Note }) {
		const text = event.record.text ?? '';
		const delay = this.#delays.arrived(event.action, text);
		this.#seen.add(event.record.id);
		const line = eventLine(event.action, text, delay, this.showingRecording);
		this.getPart('events').prepend(item(line));
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
			const subscribed = this.#stream.state.kind !== 'off';
			const recorded = this.showingRecording;
			this.getPart('write-result').textContent = createdText(call.measuredMs, subscribed, recorded);
		} catch (error) {
			await this.showFailure(box, error);
		}
	}

	async #addUser() {
		const box = this.#failureBox('server');
		if (this.#users.count >= maxSimulatedUsers) return this.showProblem(box, tooManyUsers, '');
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
		} catch (error) {
			await this.showFailure(box, error);
		}
	}
}

const item = (text: string) => Object.assign(document.createElement('li'), { textContent: text });

customElements.define('realtime-streams', RealtimeStreams);
