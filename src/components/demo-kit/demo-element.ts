/**
 * The base of every live demo's element: a demo's life cycle, written once, so each demo's own
 * element is only its wiring.
 *
 * - **Parts** are found by one convention: `[data-part="name"]` (`getPart()`), buttons by
 *   `[data-action="name"]` (`button()`), and the demo's live region is its `announce` part.
 * - **Readiness** comes from one source, `demoControlsEnabled` (src/lib/connection-status.ts):
 *   while PocketBase cannot be tried, every action that needs it is disabled (all but
 *   `copy-link`, unless `needsPocketBase()` says otherwise), and `readinessChanged()` hears it.
 * - **Failures** are shown one way (`showFailure()`): PocketBase's or the network's failure in
 *   the reader's words with its advice, announced, and reported to the page's connection.
 * - **Settings** (`settings()`): with a schema, the demo's `<form>` is bound to the URL, filled
 *   from it on load, written back on every change, and `copy-link` copies a link to this demo
 *   with them. Its parameters carry this copy's prefix (`urlPrefix`, from the markup's
 *   `data-url-prefix`), so two copies of a demo on one page keep their settings apart.
 * - **Start**: `start()` runs once, when the demo comes near the screen or is touched, so its code
 *   and the SDK load only then (`lazy`), or at once.
 */
import { demoControlsEnabled } from '~/lib/connection-status';
import { describeFailure, toRequestFailure } from '~/lib/request-error';
import { decodeSettings, type Schema, type Settings } from '~/lib/url-state';
import { onClick, startWhenNear } from './actions';
import { connection, reportFailure, startWatching } from './connection';
import { copyLink } from './copy-link';
import { demoUrlPrefixOf } from './demo-props';
import { SettingsForm } from './settings-form';

export interface DemoOptions<S extends Schema | undefined> {
	/** The demo's settings schema, when it has settings (bound under `urlPrefix`). */
	settings?: S extends Schema ? { schema: S } : never;
	/** Start only when the demo comes near the screen or is touched (default: at once). */
	lazy?: boolean;
}

export abstract class DemoElement<S extends Schema | undefined = undefined> extends HTMLElement {
	#form: SettingsForm<S & Schema> | undefined;
	#ready = false;
	#stopWatching: (() => void) | undefined;
	#unsubscribe: (() => void) | undefined;

	/** What this demo is: its settings and when it starts. */
	protected abstract options(): DemoOptions<S>;

	/** Binds the demo's actions and shows its first state; runs once (see `lazy`). */
	protected abstract start(): void;

	/** Whether a `[data-action]` button needs PocketBase to be reachable to be pressed. */
	protected needsPocketBase(action: string): boolean {
		return action !== 'copy-link';
	}

	/** Called whenever PocketBase becomes usable or stops being so (`ready` says which). */
	protected readinessChanged(): void {}

	connectedCallback() {
		const options = this.options();
		if (options.settings) this.#bindSettings(options.settings.schema, this.urlPrefix);
		const begin = () => {
			startWatching();
			this.#unsubscribe = connection.subscribe(({ status }) => {
				this.#ready = demoControlsEnabled(status.state);
				this.refreshControls();
				this.readinessChanged();
			});
			this.start();
		};
		if (options.lazy) this.#stopWatching = startWhenNear(this, begin);
		else begin();
	}

	disconnectedCallback() {
		this.#stopWatching?.();
		this.#unsubscribe?.();
	}

	/** The prefix of this copy's URL parameters (`race-`, or `race.<id>.` for a second copy). */
	protected get urlPrefix(): string {
		return demoUrlPrefixOf(this);
	}

	/** Whether PocketBase can be tried now (answering, or answering 429). */
	protected get ready(): boolean {
		return this.#ready;
	}

	/**
	 * Enables every action that needs PocketBase while it can be tried, and applies `extra`,
	 * the demo's own conditions (an action that needs a signed-in reader, say).
	 */
	protected refreshControls(extra: (action: string) => boolean = () => true): void {
		for (const button of this.querySelectorAll<HTMLButtonElement>('[data-action]')) {
			const action = button.dataset['action'] ?? '';
			if (!this.needsPocketBase(action)) continue;
			button.disabled = !this.#ready || !extra(action);
		}
	}

	protected getPart<T extends HTMLElement = HTMLElement>(
		name: string,
		within: ParentNode = this
	): T {
		const found = within.querySelector<T>(`[data-part="${name}"]`);
		if (!found) throw new Error(`${this.localName}: no [data-part="${name}"] in its markup.`);
		return found;
	}

	protected button(action: string): HTMLButtonElement {
		const found = this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
		if (!found) throw new Error(`${this.localName}: no [data-action="${action}"] in its markup.`);
		return found;
	}

	/** Runs `handler` on the action's button, ignoring clicks while its last run is busy. */
	protected onAction(action: string, handler: () => Promise<void> | void): void {
		onClick(this.button(action), async () => handler());
	}

	/** Says `text` in the demo's live region. */
	protected announce(text: string): void {
		this.getPart('announce').textContent = text;
	}

	/** The demo's settings, decoded from its form (in bounds, whatever was typed). */
	protected settings(): Settings<S & Schema> {
		if (!this.#form) throw new Error(`${this.localName} has no settings schema.`);
		return this.#form.read().value;
	}

	/** The form its settings are bound to. */
	protected get settingsForm(): SettingsForm<S & Schema> {
		if (!this.#form) throw new Error(`${this.localName} has no settings schema.`);
		return this.#form;
	}

	/**
	 * Shows a failure in `box` (a `.demo-failure` element): its title in bold, then the advice;
	 * announces it and reports it to the page's connection, so the status panel follows.
	 */
	protected async showFailure(box: HTMLElement, error: unknown): Promise<void> {
		const text = describeFailure(toRequestFailure(error));
		this.showProblem(box, text.title, text.advice);
		await reportFailure(error);
	}

	/** Shows a problem the demo found itself (no request failed), the same way. */
	protected showProblem(box: HTMLElement, title: string, advice: string): void {
		const strong = document.createElement('strong');
		strong.textContent = title;
		box.replaceChildren(strong, document.createTextNode(advice ? ` ${advice}` : ''));
		box.hidden = false;
		this.announce(advice ? `${title} ${advice}` : title);
	}

	#bindSettings(schema: Schema, prefix: string) {
		const form = this.querySelector('form');
		if (!form) throw new Error(`${this.localName}: a demo with settings needs a <form>.`);
		this.#form = new SettingsForm(form, schema as S & Schema, prefix);
		this.#form.fill(
			decodeSettings(schema, new URLSearchParams(location.search), prefix).value as Settings<
				S & Schema
			>
		);
		form.addEventListener('submit', (event) => event.preventDefault());
		// Controls placed outside the form (form="…") change through the demo, not the form.
		this.addEventListener('change', () => this.#form?.writeUrl(this.#form.read().value));
		const copy = this.querySelector<HTMLButtonElement>('[data-action="copy-link"]');
		if (copy) {
			onClick(copy, () => copyLink(copy, this.#form!.link(this.#form!.read().value, this.id)));
		}
	}
}
