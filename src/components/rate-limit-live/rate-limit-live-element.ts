/**
 * <rate-limit-live>: real sign-in attempts against the real limiter, from the reader's browser
 * directly and through the simulated server (rate-limit-live-attempts.ts), each answer shown
 * next to the model's prediction (words from rate-limit-live-view.ts).
 */
import { DemoElement } from '../demo-kit/demo-element';
import { simulatedServer } from '../demo-kit/proxied-call';
import { describeFailure, toRequestFailure } from '~/lib/request-error';
import { firstLetThrough, sendAttempt } from './rate-limit-live-attempts';
import {
	attemptRows,
	authWindowSeconds,
	directSummary,
	disagreement,
	isPocketBase429,
	liveSchema,
	maxBurst,
	Predictor,
	reopenAfter,
	responseLines,
	rowCells,
	serverSchedule,
	serverSummary,
	waitingText,
	type Attempt,
} from './rate-limit-live-view';

type Path = Attempt['path'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class RateLimitLive extends DemoElement<typeof liveSchema> {
	#predictor = new Predictor();

	protected options() {
		return { settings: { schema: liveSchema } };
	}

	protected start() {
		// The field shows the value a run will use (in bounds) as soon as it is changed.
		this.settingsForm.form.addEventListener('change', () =>
			this.settingsForm.fill(this.settings())
		);
		this.onAction('direct', () => this.#runDirect());
		this.onAction('server', () => this.#runServer(this.settings().users));
	}

	#panel(path: Path) {
		return this.querySelector<HTMLElement>(`[data-path="${path}"]`)!;
	}

	#showRows(path: Path, attempts: Attempt[], predictions: boolean[]) {
		const panel = this.#panel(path);
		const rows = attemptRows(attempts, predictions);
		panel.querySelector('tbody')!.replaceChildren(
			...rows.map((row) => {
				const tr = document.createElement('tr');
				tr.dataset['agrees'] = String(row.agrees);
				for (const [i, text] of rowCells(row).entries()) {
					const cell = document.createElement(i === 0 ? 'th' : 'td');
					if (i === 0) cell.setAttribute('scope', 'row');
					cell.textContent = text;
					tr.append(cell);
				}
				return tr;
			})
		);
		this.getPart('results', panel).hidden = attempts.length === 0;
		const note = this.getPart('differs', panel);
		const text = disagreement(rows, path);
		note.textContent = text ?? '';
		note.hidden = !text;
	}

	/** Shows why a run could not start; `sendAttempt` has already told the connection. */
	#fail(path: Path, error: unknown) {
		const { title, advice } = describeFailure(toRequestFailure(error));
		this.showProblem(this.getPart('failure', this.#panel(path)), title, advice);
	}

	#reset(path: Path) {
		const panel = this.#panel(path);
		this.getPart('failure', panel).hidden = true;
		this.getPart('summary', panel).textContent = '';
		if (path === 'direct') {
			this.getPart('response', panel).hidden = true;
			this.getPart('reopen', panel).textContent = '';
		}
	}

	protected override async playRecordedRun() {
		await this.#runDirect();
		await this.#runServer(this.settings().users);
	}

	async #runDirect() {
		this.#reset('direct');
		const panel = this.#panel('direct');
		const attempts: Attempt[] = [];
		const predictions: boolean[] = [];
		let windowOpensAt = 0;
		for (let i = 0; i < maxBurst; i++) {
			const { attempt, error } = await sendAttempt('you');
			if (attempt.status === 0) return this.#fail('direct', error);
			const predicted = this.#predictor.predict('direct', attempt.sentAt);
			attempts.push(attempt);
			predictions.push(predicted.allowed);
			windowOpensAt = (predicted.windowStart + authWindowSeconds) * 1000;
			this.#showRows('direct', attempts, predictions);
			if (attempt.status === 429) break;
		}
		this.getPart('summary', panel).textContent = directSummary(attempts);
		const refused = attempts.find((a) => a.status === 429);
		if (!refused) return;
		const response = this.getPart('response', panel);
		response.querySelector('pre')!.textContent = responseLines(refused).join('\n');
		response.dataset['exact'] = String(isPocketBase429(refused));
		response.hidden = false;

		// The window reopening, measured.
		const reopen = this.getPart('reopen', panel);
		reopen.textContent = waitingText;
		const measuredAt = await firstLetThrough((sentAt) => this.#predictor.predict('direct', sentAt));
		reopen.textContent = reopenAfter(attempts[0]!, windowOpensAt, measuredAt);
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
			return sendAttempt(who, server);
		});
		const results = await Promise.all(runs);
		const attempts = results.map((r) => r.attempt).sort((a, b) => a.sentAt - b.sentAt);
		if (attempts.every((a) => a.status === 0)) return this.#fail('server', results[0]?.error);
		const predictions = attempts.map((a) => this.#predictor.predict('server', a.sentAt).allowed);
		this.#showRows('server', attempts, predictions);
		this.getPart('summary', this.#panel('server')).textContent = serverSummary(attempts);
		this.setAttribute('data-server', 'done');
	}
}

customElements.define('rate-limit-live', RateLimitLive);
