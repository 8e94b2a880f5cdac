/**
 * <auth-state-demo>: the reader's own account, token and notes in the browser, the API rules
 * tried for real, and the cookie flow through the simulated server, one page view at a time
 * or N of them beside the direct path. Words come from auth-state-view.ts.
 */
import { onAction } from '../demo-kit/actions';
import type { RecordOptions } from 'pocketbase';
import {
	connection,
	directClient,
	separateClient,
	reportFailure,
	reportResponse,
	startWatching,
} from '../demo-kit/connection';
import { copyLink } from '../demo-kit/copy-link';
import { simulatedServer } from '../demo-kit/proxied-call';
import { SettingsForm } from '../demo-kit/settings-form';
import { timedCall } from '../demo-kit/timing';
import { canRunDemos } from '~/lib/connection-status';
import { toRequestFailure, describeFailure, type FailureText } from '~/lib/request-error';
import { decodeSettings } from '~/lib/url-state';
import {
	accountFailure,
	authSchema,
	comparisonRows,
	cookieView,
	pageViewHop,
	pageViewLines,
	ruleAnswer,
	sessionText,
	tokenRows,
	urlPrefix,
	type AccountAction,
	type PathTotals,
	type RuleProbe,
} from './auth-state-view';

const issuedKey = 'pb-guide:auth-issued-at';

class AuthStateDemo extends HTMLElement {
	#form!: SettingsForm<typeof authSchema>;
	/** The cookie the reader's browser holds for the simulated server (name=value). */
	#cookie: string | undefined;

	connectedCallback() {
		this.#form = new SettingsForm(this.querySelector('form.settings')!, authSchema, urlPrefix);
		this.#form.fill(
			decodeSettings(authSchema, new URLSearchParams(location.search), urlPrefix).value
		);
		this.#form.form.addEventListener('submit', (event) => event.preventDefault());
		this.#form.form.addEventListener('change', () => {
			const { value, problems } = this.#form.read();
			this.#part('settings-problem').textContent = problems.join(' ');
			this.#form.writeUrl(value);
		});
		this.querySelector('form.account')!.addEventListener('submit', (event) =>
			event.preventDefault()
		);

		onAction(this, 'quick', () => this.#quickAccount());
		onAction(this, 'sign-in', async () => void (await this.#account('sign-in')));
		onAction(this, 'create', async () => void (await this.#account('create')));
		onAction(this, 'delete', () => this.#deleteAccount());
		onAction(this, 'add-note', () => this.#addNote());
		onAction(this, 'list-notes', () => this.#listNotes());
		onAction(this, 'rules', () => this.#tryRules());
		onAction(this, 'page-view', () => this.#onePageView());
		onAction(this, 'compare', () => this.#compare());
		onAction(this, 'copy-link', () =>
			copyLink(this.#button('copy-link'), this.#form.link(this.#form.read().value, this.id))
		);

		startWatching();
		connection.subscribe(({ status }) => {
			const ready = canRunDemos(status.state) || status.state === 'rate-limited';
			for (const button of this.querySelectorAll<HTMLButtonElement>('[data-needs]')) {
				button.disabled = !ready || (button.dataset['needs'] === 'user' && !this.#signedIn);
			}
		});
		void this.#showSession();
	}

	#signedIn = false;

	#part<T extends HTMLElement = HTMLElement>(name: string) {
		return this.querySelector<T>(`[data-part="${name}"]`)!;
	}

	#button(action: string) {
		return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
	}

	#announce(text: string) {
		this.#part('announce').textContent = text;
	}

	#clearFailure(part: string) {
		this.#part(part).hidden = true;
	}

	async #fail(
		part: string,
		error: unknown,
		text: FailureText = describeFailure(toRequestFailure(error))
	) {
		const box = this.#part(part);
		const strong = document.createElement('strong');
		strong.textContent = text.title;
		box.replaceChildren(strong, document.createTextNode(` ${text.advice}`));
		box.hidden = false;
		this.#announce(`${text.title} ${text.advice}`);
		await reportFailure(error);
	}

	#field(name: string) {
		return this.querySelector<HTMLInputElement>(`form.account [name="${name}"]`)!;
	}

	async #quickAccount() {
		this.#field('email').value = `demo-${crypto.randomUUID().slice(0, 8)}@example.com`;
		this.#field('password').value = crypto.randomUUID();
		if (await this.#account('create')) await this.#account('sign-in');
	}

	/** Creates an account or signs in with the form's e-mail and password. */
	async #account(action: AccountAction): Promise<boolean> {
		this.#clearFailure('account-failure');
		const email = this.#field('email').value.trim();
		const password = this.#field('password').value;
		try {
			const pb = await directClient();
			if (action === 'create') {
				await pb.collection('users').create({ email, password, passwordConfirm: password });
			} else {
				await pb.collection('users').authWithPassword(email, password);
				try {
					sessionStorage.setItem(issuedKey, String(Date.now()));
				} catch {
					// Without storage the lifetime is shown until the page is left.
				}
				this.#issuedAt = Date.now();
			}
			reportResponse(200);
		} catch (error) {
			const text = accountFailure(toRequestFailure(error), action, this.dataset['authLimit'] ?? '');
			await this.#fail('account-failure', error, text);
			return false;
		}
		if (action === 'create') this.#announce(`Account ${email} created.`);
		await this.#showSession();
		return true;
	}

	#issuedAt: number | undefined;

	async #deleteAccount() {
		this.#clearFailure('account-failure');
		try {
			const pb = await directClient();
			const id = pb.authStore.record?.id;
			if (id) await pb.collection('users').delete(id);
			pb.authStore.clear();
			reportResponse(200);
		} catch (error) {
			await this.#fail(
				'account-failure',
				error,
				accountFailure(toRequestFailure(error), 'delete', '')
			);
			return;
		}
		this.#cookie = undefined;
		this.#part('notes').replaceChildren();
		this.#announce('Signed out; your demo account and its notes are deleted.');
		await this.#showSession();
	}

	async #showSession() {
		let email: string | undefined;
		let token = '';
		try {
			// Load the SDK only when a sign-in is stored: a fresh page stays light.
			if (localStorage.getItem(`pb-guide:auth:${connection.get().url}`) || this.#signedIn) {
				const pb = await directClient();
				if (pb.authStore.isValid && pb.authStore.record) {
					email = String(pb.authStore.record['email'] ?? pb.authStore.record.id);
					token = pb.authStore.token;
				}
			}
		} catch {
			email = undefined;
		}
		this.#signedIn = email !== undefined;
		this.#part('session').textContent = sessionText(email);
		if (this.#issuedAt === undefined) {
			const stored = Number(sessionStorageGet(issuedKey));
			if (stored > 0) this.#issuedAt = stored;
		}
		const ready =
			canRunDemos(connection.get().status.state) ||
			connection.get().status.state === 'rate-limited';
		for (const button of this.querySelectorAll<HTMLButtonElement>('[data-needs="user"]')) {
			button.disabled = !this.#signedIn || !ready;
		}
		this.#button('delete').hidden = !this.#signedIn;
		const list = this.#part<HTMLDListElement>('token');
		list.replaceChildren(
			...(token ? tokenRows(token, this.#issuedAt, Date.now()) : []).flatMap((row) => {
				const dt = document.createElement('dt');
				dt.textContent = row.label;
				const dd = document.createElement('dd');
				const code = document.createElement('code');
				code.textContent = row.value;
				dd.append(code);
				if (row.note) {
					const note = document.createElement('span');
					note.className = 'row-note';
					note.textContent = ` ${row.note}`;
					dd.append(note);
				}
				return [dt, dd];
			})
		);
		this.#part('token-box').hidden = !token;
	}

	async #addNote() {
		this.#clearFailure('notes-failure');
		const input = this.querySelector<HTMLInputElement>('[name="note-text"]')!;
		try {
			const pb = await directClient();
			await pb
				.collection('notes')
				.create({ text: input.value.trim() || 'A note', owner: pb.authStore.record?.id });
			reportResponse(200);
		} catch (error) {
			return this.#fail('notes-failure', error);
		}
		input.value = '';
		await this.#listNotes();
	}

	async #listNotes() {
		this.#clearFailure('notes-failure');
		let notes;
		try {
			notes = await (await directClient()).collection('notes').getFullList({ sort: 'created' });
			reportResponse(200);
		} catch (error) {
			return this.#fail('notes-failure', error);
		}
		const list = this.#part('notes');
		list.replaceChildren(
			...notes.map((note) => {
				const item = document.createElement('li');
				item.textContent = `${String(note['text'])} `;
				const id = document.createElement('code');
				id.textContent = note.id;
				item.append(id);
				return item;
			})
		);
		this.#part('notes-count').textContent = `200: ${notes.length} of your notes.`;
	}

	/** Another throwaway user with a note, then the reader's three real attempts at it. */
	async #tryRules() {
		this.#clearFailure('rules-failure');
		const answers: Partial<Record<RuleProbe, string>> = {};
		try {
			const other = await separateClient();
			const email = `demo-${crypto.randomUUID().slice(0, 8)}@example.com`;
			const password = crypto.randomUUID();
			await other.collection('users').create({ email, password, passwordConfirm: password });
			await other.collection('users').authWithPassword(email, password);
			const otherId = other.authStore.record!.id;
			const note = await other
				.collection('notes')
				.create({ text: 'Someone else’s note', owner: otherId });
			other.authStore.clear();

			const pb = await directClient();
			const list = await pb
				.collection('notes')
				.getList(1, 20, { filter: pb.filter('owner = {:id}', { id: otherId }) });
			answers.list = ruleAnswer(200, list.items.length);
			answers.view = await statusOf(() => pb.collection('notes').getOne(note.id));
			answers.create = await statusOf(() =>
				pb.collection('notes').create({ text: 'Not mine', owner: otherId })
			);
			this.#part('rules-other').textContent = `The other user: ${email}, with note ${note.id}.`;
			reportResponse(200);
		} catch (error) {
			return this.#fail('rules-failure', error);
		}
		for (const [probe, answer] of Object.entries(answers)) {
			this.#part(`rule-${probe}`).textContent = answer;
		}
	}

	/** One page view through the simulated server: the cookie flow of the SDK README. */
	async #pageView(server: Awaited<ReturnType<typeof simulatedServer>>, cookie: string) {
		return server.handle(async ({ client }) => {
			client.authStore.loadFromCookie(cookie);
			const refresh = await timedCall((marked) =>
				client.collection('users').authRefresh(marked as RecordOptions)
			);
			const query = refresh.ok
				? await timedCall((marked) => client.collection('notes').getFullList(marked))
				: undefined;
			const setCookie = client.authStore.exportToCookie();
			const failed = !refresh.ok ? refresh : query && !query.ok ? query : undefined;
			const measuredMs = refresh.measuredMs + (query?.measuredMs ?? 0);
			return failed
				? { ok: false as const, error: failed.error, measuredMs, refresh, query, setCookie }
				: { ok: true as const, value: setCookie, measuredMs, refresh, query, setCookie };
		}, pageViewHop());
	}

	async #browserCookie(): Promise<string> {
		const pb = await directClient();
		// What the sign-in route would have set: the reader's auth state as the pb_auth cookie.
		this.#cookie ??= pb.authStore.exportToCookie().split(';')[0]!;
		return this.#cookie;
	}

	async #onePageView() {
		this.#clearFailure('cookie-failure');
		let outcome;
		try {
			const [server, cookie] = await Promise.all([
				simulatedServer('per-request'),
				this.#browserCookie(),
			]);
			outcome = await this.#pageView(server, cookie);
		} catch (error) {
			return this.#fail('cookie-failure', error);
		}
		this.#showCookie(outcome.setCookie);
		const lines = pageViewLines({
			refreshMs: outcome.refresh.measuredMs,
			queryMs: outcome.query?.measuredMs ?? 0,
			hopMs: outcome.totalMs - outcome.measuredMs,
		});
		this.#part('page-view').replaceChildren(
			...lines.map(({ kind, text }) => {
				const item = document.createElement('li');
				item.dataset['kind'] = kind;
				item.textContent = text;
				return item;
			})
		);
		if (!outcome.ok) {
			this.#cookie = undefined;
			return this.#fail('cookie-failure', outcome.error);
		}
		this.#cookie = outcome.setCookie.split(';')[0]!;
		reportResponse(200);
	}

	#showCookie(setCookie: string) {
		const view = cookieView(setCookie);
		if (!view) return;
		this.#part('cookie-header').textContent = `Set-Cookie: ${view.header}`;
		this.#part('cookie-attributes').textContent = view.attributes.join('; ');
		this.#part('cookie-size').textContent = view.sizeText;
		this.#part('cookie-record').textContent = view.recordText;
		this.#part('cookie-box').hidden = false;
	}

	async #compare() {
		this.#clearFailure('cookie-failure');
		const { views } = this.#form.read().value;
		const direct: PathTotals = { calls: 0, totalMs: 0, failures: 0 };
		const proxy: PathTotals = { calls: 0, totalMs: 0, failures: 0 };
		let lastError: unknown;
		try {
			const pb = await directClient();
			const server = await simulatedServer('per-request');
			for (let view = 0; view < views; view++) {
				this.#part('compare-progress').textContent = `Page view ${view + 1} of ${views}…`;
				const call = await timedCall((marked) => pb.collection('notes').getFullList(marked));
				direct.calls++;
				direct.totalMs += call.measuredMs;
				if (!call.ok) {
					direct.failures++;
					lastError = call.error;
				}
				const outcome = await this.#pageView(server, await this.#browserCookie());
				proxy.calls += outcome.query ? 2 : 1;
				proxy.totalMs += outcome.totalMs;
				if (outcome.ok) this.#cookie = outcome.setCookie.split(';')[0]!;
				else {
					proxy.failures++;
					lastError = outcome.error;
				}
				if (view === views - 1) this.#showCookie(outcome.setCookie);
			}
		} catch (error) {
			lastError = error;
		}
		this.#part('compare-progress').textContent = '';
		const body = this.#part('compare-rows');
		body.replaceChildren(
			...comparisonRows(views, direct, proxy, this.dataset['apiLimit'] ?? '').map((row) => {
				const tr = document.createElement('tr');
				const th = document.createElement('th');
				th.scope = 'row';
				th.textContent = row.label;
				const d = document.createElement('td');
				d.textContent = row.direct;
				const s = document.createElement('td');
				s.textContent = row.server;
				tr.append(th, d, s);
				return tr;
			})
		);
		this.#part('compare-table').hidden = false;
		if (lastError) await this.#fail('cookie-failure', lastError);
		else reportResponse(200);
	}
}

function sessionStorageGet(key: string): string | null {
	try {
		return sessionStorage.getItem(key);
	} catch {
		return null;
	}
}

/** The HTTP status of a call that is expected to be refused. */
async function statusOf(call: () => Promise<unknown>): Promise<string> {
	try {
		await call();
		return ruleAnswer(200);
	} catch (error) {
		const { status } = toRequestFailure(error);
		if (status === 0) throw error;
		return ruleAnswer(status);
	}
}

customElements.define('auth-state-demo', AuthStateDemo);
