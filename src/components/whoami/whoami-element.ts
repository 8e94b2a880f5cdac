/**
 * <who-am-i>: asks PocketBase who is calling, straight from the browser and through the
 * simulated server, and shows both answers side by side (words from whoami-view.ts).
 */
import {
	directClient,
	reportResponse,
	signedInEmail,
	signInFromButton,
} from '../demo-kit/connection';
import { DemoElement } from '../demo-kit/demo-element';
import { proxiedCall, simulatedServer } from '../demo-kit/proxied-call';
import { timedCall } from '../demo-kit/timing';
import { directReplay, findDiagram, proxyReplay } from '~/lib/diagram-replay';
import {
	announcement,
	describeAddress,
	describeIdentity,
	isWhoamiAnswer,
	notWhoami,
	segmentLines,
	sessionText,
	timeText,
	whoamiHop,
	whoamiSchema,
} from './whoami-view';

type Path = 'direct' | 'proxy';

class Whoami extends DemoElement<typeof whoamiSchema> {
	protected options() {
		return { settings: { schema: whoamiSchema } };
	}

	protected start() {
		this.onAction('direct', () => this.#askDirect());
		this.onAction('proxy', () => this.#askProxy(this.settings().forward));
		this.onAction('sign-in', () => this.#signIn());
		this.onAction('sign-out', () => this.#signOut());
		void this.#showSession();
	}

	protected override needsPocketBase(action: string) {
		return action !== 'copy-link' && action !== 'sign-out';
	}

	protected override async playRecordedRun() {
		await this.#askDirect();
		await this.#askProxy(this.settings().forward);
	}

	async #askDirect() {
		const card = this.#begin('direct');
		try {
			const pb = await directClient();
			const call = await timedCall((marked) =>
				pb.send<unknown>('/api/demo/whoami', { requestKey: null, ...marked })
			);
			if (!call.ok) return await this.#fail(card, call.error);
			reportResponse(200);
			if (this.#showAnswer(card, call.value, 'direct', call.measuredMs)) {
				void findDiagram(document, 'direct-flow')?.replay(directReplay(call.measuredMs));
			}
		} catch (error) {
			// The SDK itself did not load.
			await this.#fail(card, error);
		}
	}

	async #askProxy(forwardSignIn: boolean) {
		const card = this.#begin('proxy');
		let outcome;
		try {
			const [browserPb, server] = await Promise.all([directClient(), simulatedServer()]);
			outcome = await proxiedCall(
				server,
				(pb, marked) => pb.send<unknown>('/api/demo/whoami', { requestKey: null, ...marked }),
				{ hop: whoamiHop().model, forwardAuthFrom: forwardSignIn ? browserPb : undefined }
			);
		} catch (error) {
			return this.#fail(card, error);
		}
		if (!outcome.ok) await this.#fail(card, outcome.error);
		else {
			reportResponse(200);
			if (this.#showAnswer(card, outcome.value, 'proxy', outcome.totalMs)) {
				void findDiagram(document, 'proxy-flow')?.replay(
					proxyReplay(outcome.totalMs - outcome.measuredMs, outcome.measuredMs)
				);
			}
		}
		const list = this.getPart<HTMLOListElement>('segments', card);
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
		const session = this.getPart('session');
		session.textContent = 'Creating a throwaway user…';
		const signIn = await signInFromButton();
		if (!signIn.ok) {
			session.textContent = `Could not sign in. ${signIn.text.title} ${signIn.text.advice}`;
			return;
		}
		await this.#showSession();
	}

	async #signOut() {
		(await directClient()).authStore.clear();
		await this.#showSession();
	}

	protected override signInChanged() {
		void this.#showSession();
	}

	async #showSession() {
		const email = await signedInEmail();
		const text = sessionText(email);
		this.getPart('session').textContent = text;
		this.button('sign-in').hidden = email !== undefined;
		this.button('sign-out').hidden = email === undefined;
		this.announce(text);
	}

	/** The path's card, cleared and busy. */
	#begin(path: Path) {
		const card = this.querySelector<HTMLElement>(`[data-path="${path}"]`)!;
		this.getPart('failure', card).hidden = true;
		card.setAttribute('aria-busy', 'true');
		return card;
	}

	async #fail(card: HTMLElement, error: unknown) {
		card.removeAttribute('aria-busy');
		await this.showFailure(this.getPart('failure', card), error);
	}

	/** Shows an answer; false when it was not the whoami route's. */
	#showAnswer(card: HTMLElement, answer: unknown, path: Path, totalMs: number): boolean {
		card.removeAttribute('aria-busy');
		if (!isWhoamiAnswer(answer)) {
			this.showProblem(this.getPart('failure', card), notWhoami.title, notWhoami.advice);
			return false;
		}
		const set = (field: string, text: string) => {
			card.querySelector<HTMLElement>(`[data-field="${field}"]`)!.textContent = text;
		};
		set('address', describeAddress(answer));
		set('identity', describeIdentity(answer));
		set('time', timeText(totalMs, path));
		this.getPart('answer', card).hidden = false;
		this.announce(announcement(answer, path));
		return true;
	}
}

customElements.define('who-am-i', Whoami);
