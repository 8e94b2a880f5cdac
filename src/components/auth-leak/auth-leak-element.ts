/**
 * <auth-leak>: two throwaway users, Alice and Bob, sign in through the simulated
 * server; then both page views run the SDK's cookie flow on it, interleaved by the script in
 * src/lib/shared-instance-leak.ts, with one shared SDK instance or one per request. Also: two
 * parallel requests on one shared instance, and the SDK's auto-cancellation. The flows are in
 * auth-leak-flows.ts, the words in auth-leak-view.ts.
 */
import { reportFailure, reportResponse } from '../demo-kit/connection';
import { DemoElement } from '../demo-kit/demo-element';
import { findDiagram } from '~/lib/diagram-replay';
import { describeFailure, toRequestFailure } from '~/lib/request-error';
import { visitorNames } from '~/lib/shared-instance-leak';
import { createVisitors, runPageViews, sendTwoAtOnce, type Visitors } from './auth-leak-flows';
import {
	cancelLines,
	cancelVerdict,
	leakReplay,
	leakSchema,
	stepAnnouncement,
	stepRows,
	verdict,
	visitorsText,
	type CancelResult,
	type StepRow,
} from './auth-leak-view';

class AuthLeak extends DemoElement<typeof leakSchema> {
	#visitors: Visitors | undefined;
	#rows: StepRow[] = [];
	#current = 0;

	protected options() {
		return { settings: { schema: leakSchema } };
	}

	protected start() {
		this.onAction('setup', () => this.#setUp());
		this.onAction('run', () => this.#run());
		this.onAction('cancel', () => this.#cancelExperiment());
		this.onAction('previous', () => this.#showStep(this.#current - 1));
		this.onAction('next', () => this.#showStep(this.#current + 1));
	}

	protected override needsPocketBase(action: string) {
		return !['copy-link', 'previous', 'next'].includes(action);
	}

	protected override readinessChanged() {
		// Running needs Alice and Bob first.
		this.refreshControls((action) => action !== 'run' || this.#visitors !== undefined);
	}

	protected override async playRecordedRun() {
		await this.#setUp();
		await this.#run();
	}

	protected override clearResults() {
		super.clearResults();
		this.#visitors = undefined;
		this.readinessChanged();
	}

	/** Shows a failure with what the demo was doing when it happened. */
	async #fail(part: string, error: unknown, context: string) {
		const text = describeFailure(toRequestFailure(error));
		this.showProblem(this.getPart(part), `${context} ${text.title}`, text.advice);
		await reportFailure(error);
	}

	async #setUp() {
		this.getPart('setup-failure').hidden = true;
		const visitors = this.getPart('visitors');
		visitors.textContent = 'Creating Alice and Bob through the simulated server…';
		try {
			this.#visitors = await createVisitors();
			reportResponse(200);
		} catch (error) {
			visitors.textContent = '';
			return this.#fail('setup-failure', error, 'Could not create Alice and Bob.');
		}
		visitors.textContent = visitorsText(this.#visitors.notes, this.#visitors.emails);
		this.readinessChanged();
	}

	async #run() {
		const visitors = this.#visitors;
		if (!visitors) return;
		this.getPart('run-failure').hidden = true;
		const { perRequest } = this.settings();
		let run;
		try {
			run = await runPageViews(visitors, perRequest);
		} catch (error) {
			return this.#fail('run-failure', error, 'The page views could not run.');
		}
		this.#rows = stepRows(run, visitors.notes);
		const result = verdict(run, visitors.notes, perRequest);
		const box = this.getPart('verdict');
		box.textContent = result.text;
		box.dataset['leaked'] = String(result.leaked);
		box.hidden = false;
		this.#renderSteps();
		this.#showStep(this.#rows.length - 1);
		this.announce(result.text);
		const failed = run.failed;
		if (failed?.call?.error) {
			const context = `${visitorNames[failed.visitor]}’s call failed.`;
			await this.#fail('run-failure', failed.call.error, context);
		} else reportResponse(200);
		// The diagram tells the shared instance's story; a per-request run does not match it.
		if (!perRequest && !failed) {
			void findDiagram(document, 'shared-instance-leak')?.replay(leakReplay(run));
		}
	}

	#renderSteps() {
		this.getPart('steps').replaceChildren(
			...this.#rows.map((row) => {
				const item = document.createElement('li');
				item.dataset['leak'] = String(row.leak);
				const head = document.createElement('p');
				const who = document.createElement('strong');
				who.textContent = `${row.visitor}’s request`;
				const code = document.createElement('code');
				code.textContent = row.code;
				head.append(who, ' ', code);
				const store = document.createElement('p');
				store.textContent = row.store;
				store.className = 'store';
				const result = document.createElement('p');
				result.className = 'result';
				result.textContent = row.leak ? `Leak: ${row.result}` : row.result;
				item.append(head, store, result);
				return item;
			})
		);
		this.getPart('stepper').hidden = false;
	}

	#showStep(index: number) {
		if (this.#rows.length === 0) return;
		this.#current = Math.max(0, Math.min(this.#rows.length - 1, index));
		this.getPart('steps')
			.querySelectorAll('li')
			.forEach((item, n) => {
				if (n === this.#current) item.setAttribute('aria-current', 'step');
				else item.removeAttribute('aria-current');
				item.hidden = n > this.#current;
			});
		this.button('previous').disabled = this.#current === 0;
		this.button('next').disabled = this.#current === this.#rows.length - 1;
		const row = this.#rows[this.#current]!;
		this.getPart('step-status').textContent = `Step ${row.step} of ${this.#rows.length}`;
		this.announce(stepAnnouncement(row, this.#rows.length));
	}

	async #cancelExperiment() {
		this.getPart('cancel-failure').hidden = true;
		const { cancelFix } = this.settings();
		let results: CancelResult[];
		try {
			results = await sendTwoAtOnce(cancelFix);
		} catch (error) {
			return this.#fail('cancel-failure', error, 'The requests could not be sent.');
		}
		const list = this.getPart('cancel-lines');
		list.replaceChildren(
			...cancelLines(results).map(({ ok, text }) => {
				const item = document.createElement('li');
				item.dataset['ok'] = String(ok);
				item.textContent = text;
				return item;
			})
		);
		list.hidden = false;
		const text = cancelVerdict(results, cancelFix);
		this.getPart('cancel-verdict').textContent = text;
		this.announce(text);
		const other = results.find((r) => !r.ok && !r.isAbort);
		if (other) {
			const error = { status: other.status, message: other.message };
			await this.#fail('cancel-failure', error, 'A request failed.');
		} else reportResponse(200);
	}
}

customElements.define('auth-leak', AuthLeak);
