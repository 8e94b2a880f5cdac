/**
 * <auth-state>: the reader's account, token and notes, the API rules tried for real, and the cookie
 * flow through the simulated server, one page view or N beside the direct path (flows in
 * auth-state-flows.ts, words in auth-state-view.ts).
 */
import { reportFailure, reportResponse } from '../demo-kit/connection';
import { DemoElement } from '../demo-kit/demo-element';
import { toRequestFailure, type FailureText } from '~/lib/request-error';
import * as flows from './auth-state-flows';
import {
	accountFailure,
	authSchema,
	comparisonRows,
	cookieView,
	pageViewLines,
	sessionText,
	tokenRows,
	type AccountAction,
} from './auth-state-view';
import { lineItems, noteItems, tableRow, tokenTerms } from './auth-state-render';

class AuthState extends DemoElement<typeof authSchema> {
	#signedIn = false;
	#cookies = new flows.CookieFlow();

	protected options() {
		return { settings: { schema: authSchema } };
	}

	protected start() {
		this.querySelector('form.account')!.addEventListener('submit', (e) => e.preventDefault());
		this.addEventListener('change', () => {
			this.getPart('settings-problem').textContent = this.settingsForm.markProblems().join(' ');
		});
		this.onAction('quick', () => this.#quickAccount());
		this.onAction('sign-in', () => this.#account('sign-in'));
		this.onAction('create', () => this.#account('create'));
		this.onAction('delete', () => this.#deleteAccount());
		this.onAction('add-note', () => this.#addNote());
		this.onAction('list-notes', () => this.#listNotes());
		this.onAction('rules', () => this.#tryRules());
		this.onAction('page-view', () => this.#onePageView());
		this.onAction('compare', () => this.#compare());
		void this.signInChanged();
	}

	protected override readinessChanged() {
		// Buttons marked data-needs="user" wait for a signed-in reader too.
		this.refreshControls(
			(action) => this.button(action).dataset['needs'] !== 'user' || this.#signedIn
		);
	}

	/** Runs `work`; a failure shows in `part` (in the demo's `words` if any). True if it worked. */
	async #attempt(part: string, work: () => Promise<void>, words?: (error: unknown) => FailureText) {
		const box = this.getPart(part);
		box.hidden = true;
		try {
			await work();
			reportResponse(200);
			return true;
		} catch (error) {
			const text = words?.(error);
			if (!text) await this.showFailure(box, error);
			else {
				this.showProblem(box, text.title, text.advice);
				await reportFailure(error);
			}
			return false;
		}
	}

	#field(name: string) {
		return this.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
	}

	#accountWords(action: AccountAction) {
		const limit = action === 'delete' ? '' : (this.dataset['authLimit'] ?? '');
		return (error: unknown) => accountFailure(toRequestFailure(error), action, limit);
	}

	protected override playRecordedRun() {
		return this.#quickAccount().then(() => this.#compare());
	}

	async #quickAccount() {
		const made = await this.#attempt(
			'account-failure',
			async () => {
				const { email, password } = await flows.throwawayAccount();
				this.#field('email').value = email;
				this.#field('password').value = password;
			},
			this.#accountWords('create')
		);
		if (made) this.announce(`Account ${this.#field('email').value} created.`);
		await this.signInChanged();
	}

	/** Creates an account or signs in with the form's e-mail and password. */
	async #account(action: 'create' | 'sign-in') {
		const email = this.#field('email').value.trim();
		const password = this.#field('password').value;
		const done = await this.#attempt(
			'account-failure',
			() => flows.account(action, email, password),
			this.#accountWords(action)
		);
		if (!done) return;
		if (action === 'create') this.announce(`Account ${email} created.`);
		await this.signInChanged();
	}

	async #deleteAccount() {
		const work = () => flows.deleteAccount();
		if (!(await this.#attempt('account-failure', work, this.#accountWords('delete')))) return;
		this.#cookies.forget();
		this.getPart('notes').replaceChildren();
		this.announce('Signed out; your demo account and its notes are deleted.');
		await this.signInChanged();
	}

	/** Shows who is signed in: after each account action, and when the kit dropped a sign-in. */
	protected override async signInChanged() {
		const { email, token } = await flows.session(this.#signedIn);
		this.#signedIn = email !== undefined;
		this.getPart('session').textContent = sessionText(email);
		this.readinessChanged();
		this.button('delete').hidden = !this.#signedIn;
		const rows = token ? tokenRows(token, flows.tokenArrival(), Date.now()) : [];
		this.getPart('token').replaceChildren(...tokenTerms(rows));
		this.getPart('token-box').hidden = !token;
	}

	async #addNote() {
		const input = this.#field('note-text');
		const work = () => flows.addNote(input.value.trim());
		if (!(await this.#attempt('notes-failure', work))) return;
		input.value = '';
		await this.#listNotes();
	}

	async #listNotes() {
		await this.#attempt('notes-failure', async () => {
			const notes = await flows.listNotes();
			this.getPart('notes').replaceChildren(...noteItems(notes));
			this.getPart('notes-count').textContent = `200: ${notes.length} of your notes.`;
		});
	}

	async #tryRules() {
		await this.#attempt('rules-failure', async () => {
			const { answers, email, noteId } = await flows.tryRules();
			this.getPart('rules-other').textContent = `The other user: ${email}, with note ${noteId}.`;
			for (const [probe, answer] of Object.entries(answers)) {
				this.getPart(`rule-${probe}`).textContent = answer;
			}
		});
	}

	async #onePageView() {
		await this.#attempt('cookie-failure', async () => {
			const view = await this.#cookies.pageView();
			this.#showCookie(view.setCookie);
			this.getPart('page-view').replaceChildren(...lineItems(pageViewLines(view.sample)));
			// What the server did is shown either way; then its failure, if a call failed.
			if (!view.ok) throw view.error;
		});
	}

	#showCookie(setCookie: string) {
		const view = cookieView(setCookie);
		if (!view) return;
		this.getPart('cookie-header').textContent = `Set-Cookie: ${view.header}`;
		this.getPart('cookie-attributes').textContent = view.attributes.join('; ');
		this.getPart('cookie-size').textContent = view.sizeText;
		this.getPart('cookie-record').textContent = view.recordText;
		this.getPart('cookie-box').hidden = false;
	}

	async #compare() {
		this.getPart('cookie-failure').hidden = true;
		const { views } = this.settings();
		const progress = this.getPart('compare-progress');
		const result = await this.#cookies.compare(views, (view) => {
			progress.textContent = `Page view ${view + 1} of ${views}…`;
		});
		progress.textContent = '';
		this.#showCookie(result.setCookie);
		const rows = comparisonRows(views, result.direct, result.proxy, this.dataset['apiLimit'] ?? '');
		this.getPart('compare-rows').replaceChildren(
			...rows.map(({ label, direct, server }) => tableRow(label, direct, server))
		);
		this.getPart('compare-table').hidden = false;
		if (result.error) await this.showFailure(this.getPart('cookie-failure'), result.error);
		else reportResponse(200);
	}
}

customElements.define('auth-state', AuthState);
