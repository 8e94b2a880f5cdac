/**
 * <own-request>: runs the reader's own request from the browser and through the simulated
 * server, shows what each sent and got back, and keeps the generated code and the URL in step
 * with the form (words and checks from own-request-view.ts, code from src/lib/request-code.ts).
 */
import type PocketBase from 'pocketbase';
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
import { replaceQuery } from '../demo-kit/settings-form';
import { timedCall, type MarkedOptions } from '../demo-kit/timing';
import { canRunDemos } from '~/lib/connection-status';
import { scenarioPresets } from '~/lib/network-model';
import {
	codeTargets,
	generateCode,
	perPage,
	type CodeTarget,
	type RequestSpec,
} from '~/lib/request-code';
import { describeFailure, toRequestFailure } from '~/lib/request-error';
import {
	bucketText,
	checkForm,
	collectionDefaults,
	decodeForm,
	directTimeText,
	encodeForm,
	fieldsFor,
	filterHints,
	ownHop,
	prettyBody,
	proxyTimeText,
	requestRows,
	responseRows,
	textFieldNames,
	urlPrefix,
	withOwner,
	type Exchange,
	type OwnForm,
	type Row,
} from './own-request-view';

type Side = 'direct' | 'proxy';
type Fetch = (url: RequestInfo | URL, config?: RequestInit) => Promise<Response>;

/** A fetch that keeps a copy of what went out and what came back. */
function recordingFetch(into: { exchange?: Exchange }): Fetch {
	return async (url, config) => {
		const headers = [...new Headers(config?.headers).entries()];
		const exchange: Exchange = {
			method: config?.method ?? 'GET',
			url: url instanceof Request ? url.url : url.toString(),
			requestHeaders: headers,
		};
		into.exchange = exchange;
		const response = await fetch(url, config);
		exchange.response = {
			status: response.status,
			headers: [...response.headers.entries()],
			bodyText: await response.clone().text(),
		};
		return response;
	};
}

/** The real SDK call for `spec`, the same one the generated code makes. */
function send(
	pb: PocketBase,
	spec: RequestSpec,
	password: string,
	options: object
): Promise<unknown> {
	const records = pb.collection(spec.collection);
	const filter = spec.filter === '' ? undefined : pb.filter(spec.filter, spec.params);
	const read = {
		...options,
		...(spec.expand === '' ? {} : { expand: spec.expand }),
	};
	switch (spec.method) {
		case 'list':
			return records.getList(1, perPage, {
				...read,
				...(filter === undefined ? {} : { filter }),
				...(spec.sort === '' ? {} : { sort: spec.sort }),
			});
		case 'view':
			return records.getOne(spec.recordId, read);
		case 'create':
			return records.create(spec.body, read);
		case 'update':
			return records.update(spec.recordId, spec.body, read);
		case 'delete':
			return records.delete(spec.recordId, options);
		case 'auth':
			return records.authWithPassword(spec.identity, password, options);
	}
}

type Highlight = (code: string) => Promise<string>;

class OwnRequest extends HTMLElement {
	#form!: HTMLFormElement;
	#highlight: Promise<Highlight> | undefined;
	#codeVersion = 0;

	#collectionSelect!: HTMLSelectElement;
	#collectionInput!: HTMLInputElement;

	connectedCallback() {
		this.#form = this.querySelector('form')!;
		this.#collectionSelect = this.querySelector('[data-collection="playground"]')!;
		this.#collectionInput = this.querySelector('[data-collection="own"]')!;
		this.#collectionInput.remove();
		this.#form.addEventListener('submit', (event) => event.preventDefault());
		const { form, problems } = decodeForm(new URLSearchParams(location.search));
		this.#fill(form);
		this.#showProblems(problems.map((message) => ({ message })));
		this.#form.addEventListener('input', () => this.#changed());
		this.#form.addEventListener('change', (event) => {
			const target = event.target as HTMLElement;
			if (target.matches('[data-collection="playground"]')) void this.#collectionChosen();
			this.#changed();
		});
		this.querySelector<HTMLFieldSetElement>('.targets')!.hidden = false;
		for (const radio of this.querySelectorAll<HTMLInputElement>('[name="own-code-target"]')) {
			radio.addEventListener('change', () => this.#showTarget());
		}
		this.#showTarget();
		onAction(this, 'sign-in', () => this.#signIn());
		onAction(this, 'both', () => this.#run(['direct', 'proxy']));
		onAction(this, 'direct', () => this.#run(['direct']));
		onAction(this, 'proxy', () => this.#run(['proxy']));
		onAction(this, 'copy-link', () => {
			const url = new URL(location.href);
			url.search = encodeForm(url.searchParams, this.#read()).toString();
			url.hash = this.id;
			return copyLink(this.querySelector('[data-action="copy-link"]')!, url);
		});
		startWatching();
		connection.subscribe(({ status }) => {
			const ready = canRunDemos(status.state) || status.state === 'rate-limited';
			for (const action of ['sign-in', 'both', 'direct', 'proxy']) {
				this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!.disabled = !ready;
			}
			this.#useCollectionControl();
		});
		void this.#showSession();
	}

	/** Whether the demos talk to the site's own playground (its collections are known). */
	#playground(): boolean {
		return connection.get().source === 'default';
	}

	#control(name: string) {
		return this.#form.elements.namedItem(`${urlPrefix}${name}`) as
			HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | RadioNodeList | null;
	}

	/**
	 * A select of the playground's collections, or a text field for another PocketBase: only
	 * one of them is in the form at a time, so the label names exactly one control.
	 */
	#useCollectionControl() {
		const playground = this.#playground();
		const wanted = playground ? this.#collectionSelect : this.#collectionInput;
		const current = this.#collectionControl();
		if (current === wanted) return;
		wanted.value = current.value;
		// A name the playground lacks leaves the select empty; the check then says why.
		if (playground && wanted.value !== current.value) {
			wanted.append(new Option(current.value, current.value, true, true));
		}
		wanted.hidden = wanted.disabled = false;
		current.replaceWith(wanted);
		this.#changed({ writeUrl: false });
	}

	#collectionControl(): HTMLInputElement | HTMLSelectElement {
		return this.querySelector<HTMLInputElement | HTMLSelectElement>('[data-collection]')!;
	}

	#fill(form: OwnForm) {
		const set = (name: string, value: string) => {
			const control = this.#control(name);
			if (control && !(control instanceof RadioNodeList)) control.value = value;
		};
		set('method', form.method);
		set('server', form.server);
		for (const name of textFieldNames) {
			if (name === 'collection') continue;
			set(name, form[name]);
		}
		this.#collectionInput.value = form.collection;
		this.#collectionSelect.value = form.collection;
		if (this.#collectionSelect.value !== form.collection) {
			this.#collectionSelect.append(new Option(form.collection, form.collection, true, true));
		}
		this.#showFields(form.method);
	}

	#read(): OwnForm {
		const value = (name: string) => {
			const control = this.#control(name);
			return control && !(control instanceof RadioNodeList) ? control.value : '';
		};
		const form = Object.fromEntries(
			textFieldNames.map((name) => [name, name === 'collection' ? '' : value(name)])
		) as Record<(typeof textFieldNames)[number], string>;
		return {
			...form,
			collection: this.#collectionControl().value,
			method: value('method') as OwnForm['method'],
			server: value('server') as OwnForm['server'],
		};
	}

	#password(): string {
		return this.#form.querySelector<HTMLInputElement>('[name="password"]')!.value;
	}

	#showFields(method: OwnForm['method']) {
		const used = new Set<string>(fieldsFor(method));
		if (method === 'auth') used.add('password');
		for (const label of this.#form.querySelectorAll<HTMLElement>('[data-field]')) {
			label.hidden = !used.has(label.dataset['field']!);
		}
	}

	/** The form changed: new checks, hints, code, and (unless only the page set it up) URL. */
	#changed({ writeUrl = true } = {}) {
		const form = this.#read();
		this.#showFields(form.method);
		if (writeUrl) replaceQuery(encodeForm(new URLSearchParams(location.search), form));
		const checked = checkForm(form, { playground: this.#playground() });
		this.#markInvalid(checked.ok ? [] : checked.problems.map((p) => p.field));
		this.#showProblems([]);
		const hints = checked.ok ? filterHints(checked.spec.filter, checked.spec.params) : [];
		this.querySelector('.hints')!.replaceChildren(...hints.map((hint) => item(hint)));
		if (checked.ok) void this.#showCode(checked.spec);
	}

	/** Suggests a filter, a sort and a body that fit the collection just chosen. */
	async #collectionChosen() {
		const defaults = collectionDefaults(this.#collectionControl().value);
		if (!defaults) return;
		const me = await this.#me();
		for (const [name, value] of Object.entries(defaults)) {
			const control = this.#control(name);
			if (control && !(control instanceof RadioNodeList)) {
				control.value = name === 'body' && me ? withOwner(value, me) : value;
			}
		}
		this.#changed();
	}

	async #me(): Promise<string | undefined> {
		if (!(await signedInEmail())) return undefined;
		return (await directClient()).authStore.record?.id;
	}

	#markInvalid(fields: readonly string[]) {
		for (const name of textFieldNames) {
			const control =
				name === 'collection' ? this.#collectionControl() : (this.#control(name) as Element | null);
			if (!(control instanceof Element)) continue;
			if (fields.includes(name)) control.setAttribute('aria-invalid', 'true');
			else control.removeAttribute('aria-invalid');
		}
	}

	#showProblems(problems: readonly { message: string }[]) {
		const box = this.querySelector<HTMLElement>('.problems')!;
		box.replaceChildren(...problems.map((problem) => item(problem.message)));
		box.hidden = problems.length === 0;
	}

	#showTarget() {
		const chosen =
			this.querySelector<HTMLInputElement>('[name="own-code-target"]:checked')?.value ?? 'browser';
		for (const panel of this.querySelectorAll<HTMLElement>('.target')) {
			panel.hidden = panel.dataset['target'] !== chosen;
		}
	}

	/** Writes the code for `spec`; shiki is loaded the first time the code changes. */
	async #showCode(spec: Omit<RequestSpec, 'pocketBaseUrl'>) {
		const version = ++this.#codeVersion;
		this.#highlight ??= import('./own-request-highlight').then((module) => module.highlight);
		const full = { ...spec, pocketBaseUrl: connection.get().url };
		const rendered = await Promise.all(
			codeTargets.map(async (target: CodeTarget) => {
				const files = generateCode(full, target);
				return { target, files, html: await this.#highlighted(files.map((file) => file.code)) };
			})
		);
		if (version !== this.#codeVersion) return;
		for (const { target, files, html } of rendered) {
			const panel = this.querySelector(`.target[data-target="${target}"] .files`)!;
			panel.replaceChildren(
				...files.map((file, i) => {
					const figure = document.createElement('figure');
					figure.className = 'file';
					const caption = document.createElement('figcaption');
					const path = document.createElement('code');
					path.textContent = file.path;
					caption.append(path);
					const code = document.createElement('div');
					code.className = 'highlighted';
					const colored = html?.[i];
					if (colored !== undefined) {
						// shiki escapes the code it colours; the HTML holds no reader text unescaped.
						code.innerHTML = colored;
					} else {
						const pre = document.createElement('pre');
						pre.tabIndex = 0;
						pre.textContent = file.code;
						code.append(pre);
					}
					figure.append(caption, code);
					return figure;
				})
			);
		}
	}

	async #highlighted(codes: string[]): Promise<string[] | undefined> {
		try {
			const highlight = await this.#highlight!;
			return await Promise.all(codes.map((code) => highlight(code)));
		} catch {
			// Plain text is still the right code.
			return undefined;
		}
	}

	async #showSession() {
		const email = await signedInEmail();
		this.querySelector('.session-text')!.textContent = email
			? `Signed in as ${email} (a throwaway user, deleted within about an hour): both paths send its token.`
			: 'You are not signed in: requests go out as a guest.';
	}

	/** Makes a throwaway user whose password the form knows, so auth-with-password can be tried. */
	async #signIn() {
		const box = this.querySelector<HTMLElement>('.session-failure')!;
		box.hidden = true;
		try {
			const pb = await directClient();
			const { email, password } = await signInThrowawayUser(pb);
			this.#control('identity')!.value = email;
			this.#form.querySelector<HTMLInputElement>('[name="password"]')!.value = password;
			const body = this.#control('body');
			if (body && !(body instanceof RadioNodeList) && this.#collectionControl().value === 'notes') {
				body.value = withOwner(body.value, pb.authStore.record?.id ?? '');
			}
			reportResponse(200);
			this.#changed();
		} catch (error) {
			const text = describeFailure(toRequestFailure(error));
			box.textContent = `Could not sign in. ${text.title} ${text.advice}`;
			box.hidden = false;
			await reportFailure(error);
		}
		await this.#showSession();
	}

	async #run(sides: readonly Side[]) {
		const form = this.#read();
		const checked = checkForm(form, { playground: this.#playground() });
		if (!checked.ok) {
			this.#markInvalid(checked.problems.map((p) => p.field));
			this.#showProblems(checked.problems);
			return;
		}
		this.#showProblems([]);
		const spec = { ...checked.spec, pocketBaseUrl: connection.get().url };
		for (const side of sides) await this.#runSide(side, spec, form.server);
		await this.#showSession();
	}

	async #runSide(side: Side, spec: RequestSpec, server: OwnForm['server']) {
		const box = this.querySelector<HTMLElement>(`[data-side="${side}"]`)!;
		const seen: { exchange?: Exchange } = {};
		const password = this.#password();
		const call = (pb: PocketBase, marked: MarkedOptions) =>
			send(pb, spec, password, { ...marked, requestKey: null, fetch: recordingFetch(seen) });
		try {
			const reader = await directClient();
			const signedIn = reader.authStore.isValid;
			let outcome: { ok: boolean; error?: unknown };
			let time: string;
			if (side === 'direct') {
				const result = await timedCall((marked) => call(reader, marked));
				outcome = result;
				time = directTimeText(result.measuredMs);
			} else {
				const preset = scenarioPresets.find((p) => p.id === server)!;
				const cold = Math.random() < preset.scenario.coldStartChance;
				const hop = ownHop(server, signedIn && spec.method !== 'auth', cold);
				const result = await proxiedCall(await simulatedServer(), call, {
					hop,
					// The cookie flow: the server acts as the reader, unless this request signs in.
					forwardAuthFrom: spec.method === 'auth' ? undefined : reader,
				});
				outcome = result;
				time = proxyTimeText(result.hop.addedMs, result.measuredMs);
			}
			this.#show(
				box,
				seen.exchange,
				time,
				bucketText(side, spec.method, spec.collection, {
					playground: this.#playground(),
					signedIn,
				})
			);
			if (outcome.ok) reportResponse(seen.exchange?.response?.status ?? 200);
			else await this.#fail(box, outcome.error);
		} catch (error) {
			this.#show(box, seen.exchange, '', '');
			await this.#fail(box, error);
		}
	}

	#show(box: HTMLElement, exchange: Exchange | undefined, time: string, bucket: string) {
		box.querySelector<HTMLElement>('.idle')!.hidden = true;
		box.querySelector<HTMLElement>('.result')!.hidden = false;
		box.querySelector<HTMLElement>('.failure')!.hidden = true;
		box
			.querySelector('.request-rows')!
			.replaceChildren(...rows(exchange ? requestRows(exchange) : []));
		box
			.querySelector('.response-rows')!
			.replaceChildren(...rows(exchange ? responseRows(exchange) : []));
		box.querySelector('.time')!.textContent = time;
		box.querySelector('.bucket')!.textContent = bucket;
		const body = exchange?.response;
		const details = box.querySelector<HTMLElement>('.response-body')!;
		details.hidden = !body || body.status === 0;
		details.querySelector('code')!.textContent = body ? prettyBody(body.bodyText) : '';
	}

	async #fail(box: HTMLElement, error: unknown) {
		const text = describeFailure(toRequestFailure(error));
		const failure = box.querySelector<HTMLElement>('.failure')!;
		const strong = document.createElement('strong');
		strong.textContent = text.title;
		failure.replaceChildren(strong, document.createTextNode(` ${text.advice}`));
		failure.hidden = false;
		await reportFailure(error);
	}
}

function item(text: string): HTMLLIElement {
	const li = document.createElement('li');
	li.textContent = text;
	return li;
}

function rows(list: readonly Row[]): HTMLElement[] {
	return list.flatMap(({ name, value }) => {
		const dt = document.createElement('dt');
		dt.textContent = name;
		const dd = document.createElement('dd');
		dd.textContent = value;
		return [dt, dd];
	});
}

customElements.define('own-request', OwnRequest);
