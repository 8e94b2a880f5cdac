/**
 * <static-snapshot>: reads the articles live beside the list the page was built with, and lets
 * the reader change their own copy of one (words from static-snapshot-view.ts).
 */
import {
	directClient,
	reportResponse,
	signedInClient,
	signedInEmail,
} from '../demo-kit/connection';
import { DemoElement } from '../demo-kit/demo-element';
import { timedCall } from '../demo-kit/timing';
import { diffArticles, type ArticleRow } from '~/lib/articles-snapshot';
import session from '~/recordings/session.json';
import {
	copyResult,
	diffText,
	liveCells,
	liveLabel,
	overlayCopies,
	type CopyRow,
} from './static-snapshot-view';

class StaticSnapshot extends DemoElement {
	#built: ArticleRow[] = [];

	protected options() {
		return {};
	}

	protected start() {
		this.#built = JSON.parse(this.dataset['built'] ?? '[]') as ArticleRow[];
		// The copy button submits the form, so Enter in the title field makes the copy too.
		this.querySelector('form')!.addEventListener('submit', (event) => event.preventDefault());
		this.onAction('read', () => this.#read());
		this.onAction('copy', () => this.#copy());
	}

	protected override playRecordedRun() {
		return this.#read();
	}

	async #read() {
		const failure = this.getPart('failure');
		failure.hidden = true;
		try {
			const pb = await directClient();
			const recorded = this.showingRecording;
			const readAt = recorded ? session.recordedAt : new Date().toISOString();
			const call = await timedCall((marked) =>
				pb.collection('articles').getFullList<ArticleRow>({
					sort: 'slug',
					fields: 'slug,title,summary',
					requestKey: null,
					...marked,
				})
			);
			if (!call.ok) return await this.showFailure(failure, call.error);
			// The reader's own copies, which the rules let only them see.
			const copies =
				(await signedInEmail()) === undefined
					? []
					: await pb.collection('article_copies').getFullList<CopyRow>({ requestKey: null });
			reportResponse(200);
			const live = overlayCopies(call.value, copies);
			this.getPart('live-label').textContent = liveLabel(
				readAt,
				call.measuredMs,
				copies.length,
				recorded
			);
			const cells = liveCells(this.#built, live);
			for (const tr of this.querySelectorAll<HTMLElement>('tbody tr')) {
				const cell = cells.get(tr.dataset['slug'] ?? '');
				if (!cell) continue;
				this.getPart('live', tr).textContent = cell.text;
				tr.dataset['differs'] = String(cell.differs);
				tr.dataset['yours'] = String(cell.yours);
			}
			this.getPart('diff').textContent = diffText(diffArticles(this.#built, live));
		} catch (error) {
			await this.showFailure(failure, error);
		}
	}

	async #copy() {
		const failure = this.getPart('failure');
		failure.hidden = true;
		try {
			const pb = await signedInClient();
			const copy = await pb.send<CopyRow>('/api/demo/article-copies', {
				method: 'POST',
				body: { slug: this.dataset['target'] ?? '' },
				requestKey: null,
			});
			const title = this.querySelector<HTMLInputElement>('[name="title"]')!.value;
			await pb.collection('article_copies').update(copy.id, { title }, { requestKey: null });
			await this.#read();
			this.getPart('copy-result').textContent = copyResult(copy.slug, title);
		} catch (error) {
			await this.showFailure(failure, error);
		}
	}
}

customElements.define('static-snapshot', StaticSnapshot);
