/**
 * <hook-routes>: calls each playground hook route from the browser, and has the simulated
 * server do the same job with PocketBase calls one after another (hook-routes-server.ts; words
 * from hook-routes-view.ts).
 */
import { onClick } from '../demo-kit/actions';
import {
	directClient,
	reportFailure,
	reportResponse,
	signedInClient,
	signedInEmail,
} from '../demo-kit/connection';
import { DemoElement } from '../demo-kit/demo-element';
import { simulatedServer } from '../demo-kit/proxied-call';
import { timedCall } from '../demo-kit/timing';
import { describeFailure, toRequestFailure } from '~/lib/request-error';
import { RouteRefusal, serverRoute } from './hook-routes-server';
import {
	answerLines,
	comparison,
	directTimeText,
	failureText,
	hookHop,
	hookRequest,
	proxyTimeText,
	routeOrder,
	routes,
	sessionText,
	signInFailedTitle,
	type RouteId,
} from './hook-routes-view';

type Side = 'direct' | 'proxy';

class HookRoutes extends DemoElement {
	#times: Partial<Record<RouteId, Partial<Record<Side, number>>>> = {};

	protected options() {
		return {};
	}

	protected start() {
		for (const id of routeOrder) {
			const section = this.#section(id);
			section.querySelector('form')!.addEventListener('submit', (event) => event.preventDefault());
			// Each route has its own pair of buttons, so they are bound within its section.
			onClick(section.querySelector('[data-action="direct"]')!, () => this.#direct(id));
			onClick(section.querySelector('[data-action="proxy"]')!, () => this.#proxy(id));
		}
		this.onAction('sign-in', () => this.#signIn());
		void this.#showSession();
	}

	#section(id: RouteId) {
		return this.querySelector<HTMLElement>(`[data-route="${id}"]`)!;
	}

	/** The reader's input to a route: its section's one field. */
	#input(id: RouteId) {
		return this.#section(id).querySelector('input')!;
	}

	protected override signInChanged() {
		void this.#showSession();
	}

	protected override async playRecordedRun() {
		await this.#signIn();
		for (const id of routeOrder) {
			await this.#direct(id);
			await this.#proxy(id);
		}
	}

	async #showSession() {
		this.getPart('session').textContent = sessionText(await signedInEmail());
	}

	async #signIn() {
		const box = this.getPart('session-failure');
		box.hidden = true;
		try {
			const pb = await signedInClient();
			const note = await pb
				.collection('notes')
				.create(
					{ text: 'A note for the hook routes demo', owner: pb.authStore.record?.id },
					{ requestKey: null }
				);
			this.#input('summary').value = note.id;
			reportResponse(200);
		} catch (error) {
			const text = describeFailure(toRequestFailure(error));
			this.showProblem(box, signInFailedTitle(text.title), text.advice);
			await reportFailure(error);
		}
		await this.#showSession();
	}

	async #direct(id: RouteId) {
		const side = this.#begin(id, 'direct');
		try {
			const pb = await directClient();
			const { path, options } = hookRequest(id, this.#input(id).value);
			const call = await timedCall((marked) =>
				pb.send<unknown>(path, {
					...options,
					requestKey: null,
					query: { ...options.query, ...marked.query },
				})
			);
			if (!call.ok) return await this.#fail(id, side, call.error);
			reportResponse(200);
			this.#show(side, answerLines(id, call.value), directTimeText(call.measuredMs));
			this.#time(id, 'direct', call.measuredMs);
		} catch (error) {
			await this.#fail(id, side, error);
		}
	}

	async #proxy(id: RouteId) {
		const side = this.#begin(id, 'proxy');
		const limit = this.getPart('limit', side);
		limit.hidden = true;
		try {
			const [reader, server] = await Promise.all([directClient(), simulatedServer()]);
			const hop = hookHop(routes[id].serverCalls.length);
			const run = await serverRoute(id, this.#input(id).value, { server, reader, hop });
			reportResponse(200);
			this.#show(side, run.lines, proxyTimeText(run.hopMs, run.callMs));
			limit.hidden = false;
			this.#time(id, 'proxy', run.totalMs);
		} catch (error) {
			await this.#fail(id, side, error);
		}
	}

	/** The route's side, cleared of its last answer. */
	#begin(id: RouteId, side: Side) {
		const box = this.#section(id).querySelector<HTMLElement>(`[data-side="${side}"]`)!;
		this.getPart('failure', box).hidden = true;
		this.getPart('lines', box).replaceChildren();
		this.getPart('time', box).textContent = '';
		return box;
	}

	#show(side: HTMLElement, lines: string[], time: string) {
		this.getPart('lines', side).replaceChildren(
			...lines.map((line) => {
				const item = document.createElement('li');
				item.textContent = line;
				return item;
			})
		);
		this.getPart('time', side).textContent = time;
	}

	#time(id: RouteId, side: Side, ms: number) {
		const times = (this.#times[id] ??= {});
		times[side] = ms;
		this.getPart('comparison', this.#section(id)).textContent = comparison(
			times.direct,
			times.proxy
		);
	}

	async #fail(id: RouteId, side: HTMLElement, error: unknown) {
		// A failed call has no time to compare.
		delete this.#times[id]?.[side.dataset['side'] as Side];
		this.getPart('comparison', this.#section(id)).textContent = '';
		const refused = error instanceof RouteRefusal;
		const text = failureText(toRequestFailure(error), refused);
		this.showProblem(this.getPart('failure', side), text.title, text.advice);
		if (!refused) await reportFailure(error);
	}
}

customElements.define('hook-routes', HookRoutes);
