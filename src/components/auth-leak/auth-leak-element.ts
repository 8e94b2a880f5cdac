/**
 * <auth-leak-demo>: two throwaway users, Alice and Bob, sign in through the simulated
 * server; then both page views run the SDK's cookie flow on it, interleaved by the script in
 * src/lib/shared-instance-leak.ts, with one shared SDK instance or one per request. Also: two
 * parallel requests on one shared instance, and the SDK's auto-cancellation.
 */
import { onAction } from '../demo-kit/actions';
import type { default as PocketBase, RecordOptions } from 'pocketbase';
import {
	connection,
	reportFailure,
	reportResponse,
	serverClientFactory,
	startWatching,
} from '../demo-kit/connection';
import { copyLink } from '../demo-kit/copy-link';
import { proxiedCall, simulatedServer } from '../demo-kit/proxied-call';
import { SettingsForm } from '../demo-kit/settings-form';
import { timedCall } from '../demo-kit/timing';
import { decodeToken } from '~/lib/auth-token';
import { canRunDemos } from '~/lib/connection-status';
import { findDiagram } from '~/lib/diagram-replay';
import { describeFailure, toRequestFailure } from '~/lib/request-error';
import {
	runLeakScript,
	visitorNames,
	type LeakOps,
	type StepCall,
	type Visitor,
	type VisitorSetup,
} from '~/lib/shared-instance-leak';
import { decodeSettings } from '~/lib/url-state';
import {
	cancelLines,
	cancelVerdict,
	leakHop,
	leakReplay,
	leakSchema,
	stepAnnouncement,
	stepRows,
	urlPrefix,
	verdict,
	visitorsText,
	type CancelResult,
	type StepRow,
} from './auth-leak-view';

interface Visitors {
	setup: Record<Visitor, VisitorSetup>;
	notes: Record<Visitor, string>;
	emails: Record<Visitor, string>;
}

/** The id of the user whose token a store holds, read from the token itself (what is sent). */
function tokenUserId(pb: PocketBase): string {
	const decoded = decodeToken(pb.authStore.token);
	const id = decoded.ok ? decoded.token.payload['id'] : undefined;
	return typeof id === 'string' ? id : '';
}

async function toStepCall<T>(
	call: Promise<
		{ ok: true; value: T; measuredMs: number } | { ok: false; error: unknown; measuredMs: number }
	>,
	noteIds: (value: T) => string[]
): Promise<StepCall> {
	const result = await call;
	if (result.ok)
		return { ok: true, status: 200, measuredMs: result.measuredMs, noteIds: noteIds(result.value) };
	return {
		ok: false,
		status: toRequestFailure(result.error).status,
		measuredMs: result.measuredMs,
		noteIds: [],
		error: result.error,
	};
}

const sdkOps: LeakOps<PocketBase> = {
	loadFromCookie: (pb, cookie) => pb.authStore.loadFromCookie(cookie),
	authRefresh: (pb) =>
		toStepCall(
			timedCall((marked) => pb.collection('users').authRefresh(marked as RecordOptions)),
			() => []
		),
	listNotes: (pb) =>
		toStepCall(
			timedCall((marked) => pb.collection('notes').getFullList(marked)),
			(notes) => notes.map((note) => note.id)
		),
	exportToCookie: (pb) => pb.authStore.exportToCookie(),
	storeUserId: tokenUserId,
};

class AuthLeakDemo extends HTMLElement {
	#form!: SettingsForm<typeof leakSchema>;
	#visitors: Visitors | undefined;
	#rows: StepRow[] = [];
	#current = 0;

	connectedCallback() {
		this.#form = new SettingsForm(this.querySelector('form')!, leakSchema, urlPrefix);
		this.#form.fill(
			decodeSettings(leakSchema, new URLSearchParams(location.search), urlPrefix).value
		);
		this.#form.form.addEventListener('submit', (event) => event.preventDefault());
		const writeUrl = () => this.#form.writeUrl(this.#form.read().value);
		this.#form.form.addEventListener('change', writeUrl);
		// The fix select sits lower in the demo, in the form by its form attribute; its change
		// event bubbles through the demo, not the form.
		this.querySelector('select')!.addEventListener('change', writeUrl);

		onAction(this, 'setup', () => this.#setUp());
		onAction(this, 'run', () => this.#run());
		onAction(this, 'cancel', () => this.#cancelExperiment());
		onAction(this, 'previous', () => Promise.resolve(this.#showStep(this.#current - 1)));
		onAction(this, 'next', () => Promise.resolve(this.#showStep(this.#current + 1)));
		onAction(this, 'copy-link', () =>
			copyLink(this.#button('copy-link'), this.#form.link(this.#form.read().value, this.id))
		);

		startWatching();
		connection.subscribe(({ status }) => {
			const ready = canRunDemos(status.state) || status.state === 'rate-limited';
			this.#button('setup').disabled = !ready;
			this.#button('cancel').disabled = !ready;
			this.#button('run').disabled = !ready || !this.#visitors;
		});
	}

	#part<T extends HTMLElement = HTMLElement>(name: string) {
		return this.querySelector<T>(`[data-part="${name}"]`)!;
	}

	#button(action: string) {
		return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
	}

	#announce(text: string) {
		this.#part('announce').textContent = text;
	}

	async #fail(part: string, error: unknown, context: string) {
		const text = describeFailure(toRequestFailure(error));
		const box = this.#part(part);
		const strong = document.createElement('strong');
		strong.textContent = `${context} ${text.title}`;
		box.replaceChildren(strong, document.createTextNode(` ${text.advice}`));
		box.hidden = false;
		this.#announce(`${context} ${text.title} ${text.advice}`);
		await reportFailure(error);
	}

	/** Alice and Bob sign up and sign in through the server's login route, and write a note. */
	async #setUp() {
		const failure = this.#part('setup-failure');
		failure.hidden = true;
		this.#part('visitors').textContent = 'Creating Alice and Bob through the simulated server…';
		const made: Partial<Record<Visitor, { setup: VisitorSetup; note: string; email: string }>> = {};
		try {
			const newClient = await serverClientFactory();
			for (const visitor of ['A', 'B'] as const) {
				// The login route's own client: one per request, as the SDK asks.
				const pb = newClient();
				const email = `demo-${crypto.randomUUID().slice(0, 8)}@example.com`;
				const password = crypto.randomUUID();
				await pb.collection('users').create({ email, password, passwordConfirm: password });
				await pb.collection('users').authWithPassword(email, password);
				const userId = tokenUserId(pb);
				const note = await pb
					.collection('notes')
					.create({ text: `${visitorNames[visitor]}’s private note`, owner: userId });
				// What the browser sends back: the cookie's name and value, not its attributes.
				const cookie = pb.authStore.exportToCookie().split(';')[0]!;
				made[visitor] = { setup: { userId, cookie }, note: note.id, email };
			}
			reportResponse(200);
		} catch (error) {
			this.#part('visitors').textContent = '';
			return this.#fail('setup-failure', error, 'Could not create Alice and Bob.');
		}
		const { A, B } = made as Record<Visitor, { setup: VisitorSetup; note: string; email: string }>;
		this.#visitors = {
			setup: { A: A.setup, B: B.setup },
			notes: { A: A.note, B: B.note },
			emails: { A: A.email, B: B.email },
		};
		this.#part('visitors').textContent = visitorsText(this.#visitors.notes, this.#visitors.emails);
		this.#button('run').disabled = false;
	}

	async #run() {
		const visitors = this.#visitors;
		if (!visitors) return;
		const failure = this.#part('run-failure');
		failure.hidden = true;
		const { perRequest } = this.#form.read().value;
		let run;
		try {
			const server = await simulatedServer(perRequest ? 'per-request' : 'shared');
			run = await runLeakScript(server, sdkOps, visitors.setup, leakHop());
		} catch (error) {
			return this.#fail('run-failure', error, 'The page views could not run.');
		}
		this.#rows = stepRows(run, visitors.notes);
		const result = verdict(run, visitors.notes, perRequest);
		const box = this.#part('verdict');
		box.textContent = result.text;
		box.dataset['leaked'] = String(result.leaked);
		box.hidden = false;
		this.#renderSteps();
		this.#showStep(this.#rows.length - 1);
		this.#announce(result.text);
		if (run.failed?.call?.error) {
			await this.#fail(
				'run-failure',
				run.failed.call.error,
				`${visitorNames[run.failed.visitor]}’s call failed.`
			);
		} else reportResponse(200);
		// The diagram tells the shared instance's story; a per-request run does not match it.
		if (!perRequest && !run.failed) {
			void findDiagram(document, 'shared-instance-leak')?.replay(leakReplay(run));
		}
	}

	#renderSteps() {
		const list = this.#part<HTMLOListElement>('steps');
		list.replaceChildren(
			...this.#rows.map((row) => {
				const item = document.createElement('li');
				item.dataset['leak'] = String(row.leak);
				const head = document.createElement('p');
				const who = document.createElement('strong');
				who.textContent = `${row.visitor}’s request`;
				const code = document.createElement('code');
				code.textContent = row.code;
				head.append(who, ' ', code);
				const store = document.createElement('p');
				store.textContent = row.store;
				store.className = 'store';
				const result = document.createElement('p');
				result.className = 'result';
				result.textContent = row.leak ? `Leak: ${row.result}` : row.result;
				item.append(head, store, result);
				return item;
			})
		);
		this.#part('stepper').hidden = false;
	}

	#showStep(index: number) {
		if (this.#rows.length === 0) return;
		this.#current = Math.max(0, Math.min(this.#rows.length - 1, index));
		const items = this.#part('steps').querySelectorAll('li');
		items.forEach((item, n) => {
			if (n === this.#current) item.setAttribute('aria-current', 'step');
			else item.removeAttribute('aria-current');
			item.hidden = n > this.#current;
		});
		this.#button('previous').disabled = this.#current === 0;
		this.#button('next').disabled = this.#current === this.#rows.length - 1;
		const row = this.#rows[this.#current]!;
		this.#part('step-status').textContent = `Step ${row.step} of ${this.#rows.length}`;
		this.#announce(stepAnnouncement(row, this.#rows.length));
	}

	async #cancelExperiment() {
		const failure = this.#part('cancel-failure');
		failure.hidden = true;
		const { cancelFix } = this.#form.read().value;
		let results: CancelResult[];
		try {
			const server = await simulatedServer('shared');
			const call = (pb: PocketBase, marked: { query: { timing: string } }) => {
				if (cancelFix === 'auto-cancellation-off') pb.autoCancellation(false);
				return pb
					.collection('notes')
					.getList(
						1,
						20,
						cancelFix === 'request-key-null' ? { ...marked, requestKey: null } : marked
					);
			};
			const hop = leakHop();
			// Two page views reach the server's one client at the same moment.
			const outcomes = await Promise.all([
				proxiedCall(server, call, { hop }),
				proxiedCall(server, call, { hop }),
			]);
			results = outcomes.map((outcome) => {
				if (outcome.ok)
					return {
						ok: true,
						status: 200,
						isAbort: false,
						message: '',
						measuredMs: outcome.measuredMs,
					};
				const failed = toRequestFailure(outcome.error);
				return {
					ok: false,
					status: failed.status,
					isAbort: failed.isAbort,
					message: failed.message,
					measuredMs: outcome.measuredMs,
				};
			});
		} catch (error) {
			return this.#fail('cancel-failure', error, 'The requests could not be sent.');
		}
		const list = this.#part('cancel-lines');
		list.replaceChildren(
			...cancelLines(results).map(({ ok, text }) => {
				const item = document.createElement('li');
				item.dataset['ok'] = String(ok);
				item.textContent = text;
				return item;
			})
		);
		list.hidden = false;
		const text = cancelVerdict(results, cancelFix);
		this.#part('cancel-verdict').textContent = text;
		this.#announce(text);
		const other = results.find((r) => !r.ok && !r.isAbort);
		if (other) {
			await this.#fail(
				'cancel-failure',
				{ status: other.status, message: other.message },
				'A request failed.'
			);
		} else reportResponse(200);
	}
}

customElements.define('auth-leak-demo', AuthLeakDemo);
