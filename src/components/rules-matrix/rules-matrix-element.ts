/**
 * <rules-matrix>: runs the matrix's real requests (rules-matrix-requests.ts) and shows each
 * answer in its cell (plan and words from rules-matrix-view.ts).
 */
import { reportFailure, reportResponse } from '../demo-kit/connection';
import { DemoElement } from '../demo-kit/demo-element';
import type { Rules } from '~/lib/migration-rules';
import { describeFailure, toRequestFailure } from '~/lib/request-error';
import { matrixClients, runStep, type MatrixClients } from './rules-matrix-requests';
import {
	cellId,
	cellText,
	matrixPlan,
	pendingCell,
	progressText,
	requestLine,
	usersFailedTitle,
	walkthrough,
	type MatrixCollection,
	type StepResult,
} from './rules-matrix-view';

class RulesMatrix extends DemoElement {
	#rules: Partial<Record<MatrixCollection, Rules>> = {};

	protected options() {
		return {};
	}

	protected start() {
		this.#rules = JSON.parse(this.dataset['rules'] ?? '{}') as Partial<
			Record<MatrixCollection, Rules>
		>;
		this.onAction('run', () => this.#run());
	}

	#progress(text: string) {
		this.getPart('progress').textContent = text;
	}

	protected override playRecordedRun() {
		return this.#run();
	}

	async #run() {
		const failure = this.getPart('failure');
		failure.hidden = true;
		this.getPart('walkthrough').hidden = true;
		for (const cell of this.querySelectorAll<HTMLElement>('[data-cell]')) {
			this.#fill(cell, pendingCell);
		}
		let clients: MatrixClients;
		try {
			this.#progress(progressText.creatingUsers);
			clients = await matrixClients();
			reportResponse(200);
		} catch (error) {
			const text = describeFailure(toRequestFailure(error));
			this.showProblem(failure, usersFailedTitle(text.title), text.advice);
			this.#progress('');
			await reportFailure(error);
			return;
		}
		const results = new Map<string, StepResult>();
		const ids = { note: 'missing', article: 'missing' };
		const plan = matrixPlan();
		for (const [index, step] of plan.entries()) {
			this.#progress(progressText.request(index, plan.length));
			const result = await runStep(step, clients, ids);
			results.set(cellId(step), result);
			const cell = this.querySelector<HTMLElement>(`[data-cell="${cellId(step)}"]`)!;
			this.#fill(cell, cellText(step, result));
			const request = this.querySelector<HTMLElement>(`[data-request="${cellId(step)}"]`)!;
			this.getPart('http', request).textContent = requestLine(result);
		}
		this.#progress(progressText.done(plan.length));
		const walk = this.getPart('walkthrough');
		this.getPart('walkthrough-lines', walk).replaceChildren(
			...walkthrough(results, this.#rules).map((line) => {
				const item = document.createElement('li');
				item.textContent = line;
				return item;
			})
		);
		walk.hidden = false;
	}

	#fill(cell: HTMLElement, text: { status: string; meaning: string; tone: string }) {
		cell.dataset['tone'] = text.tone;
		this.getPart('status', cell).textContent = text.status;
		this.getPart('meaning', cell).textContent = text.meaning;
	}
}

customElements.define('rules-matrix', RulesMatrix);
