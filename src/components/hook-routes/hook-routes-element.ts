/**
 * <hook-routes>: calls each playground hook route from the browser, and has the simulated
 * server do the same job with PocketBase calls one after another (words from
 * hook-routes-view.ts).
 */
import { onClick } from '../demo-kit/actions';
import type PocketBase from 'pocketbase';
import {
	connection,
	directClient,
	reportFailure,
	reportResponse,
	signedInEmail,
	signInThrowawayUser,
	startWatching,
} from '../demo-kit/connection';
import { simulatedServer } from '../demo-kit/proxied-call';
import { timedCall } from '../demo-kit/timing';
import { canRunDemos } from '~/lib/connection-status';
import { describeFailure, toRequestFailure } from '~/lib/request-error';
import {
	answerLines,
	checkId,
	checkMinutes,
	checkText,
	comparison,
	directTimeText,
	hookHop,
	minutesAgo,
	proxyTimeText,
	routeOrder,
	routes,
	serverStats,
	type RouteId,
} from './hook-routes-view';

type Side = 'direct' | 'proxy';

/** A failure the server route itself raises before calling PocketBase (its input check). */
class RouteRefusal extends Error {
	readonly status = 400;
	readonly response: { message: string };
	constructor(message: string) {
		super(message);
		this.response = { message };
	}
}

class HookRoutes extends HTMLElement {
	#times: Partial<Record<RouteId, Partial<Record<Side, number>>>> = {};

	connectedCallback() {
		for (const id of routeOrder) {
			const section = this.#section(id);
			section.querySelector('form')!.addEventListener('submit', (event) => event.preventDefault());
			onClick(section.querySelector('[data-action="direct"]')!, () => this.#direct(id));
			onClick(section.querySelector('[data-action="proxy"]')!, () => this.#proxy(id));
		}
		onClick(this.querySelector('[data-action="sign-in"]')!, () => this.#signIn());
		startWatching();
		connection.subscribe(({ status }) => {
			const ready = canRunDemos(status.state) || status.state === 'rate-limited';
			for (const button of this.querySelectorAll<HTMLButtonElement>('[data-action]')) {
				button.disabled = !ready;
			}
		});
		void this.#showSession();
	}

	#section(id: RouteId) {
		return this.querySelector<HTMLElement>(`[data-route="${id}"]`)!;
	}

	#field(id: RouteId, name: string) {
		return this.#section(id).querySelector<HTMLInputElement>(`[name="${name}"]`)!.value;
	}

	async #showSession() {
		const email = await signedInEmail();
		this.querySelector('.session-text')!.textContent = email
			? `Signed in as ${email} (a throwaway user, deleted within about an hour).`
			: 'The routes need a signed-in user. You are not signed in.';
	}

	async #signIn() {
		const box = this.querySelector<HTMLElement>('.session-failure')!;
		box.hidden = true;
		try {
			const pb = await directClient();
			if (!(await signedInEmail())) await signInThrowawayUser();
			const note = await pb
				.collection('notes')
				.create(
					{ text: 'A note for the hook routes demo', owner: pb.authStore.record?.id },
					{ requestKey: null }
				);
			this.#section('summary').querySelector<HTMLInputElement>('[name="id"]')!.value = note.id;
			reportResponse(200);
		} catch (error) {
			const text = describeFailure(toRequestFailure(error));
			box.textContent = `Could not sign in. ${text.title} ${text.advice}`;
			box.hidden = false;
			await reportFailure(error);
		}
		await this.#showSession();
	}

	/** The hook route's path and options for the reader's current input. */
	#request(id: RouteId): {
		path: string;
		options: { method: string; query?: Record<string, string>; body?: object };
	} {
		if (id === 'stats') {
			return {
				path: '/api/demo/notes-stats',
				options: { method: 'GET', query: { minutes: this.#field(id, 'minutes') } },
			};
		}
		if (id === 'summary') {
			const noteId = this.#field(id, 'id');
			return {
				path: `/api/demo/notes/${encodeURIComponent(noteId || ' ')}/summary`,
				options: { method: 'GET' },
			};
		}
		return {
			path: '/api/demo/signed-receipt',
			options: { method: 'POST', body: { text: this.#field(id, 'text') } },
		};
	}

	async #direct(id: RouteId) {
		const side = this.#side(id, 'direct');
		this.#clear(side);
		try {
			const pb = await directClient();
			const { path, options } = this.#request(id);
			const call = await timedCall((marked) =>
				pb.send<unknown>(path, {
					...options,
					requestKey: null,
					query: { ...options.query, ...marked.query },
				})
			);
			if (!call.ok) return await this.#fail(side, call.error);
			reportResponse(200);
			this.#show(side, answerLines(id, call.value), directTimeText(call.measuredMs));
			this.#time(id, 'direct', call.measuredMs);
		} catch (error) {
			await this.#fail(side, error);
		}
	}

	async #proxy(id: RouteId) {
		const side = this.#side(id, 'proxy');
		this.#clear(side);
		side.querySelector<HTMLElement>('.limit')!.hidden = true;
		try {
			const [reader, server] = await Promise.all([directClient(), simulatedServer()]);
			const hop = hookHop(routes[id].serverCalls.length);
			const callMs: number[] = [];
			const outcome = await server.handle(async ({ client }) => {
				// The cookie flow: the server acts as the reader, with the token the browser sent.
				if (reader.authStore.isValid)
					client.authStore.save(reader.authStore.token, reader.authStore.record);
				try {
					const value = await this.#serverJob(id, client, callMs);
					return { ok: true as const, value, measuredMs: sum(callMs) };
				} catch (error) {
					return { ok: false as const, error, measuredMs: sum(callMs) };
				}
			}, hop);
			if (!outcome.ok) return await this.#fail(side, outcome.error);
			reportResponse(200);
			this.#show(side, outcome.value, proxyTimeText(outcome.hop.addedMs, callMs));
			side.querySelector<HTMLElement>('.limit')!.hidden = false;
			this.#time(id, 'proxy', outcome.totalMs);
		} catch (error) {
			await this.#fail(side, error);
		}
	}

	/**
	 * The server route's work: its input check, then each PocketBase call in turn, timed by the
	 * kit's instrument. Returns the lines to show.
	 */
	async #serverJob(id: RouteId, pb: PocketBase, callMs: number[]): Promise<string[]> {
		const timed = async <T>(call: (marked: { query: { timing: string } }) => Promise<T>) => {
			const result = await timedCall(call);
			callMs.push(result.measuredMs);
			if (!result.ok) throw result.error;
			return result.value;
		};
		const notes = pb.collection('notes');
		const me = pb.authStore.record?.id ?? '';
		if (id === 'stats') {
			const checked = checkMinutes(this.#field(id, 'minutes'));
			if (!checked.ok) throw new RouteRefusal(checked.message);
			const filter = pb.filter('created >= {:since}', {
				since: minutesAgo(checked.minutes, Date.now()),
			});
			const total = await timed((m) => notes.getList(1, 1, { filter, requestKey: null, ...m }));
			const owners = await timed((m) =>
				notes.getList(1, 200, { filter, fields: 'owner', requestKey: null, ...m })
			);
			const yours = await timed((m) =>
				notes.getList(1, 1, {
					filter: `${filter} && ${pb.filter('owner = {:me}', { me })}`,
					requestKey: null,
					...m,
				})
			);
			return answerLines(
				'stats',
				serverStats(
					checked.minutes,
					total.totalItems,
					owners.items.map((n) => String(n['owner'])),
					yours.totalItems
				)
			);
		}
		if (id === 'summary') {
			const noteId = this.#field(id, 'id');
			const checkedId = checkId(noteId);
			if (!checkedId.ok) throw new RouteRefusal(checkedId.message);
			const note = await timed((m) => notes.getOne(noteId, { requestKey: null, ...m }));
			const mine = await timed((m) => notes.getList(1, 1, { requestKey: null, ...m }));
			const text = String(note['text']);
			return answerLines('summary', {
				id: note.id,
				characters: text.length,
				words: text.split(/\s+/).filter((word) => word !== '').length,
				yourNotes: mine.totalItems,
			});
		}
		const checked = checkText(this.#field(id, 'text'));
		if (!checked.ok) throw new RouteRefusal(checked.message);
		const who = await timed((m) => pb.collection('users').authRefresh({ requestKey: null, ...m }));
		return [`caller: ${who.record.id} (checked with PocketBase)`, 'signature: none (see below)'];
	}

	#side(id: RouteId, side: Side) {
		return this.#section(id).querySelector<HTMLElement>(`[data-side="${side}"]`)!;
	}

	#clear(side: HTMLElement) {
		side.querySelector<HTMLElement>('.failure')!.hidden = true;
		side.querySelector('.lines')!.replaceChildren();
		side.querySelector('.time')!.textContent = '';
	}

	#show(side: HTMLElement, lines: string[], time: string) {
		side.querySelector('.lines')!.replaceChildren(
			...lines.map((line) => {
				const item = document.createElement('li');
				item.textContent = line;
				return item;
			})
		);
		side.querySelector('.time')!.textContent = time;
	}

	#time(id: RouteId, side: Side, ms: number) {
		const times = (this.#times[id] ??= {});
		times[side] = ms;
		this.#section(id).querySelector('.comparison')!.textContent = comparison(
			times.direct,
			times.proxy
		);
	}

	async #fail(side: HTMLElement, error: unknown) {
		// A failed call has no time to compare.
		const route = side.closest<HTMLElement>('[data-route]')!;
		const id = route.dataset['route'] as RouteId;
		delete this.#times[id]?.[side.dataset['side'] as Side];
		route.querySelector('.comparison')!.textContent = '';
		const failure = toRequestFailure(error);
		const text =
			error instanceof RouteRefusal
				? {
						title: `The server route refused the request (400): ${failure.message}`,
						advice: 'It checks its input the same way as the hook, before any PocketBase call.',
					}
				: failure.status === 400
					? {
							title: describeFailure(failure).title,
							advice: 'The route checks its input before doing any work, and says what it accepts.',
						}
					: describeFailure(failure);
		const box = side.querySelector<HTMLElement>('.failure')!;
		const strong = document.createElement('strong');
		strong.textContent = text.title;
		box.replaceChildren(strong, document.createTextNode(` ${text.advice}`));
		box.hidden = false;
		if (!(error instanceof RouteRefusal)) await reportFailure(error);
	}
}

function sum(values: readonly number[]): number {
	return values.reduce((total, value) => total + value, 0);
}

customElements.define('hook-routes', HookRoutes);
