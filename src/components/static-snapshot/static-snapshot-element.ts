/**
 * <static-snapshot>: reads the articles live beside the list the page was built with, and lets
 * the reader change their own copy of one (words from static-snapshot-view.ts).
 */
import {
	connection,
	directClient,
	reportFailure,
	reportResponse,
	signedInEmail,
	signInThrowawayUser,
	startWatching,
} from '../demo-kit/connection';
import { timedCall } from '../demo-kit/timing';
import { diffArticles, type ArticleRow } from '~/lib/articles-snapshot';
import { canRunDemos } from '~/lib/connection-status';
import { describeFailure, toRequestFailure } from '~/lib/request-error';
import { diffText, liveLabel, overlayCopies, type CopyRow } from './static-snapshot-view';

class StaticSnapshot extends HTMLElement {
	#built: ArticleRow[] = [];

	connectedCallback() {
		this.#built = JSON.parse(this.dataset['built'] ?? '[]') as ArticleRow[];
		const form = this.querySelector('form')!;
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			this.#busy('copy', () => this.#copy());
		});
		this.querySelector('[data-action="read"]')!.addEventListener('click', () =>
			this.#busy('read', () => this.#read())
		);
		startWatching();
		connection.subscribe(({ status }) => {
			const ready = canRunDemos(status.state) || status.state === 'rate-limited';
			for (const button of this.querySelectorAll<HTMLButtonElement>('[data-action]')) {
				button.disabled = !ready;
			}
		});
	}

	#busy(action: string, handler: () => Promise<void>) {
		const button = this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
		if (button.getAttribute('aria-busy') === 'true') return;
		button.setAttribute('aria-busy', 'true');
		void handler().finally(() => button.removeAttribute('aria-busy'));
	}

	async #fail(error: unknown) {
		const text = describeFailure(toRequestFailure(error));
		const box = this.querySelector<HTMLElement>('.failure')!;
		box.textContent = `${text.title} ${text.advice}`;
		box.hidden = false;
		await reportFailure(error);
	}

	async #read() {
		this.querySelector<HTMLElement>('.failure')!.hidden = true;
		try {
			const pb = await directClient();
			const readAt = new Date().toISOString();
			const call = await timedCall((marked) =>
				pb.collection('articles').getFullList<ArticleRow>({
					sort: 'slug',
					fields: 'slug,title,summary',
					requestKey: null,
					...marked,
				})
			);
			if (!call.ok) return await this.#fail(call.error);
			// The reader's own copies, which the rules let only them see.
			const copies =
				(await signedInEmail()) === undefined
					? []
					: await pb.collection('article_copies').getFullList<CopyRow>({ requestKey: null });
			reportResponse(200);
			const live = overlayCopies(call.value, copies);
			this.querySelector('.live-label')!.textContent = liveLabel(
				readAt,
				call.measuredMs,
				copies.length
			);
			const bySlug = new Map(live.map((row) => [row.slug, row]));
			const builtBySlug = new Map(this.#built.map((row) => [row.slug, row]));
			for (const tr of this.querySelectorAll<HTMLElement>('tbody tr')) {
				const slug = tr.dataset['slug']!;
				const row = bySlug.get(slug);
				const built = builtBySlug.get(slug);
				tr.querySelector('.live')!.textContent = row ? row.title : '(not there live)';
				tr.dataset['differs'] = String(
					!row || row.title !== built?.title || row.summary !== built?.summary
				);
				tr.dataset['yours'] = String(row?.yours === true);
			}
			this.querySelector('.diff')!.textContent = diffText(diffArticles(this.#built, live));
		} catch (error) {
			await this.#fail(error);
		}
	}

	async #copy() {
		this.querySelector<HTMLElement>('.failure')!.hidden = true;
		const result = this.querySelector('.copy-result')!;
		try {
			const pb = await directClient();
			if ((await signedInEmail()) === undefined) await signInThrowawayUser();
			const copy = await pb.send<CopyRow>('/api/demo/article-copies', {
				method: 'POST',
				body: { slug: this.dataset['target'] ?? '' },
				requestKey: null,
			});
			const title = this.querySelector<HTMLInputElement>('[name="title"]')!.value;
			await pb.collection('article_copies').update(copy.id, { title }, { requestKey: null });
			await this.#read();
			result.textContent = `Your copy of ${copy.slug} now reads “${title}”: the live column shows it, the built column does not.`;
		} catch (error) {
			await this.#fail(error);
		}
	}
}

customElements.define('static-snapshot', StaticSnapshot);
