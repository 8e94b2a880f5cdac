/**
 * <rules-matrix>: runs the matrix's real requests (plan and words from rules-matrix-view.ts)
 * with three clients of their own, so the reader's sign-in is never touched.
 */
import type PocketBase from 'pocketbase';
import {
	connection,
	reportFailure,
	reportResponse,
	separateClient,
	signInThrowawayUser,
	startWatching,
} from '../demo-kit/connection';
import type { Rules } from '~/lib/migration-rules';
import { canRunDemos } from '~/lib/connection-status';
import { describeFailure, toRequestFailure } from '~/lib/request-error';
import {
	cellId,
	cellText,
	matrixPlan,
	walkthrough,
	type MatrixCollection,
	type MatrixStep,
	type StepResult,
	type Who,
} from './rules-matrix-view';

interface Seen {
	method: string;
	url: string;
	status: number;
}

/** Records the method, URL and real status of every request a client sends. */
function watch(pb: PocketBase): () => Seen {
	let seen: Seen = { method: '', url: '', status: 0 };
	pb.beforeSend = (url, options) => {
		seen = { method: options.method ?? 'GET', url, status: 0 };
		return { url, options };
	};
	pb.afterSend = (response, data: unknown) => {
		seen.status = response.status;
		return data;
	};
	return () => seen;
}

class RulesMatrix extends HTMLElement {
	#rules: Partial<Record<MatrixCollection, Rules>> = {};

	connectedCallback() {
		this.#rules = JSON.parse(this.dataset['rules'] ?? '{}') as Partial<
			Record<MatrixCollection, Rules>
		>;
		const run = this.querySelector<HTMLButtonElement>('[data-action="run"]')!;
		run.addEventListener('click', () => {
			if (run.getAttribute('aria-busy') === 'true') return;
			run.setAttribute('aria-busy', 'true');
			void this.#run().finally(() => run.removeAttribute('aria-busy'));
		});
		startWatching();
		connection.subscribe(({ status }) => {
			run.disabled = !(canRunDemos(status.state) || status.state === 'rate-limited');
		});
	}

	#progress(text: string) {
		this.querySelector('.progress')!.textContent = text;
	}

	async #run() {
		const failure = this.querySelector<HTMLElement>('.failure')!;
		failure.hidden = true;
		this.querySelector<HTMLElement>('.walkthrough')!.hidden = true;
		for (const cell of this.querySelectorAll<HTMLElement>('[data-cell]')) {
			this.#fill(cell, { status: '…', meaning: 'waiting', tone: 'pending' });
		}
		const results = new Map<string, StepResult>();
		let clients: Record<Who, { pb: PocketBase; seen: () => Seen }>;
		try {
			this.#progress('Creating users A and B…');
			const made = await Promise.all([separateClient(), separateClient(), separateClient()]);
			clients = {
				guest: { pb: made[0], seen: watch(made[0]) },
				a: { pb: made[1], seen: watch(made[1]) },
				b: { pb: made[2], seen: watch(made[2]) },
			};
			await signInThrowawayUser(clients.a.pb);
			await signInThrowawayUser(clients.b.pb);
			reportResponse(200);
		} catch (error) {
			const text = describeFailure(toRequestFailure(error));
			failure.textContent = `Could not create the demo users. ${text.title} ${text.advice}`;
			failure.hidden = false;
			this.#progress('');
			await reportFailure(error);
			return;
		}
		const ids = { note: 'missing', article: 'missing' };
		const plan = matrixPlan();
		for (const [index, step] of plan.entries()) {
			this.#progress(`Request ${index + 1} of ${plan.length}…`);
			const client = clients[step.who];
			const result = await this.#send(step, client.pb, clients.a.pb, ids);
			const seen = client.seen();
			const full: StepResult = {
				...result,
				method: seen.method,
				url: seen.url,
				status: seen.status || result.status,
			};
			results.set(cellId(step), full);
			this.#show(step, full);
		}
		this.#progress(`Done: ${plan.length} answers from PocketBase.`);
		const list = this.querySelector('.walkthrough ul')!;
		list.replaceChildren(
			...walkthrough(results, this.#rules).map((line) => {
				const item = document.createElement('li');
				item.textContent = line;
				return item;
			})
		);
		this.querySelector<HTMLElement>('.walkthrough')!.hidden = false;
	}

	/** Makes one step's SDK call; never rejects. */
	async #send(
		step: MatrixStep,
		pb: PocketBase,
		userA: PocketBase,
		ids: { note: string; article: string }
	): Promise<Pick<StepResult, 'status' | 'count' | 'message'>> {
		const records = pb.collection(step.collection);
		const options = { requestKey: null };
		const id = step.collection === 'notes' ? ids.note : ids.article;
		const ownerA = userA.authStore.record?.id ?? '';
		try {
			switch (step.action) {
				case 'list': {
					const page = await records.getList(1, 50, options);
					if (step.collection === 'articles' && page.items[0]) ids.article = page.items[0].id;
					return { status: 200, count: page.totalItems };
				}
				case 'view':
					await records.getOne(id, options);
					return { status: 200 };
				case 'create': {
					const body =
						step.collection === 'notes'
							? { text: `A note made by the rules matrix (${step.who})`, owner: ownerA }
							: { title: 'Matrix article', slug: `matrix-${crypto.randomUUID()}` };
					const created = await records.create(body, options);
					if (step.collection === 'notes' && step.who === 'a') ids.note = created.id;
					return { status: 200 };
				}
				case 'update':
					await records.update(
						id,
						step.collection === 'notes' ? { text: 'Changed by the matrix' } : { title: 'Changed' },
						options
					);
					return { status: 200 };
				case 'delete':
					await records.delete(id, options);
					return { status: 204 };
			}
		} catch (error) {
			const failure = toRequestFailure(error);
			if (failure.status === 0 || failure.status === 429) await reportFailure(error);
			return { status: failure.status, message: failure.message };
		}
	}

	#show(step: MatrixStep, result: StepResult) {
		const cell = this.querySelector<HTMLElement>(`[data-cell="${cellId(step)}"]`)!;
		this.#fill(cell, cellText(step, result));
		const request = this.querySelector<HTMLElement>(`[data-request="${cellId(step)}"] .http`)!;
		const path = result.url ? new URL(result.url).pathname + new URL(result.url).search : '';
		request.textContent = `${result.method} ${path} → ${result.status || 'no answer'}`;
	}

	#fill(cell: HTMLElement, text: { status: string; meaning: string; tone: string }) {
		cell.dataset['tone'] = text.tone;
		cell.querySelector('.status')!.textContent = text.status;
		cell.querySelector('.meaning')!.textContent = text.meaning;
	}
}

customElements.define('rules-matrix', RulesMatrix);
