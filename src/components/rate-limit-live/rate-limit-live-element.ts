/**
 * <rate-limit-live>: real sign-in attempts against the real limiter, from the reader's browser
 * directly and through the simulated server, each answer shown next to the model's prediction
 * (words from rate-limit-live-view.ts).
 */
import { onAction } from '../demo-kit/actions';
import type PocketBase from 'pocketbase';
import { connection, directClient, reportFailure, startWatching } from '../demo-kit/connection';
import { copyLink } from '../demo-kit/copy-link';
import { proxiedCall, simulatedServer } from '../demo-kit/proxied-call';
import { SettingsForm } from '../demo-kit/settings-form';
import { timedCall, type MarkedOptions } from '../demo-kit/timing';
import { canRunDemos } from '~/lib/connection-status';
import { describeFailure, toRequestFailure } from '~/lib/request-error';
import { decodeSettings } from '~/lib/url-state';
import {
	attemptRows,
	authWindowSeconds,
	directSummary,
	disagreement,
	isPocketBase429,
	liveSchema,
	madeUpSignIn,
	maxBurst,
	Predictor,
	reopenText,
	responseLines,
	serverSchedule,
	serverSummary,
	urlPrefix,
	type Attempt,
	type Who,
} from './rate-limit-live-view';

type Path = Attempt['path'];
const signInPath = '/api/collections/users/auth-with-password';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How often the burst asks whether the window has opened again, and for how long at most. */
const pollMs = 200;
const pollForMs = 5000;

/** One sign-in attempt with the SDK, keeping the exact response the browser received. */
async function attempt(
	pb: PocketBase,
	marked: MarkedOptions,
	record: (sentAt: number, answeredAt: number, response: Response, text: string) => void
): Promise<unknown> {
	return pb.send(signInPath, {
		...marked,
		method: 'POST',
		body: madeUpSignIn,
		requestKey: null,
		fetch: async (url: RequestInfo | URL, init?: RequestInit) => {
			const sentAt = Date.now();
			const response = await fetch(url, init);
			const answeredAt = Date.now();
			record(sentAt, answeredAt, response, await response.clone().text());
			return response;
		},
	});
}

class RateLimitLive extends HTMLElement {
	#form!: SettingsForm<typeof liveSchema>;
	#predictor = new Predictor();

	connectedCallback() {
		this.#form = new SettingsForm(this.querySelector('form')!, liveSchema, urlPrefix);
		this.#form.fill(
			decodeSettings(liveSchema, new URLSearchParams(location.search), urlPrefix).value
		);
		this.#form.form.addEventListener('submit', (event) => event.preventDefault());
		this.#form.form.addEventListener('change', () => {
			this.#form.fill(this.#form.read().value);
			this.#form.writeUrl(this.#form.read().value);
		});
		onAction(this, 'direct', () => this.#runDirect());
		onAction(this, 'server', () => this.#runServer(this.#form.read().value.users));
		onAction(this, 'copy-link', () =>
			copyLink(this.#button('copy-link'), this.#form.link(this.#form.read().value, this.id))
		);
		startWatching();
		connection.subscribe(({ status }) => {
			const ready = canRunDemos(status.state) || status.state === 'rate-limited';
			for (const action of ['direct', 'server']) this.#button(action).disabled = !ready;
		});
	}

	#button(action: string) {
		return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
	}

	#panel(path: Path) {
		return this.querySelector<HTMLElement>(`[data-path="${path}"]`)!;
	}

	/** One attempt on `path`; the answer (or its absence) comes back as an Attempt. */
	async #send(path: Path, who: Who, server?: Awaited<ReturnType<typeof simulatedServer>>) {
		let seen: Omit<Attempt, 'who' | 'path'> | undefined;
		const record = (sentAt: number, answeredAt: number, response: Response, text: string) => {
			seen = {
				sentAt,
				answeredAt,
				status: response.status,
				bodyText: text,
				headers: [...response.headers],
			};
		};
		const started = Date.now();
		let error: unknown;
		if (path === 'direct') {
			const pb = await directClient();
			const call = await timedCall((marked) => attempt(pb, marked, record));
			if (!call.ok) error = call.error;
		} else {
			// The hop's latency is not what this demo is about: no modelled delay, only the
			// server's address on every request.
			const outcome = await proxiedCall(server!, (pb, marked) => attempt(pb, marked, record), {
				hop: { addedMs: 0, cold: false },
			});
			if (!outcome.ok) error = outcome.error;
		}
		const result: Attempt = seen
			? { who, path, ...seen }
			: {
					who,
					path,
					sentAt: started,
					answeredAt: Date.now(),
					status: 0,
					bodyText: '',
					headers: [],
				};
		// A 429 is this demo's result, not a broken connection; only no answer at all is reported.
		if (result.status === 0 && error !== undefined) await reportFailure(error);
		return { attempt: result, error };
	}

	#showRows(path: Path, attempts: Attempt[], predictions: boolean[]) {
		const panel = this.#panel(path);
		const rows = attemptRows(attempts, predictions);
		panel.querySelector('tbody')!.replaceChildren(
			...rows.map((row) => {
				const tr = document.createElement('tr');
				tr.dataset['agrees'] = String(row.agrees);
				const model = `${row.predicted}, ${row.agrees ? 'same' : 'differs'}`;
				for (const [i, text] of [row.who, row.at, row.measured, model].entries()) {
					const cell = document.createElement(i === 0 ? 'th' : 'td');
					if (i === 0) cell.setAttribute('scope', 'row');
					cell.textContent = text;
					tr.append(cell);
				}
				return tr;
			})
		);
		panel.querySelector<HTMLElement>('.live-results')!.hidden = attempts.length === 0;
		const note = panel.querySelector<HTMLElement>('[data-differs]')!;
		const text = disagreement(rows, path);
		note.textContent = text ?? '';
		note.hidden = !text;
	}

	#fail(path: Path, error: unknown) {
		const box = this.#panel(path).querySelector<HTMLElement>('.demo-failure')!;
		const failure = describeFailure(toRequestFailure(error));
		box.textContent = `${failure.title} ${failure.advice}`.trim();
		box.hidden = false;
	}

	#reset(path: Path) {
		const panel = this.#panel(path);
		panel.querySelector<HTMLElement>('.demo-failure')!.hidden = true;
		panel.querySelector('[data-summary]')!.textContent = '';
		const response = panel.querySelector<HTMLElement>('[data-response]');
		if (response) response.hidden = true;
		const reopen = panel.querySelector<HTMLElement>('[data-reopen]');
		if (reopen) reopen.textContent = '';
	}

	async #runDirect() {
		this.#reset('direct');
		const panel = this.#panel('direct');
		const attempts: Attempt[] = [];
		const predictions: boolean[] = [];
		let windowOpensAt = 0;
		for (let i = 0; i < maxBurst; i++) {
			const { attempt: a, error } = await this.#send('direct', 'you');
			if (a.status === 0) return this.#fail('direct', error);
			const predicted = this.#predictor.predict('direct', a.sentAt);
			attempts.push(a);
			predictions.push(predicted.allowed);
			windowOpensAt = (predicted.windowStart + authWindowSeconds) * 1000;
			this.#showRows('direct', attempts, predictions);
			if (a.status === 429) break;
		}
		panel.querySelector('[data-summary]')!.textContent = directSummary(attempts);
		const refused = attempts.find((a) => a.status === 429);
		if (!refused) return;
		const response = panel.querySelector<HTMLElement>('[data-response]')!;
		response.querySelector('pre')!.textContent = responseLines(refused).join('\n');
		response.dataset['exact'] = String(isPocketBase429(refused));
		response.hidden = false;

		// Ask again every 0.2 s until PocketBase lets an attempt through: the window reopening,
		// measured. A refused attempt changes nothing in PocketBase's counters.
		const reopen = panel.querySelector('[data-reopen]')!;
		reopen.textContent = 'Waiting for the window to open again…';
		let measuredAt: number | undefined;
		const stopAt = Date.now() + pollForMs;
		while (Date.now() < stopAt) {
			await sleep(pollMs);
			const { attempt: a } = await this.#send('direct', 'you');
			this.#predictor.predict('direct', a.sentAt);
			if (a.status !== 429 && a.status !== 0) {
				measuredAt = a.sentAt;
				break;
			}
		}
		const first = attempts[0]!;
		reopen.textContent = reopenText(first.sentAt, {
			predictedAt: windowOpensAt,
			orOneSecondLater: Math.floor(first.sentAt / 1000) !== Math.floor(first.answeredAt / 1000),
			measuredAt,
		});
		this.setAttribute('data-direct', 'done');
	}

	async #runServer(users: number) {
		this.#reset('server');
		let server;
		try {
			server = await simulatedServer();
		} catch (error) {
			return this.#fail('server', error);
		}
		const started = performance.now();
		const runs = serverSchedule(users).map(async ({ who, delayMs }) => {
			await sleep(delayMs - (performance.now() - started));
			return this.#send('server', who, server);
		});
		const results = await Promise.all(runs);
		const attempts = results.map((r) => r.attempt).sort((a, b) => a.sentAt - b.sentAt);
		if (attempts.every((a) => a.status === 0)) return this.#fail('server', results[0]?.error);
		const predictions = attempts.map((a) => this.#predictor.predict('server', a.sentAt).allowed);
		this.#showRows('server', attempts, predictions);
		this.#panel('server').querySelector('[data-summary]')!.textContent = serverSummary(attempts);
		this.setAttribute('data-server', 'done');
	}
}

customElements.define('rate-limit-live', RateLimitLive);
