/**
 * <whoami-demo>: asks PocketBase who is calling, straight from the browser and through the
 * simulated server, and shows both answers side by side (words from whoami-view.ts).
 */
import { onAction } from '../demo-kit/actions';
import {
	connection,
	directClient,
	reportFailure,
	reportResponse,
	signedInEmail,
	signInThrowawayUser,
	startWatching,
} from '../demo-kit/connection';
import { copyLink } from '../demo-kit/copy-link';
import { proxiedCall, simulatedServer } from '../demo-kit/proxied-call';
import { SettingsForm } from '../demo-kit/settings-form';
import { timedCall } from '../demo-kit/timing';
import { canRunDemos } from '~/lib/connection-status';
import { directReplay, findDiagram, proxyReplay } from '~/lib/diagram-replay';
import { describeFailure, toRequestFailure } from '~/lib/request-error';
import { decodeSettings } from '~/lib/url-state';
import {
	announcement,
	describeAddress,
	describeIdentity,
	isWhoamiAnswer,
	segmentLines,
	sessionText,
	timeText,
	urlPrefix,
	whoamiHop,
	whoamiSchema,
} from './whoami-view';

type Path = 'direct' | 'proxy';

class WhoamiDemo extends HTMLElement {
	#form!: SettingsForm<typeof whoamiSchema>;

	connectedCallback() {
		this.#form = new SettingsForm(this.querySelector('form')!, whoamiSchema, urlPrefix);
		this.#form.fill(
			decodeSettings(whoamiSchema, new URLSearchParams(location.search), urlPrefix).value
		);
		this.#form.form.addEventListener('submit', (event) => event.preventDefault());
		this.#form.form.addEventListener('change', () => this.#form.writeUrl(this.#form.read().value));

		onAction(this, 'direct', () => this.#askDirect());
		onAction(this, 'proxy', () => this.#askProxy(this.#form.read().value.forward));
		onAction(this, 'sign-in', () => this.#signIn());
		onAction(this, 'sign-out', () => this.#signOut());
		onAction(this, 'copy-link', () =>
			copyLink(this.#button('copy-link'), this.#form.link(this.#form.read().value, this.id))
		);

		// A demo needs a live status even on a page without the connection panel.
		startWatching();
		connection.subscribe(({ status }) => {
			const ready = canRunDemos(status.state) || status.state === 'rate-limited';
			for (const action of ['direct', 'proxy', 'sign-in']) this.#button(action).disabled = !ready;
		});
		void this.#showSession();
	}

	#button(action: string) {
		return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
	}

	#announce(text: string) {
		this.querySelector<HTMLElement>('[data-announce]')!.textContent = text;
	}

	async #askDirect() {
		const card = this.#card('direct');
		this.#clear(card);
		try {
			const pb = await directClient();
			const call = await timedCall((marked) =>
				pb.send<unknown>('/api/demo/whoami', { requestKey: null, ...marked })
			);
			if (!call.ok) return await this.#showFailure(card, call.error);
			reportResponse(200);
			if (this.#showAnswer(card, call.value, 'direct', call.measuredMs)) {
				void findDiagram(document, 'direct-flow')?.replay(directReplay(call.measuredMs));
			}
		} catch (error) {
			// The SDK itself did not load.
			await this.#showFailure(card, error);
		}
	}

	async #askProxy(forwardSignIn: boolean) {
		const card = this.#card('proxy');
		this.#clear(card);
		let outcome;
		try {
			const [browserPb, server] = await Promise.all([directClient(), simulatedServer()]);
			outcome = await proxiedCall(
				server,
				(pb, marked) => pb.send<unknown>('/api/demo/whoami', { requestKey: null, ...marked }),
				{ hop: whoamiHop().model, forwardAuthFrom: forwardSignIn ? browserPb : undefined }
			);
		} catch (error) {
			return this.#showFailure(card, error);
		}
		if (!outcome.ok) await this.#showFailure(card, outcome.error);
		else {
			reportResponse(200);
			if (this.#showAnswer(card, outcome.value, 'proxy', outcome.totalMs)) {
				void findDiagram(document, 'proxy-flow')?.replay(
					proxyReplay(outcome.totalMs - outcome.measuredMs, outcome.measuredMs)
				);
			}
		}
		const list = card.querySelector<HTMLOListElement>('.segments')!;
		list.replaceChildren(
			...segmentLines(outcome.segments).map(({ kind, text }) => {
				const item = document.createElement('li');
				item.dataset['kind'] = kind;
				item.textContent = text;
				return item;
			})
		);
		list.hidden = false;
	}

	async #signIn() {
		const session = this.querySelector<HTMLElement>('.session-text')!;
		session.textContent = 'Creating a throwaway user…';
		try {
			await signInThrowawayUser();
			reportResponse(200);
		} catch (error) {
			const text = describeFailure(toRequestFailure(error));
			session.textContent = `Could not sign in. ${text.title} ${text.advice}`;
			await reportFailure(error);
			return;
		}
		await this.#showSession();
	}

	async #signOut() {
		(await directClient()).authStore.clear();
		await this.#showSession();
	}

	async #showSession() {
		const email = await signedInEmail();
		const session = this.querySelector<HTMLElement>('.session-text')!;
		session.textContent = sessionText(email);
		this.#button('sign-in').hidden = email !== undefined;
		this.#button('sign-out').hidden = email === undefined;
		this.#announce(session.textContent);
	}

	#card(path: Path) {
		return this.querySelector<HTMLElement>(`[data-path="${path}"]`)!;
	}

	#clear(card: HTMLElement) {
		card.querySelector<HTMLElement>('.failure')!.hidden = true;
		card.setAttribute('aria-busy', 'true');
	}

	/** Shows an answer; false when it was not the whoami route's. */
	#showAnswer(card: HTMLElement, answer: unknown, path: Path, totalMs: number): boolean {
		card.removeAttribute('aria-busy');
		if (!isWhoamiAnswer(answer)) {
			this.#fail(
				card,
				'That server answered, but not like the playground’s whoami route.',
				'Point the demos at the playground (npm run playground) or a deployment of it.'
			);
			return false;
		}
		const set = (field: string, text: string) => {
			card.querySelector<HTMLElement>(`[data-field="${field}"]`)!.textContent = text;
		};
		set('address', describeAddress(answer));
		set('identity', describeIdentity(answer));
		set('time', timeText(totalMs, path));
		card.querySelector<HTMLElement>('.answer')!.hidden = false;
		this.#announce(announcement(answer, path));
		return true;
	}

	async #showFailure(card: HTMLElement, error: unknown) {
		card.removeAttribute('aria-busy');
		const text = describeFailure(toRequestFailure(error));
		this.#fail(card, text.title, text.advice);
		await reportFailure(error);
	}

	#fail(card: HTMLElement, title: string, advice: string) {
		const box = card.querySelector<HTMLElement>('.failure')!;
		const strong = document.createElement('strong');
		strong.textContent = title;
		box.replaceChildren(strong, document.createTextNode(` ${advice}`));
		box.hidden = false;
		this.#announce(`${title} ${advice}`);
	}
}

customElements.define('whoami-demo', WhoamiDemo);
