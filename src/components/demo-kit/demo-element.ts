/**
 * The base of every live demo's element: a demo's life cycle, written once, so each demo's own
 * element is only its wiring.
 *
 * - **Parts** are found by one convention: `[data-part="name"]` (`getPart()`), buttons by
 *   `[data-action="name"]` (`button()`), and the demo's live region is its `announce` part.
 * - **Readiness** comes from one source, `demoControlsEnabled` (src/lib/connection-status.ts):
 *   while PocketBase cannot be tried, every action that needs it is disabled (all but
 *   `copy-link` and `reset`, unless `needsPocketBase()` says otherwise), and
 *   `readinessChanged()` hears it. A demo that only runs a model in the page says `modelOnly`:
 *   it never loads the connection code (readiness.ts), never probes PocketBase, and no button
 *   waits for it.
 * - **Failures** are shown one way (`showFailure()`): PocketBase's or the network's failure in
 *   the reader's words with its advice, announced, and reported to the page's connection.
 * - **Settings** (`settings()`): with a schema, the demo's `<form>` is bound to the URL, filled
 *   from it on load, written back on every change, and `copy-link` copies a link to this demo
 *   with them, and `reset` fills the defaults and drops them from the URL. Its parameters carry
 *   this copy's prefix (`urlPrefix`, from the markup's `data-url-prefix`), so two copies of a
 *   demo on one page keep their settings apart. Once started, `settingsChanged()` hears every
 *   change (on `change`, or on each `input` with `redrawOn: 'input'`); `linkProblems` says what
 *   was wrong with the link the page was opened with.
 * - **Start**: `start()` runs once, when the demo comes near the screen or is touched, so its code
 *   and the SDK load only then (`lazy`), or at once; `startNow()` when the reader acts first. A
 *   lazy demo whose schema comes with its code binds it there (`bindSettings()`).
 */
import type { Schema, Settings } from '~/lib/url-state';
import { onClick, startWhenNear } from './actions';
import { bindDemoSettings, type BoundSettings } from './demo-settings';
import { demoUrlPrefixOf } from './demo-props';
import type { SettingsForm } from './settings-form';

export interface DemoOptions<S extends Schema | undefined> {
	/** The demo's settings schema, when it has settings (bound under `urlPrefix`). */
	settings?: S extends Schema ? { schema: S; redrawOn?: 'input' | 'change' } : never;
	/** Start only when the demo comes near the screen or is touched (default: at once). */
	lazy?: boolean;
	/** The demo runs a model in the page and never calls PocketBase (default: it does). */
	modelOnly?: boolean;
}

export abstract class DemoElement<S extends Schema | undefined = undefined> extends HTMLElement {
	#settings: BoundSettings<S & Schema> | undefined;
	#modelOnly = false;
	#begun = false;
	#started = false;
	#ready = false;
	#recorded = false;
	#starting: Promise<void> = Promise.resolve();
	#restoreParts: (() => void) | undefined;
	#recordedRun: { readinessChanged(ready: boolean): void } | undefined;
	#stopWatching: (() => void) | undefined;
	#unsubscribe: (() => void) | undefined;

	/** What this demo is: its settings and when it starts. */
	protected abstract options(): DemoOptions<S>;

	/** Binds the demo's actions and shows its first state; runs once (see `lazy`). */
	protected abstract start(): void | Promise<void>;

	/** Whether a `[data-action]` button needs PocketBase to be reachable to be pressed. */
	protected needsPocketBase(action: string): boolean {
		return !this.#modelOnly && action !== 'copy-link' && action !== 'reset';
	}

	/** Called, once started, when the reader changes a setting or resets them (see `redrawOn`). */
	protected settingsChanged(): void {}

	/** Called whenever PocketBase becomes usable or stops being so (`ready` says which). */
	protected readinessChanged(): void {}

	/** Called when the reader's sign-in was dropped: its playground host stopped (host-guard.ts). */
	protected signInChanged(): void {}

	/**
	 * The demo's own run, resolved when it is done: a demo that has it offers a recorded run
	 * (recorded-run.ts) and `npm run record` records it.
	 */
	protected playRecordedRun?(): Promise<void>;

	/**
	 * Empties the demo's results (switching between a recorded run and live ones): by default,
	 * its parts as they were before any run (`snapshotParts`).
	 */
	protected clearResults(): void {
		this.#restoreParts?.();
	}

	connectedCallback() {
		const options = this.options();
		this.#modelOnly = options.modelOnly ?? false;
		this.#ready = this.#modelOnly;
		if (options.settings) {
			this.bindSettings(options.settings.schema as S & Schema, options.settings.redrawOn);
		}
		if (options.lazy) this.#stopWatching = startWhenNear(this, () => this.startNow());
		else this.startNow();
	}

	/** Starts the demo now if it has not begun (the reader acted before it came near); once. */
	protected startNow(): void {
		if (this.#begun) return;
		this.#begun = true;
		this.#stopWatching?.();
		this.#started = true;
		this.#starting = Promise.resolve(this.start());
		if (this.#modelOnly) return;
		// Controls stay disabled until this code has heard the connection; loaded here, not above,
		// so a page of model demos never loads it. start() does not wait for it: the demo is set up
		// before a reader can reach it.
		void Promise.all([import('./readiness'), import('./recorded-run')]).then(
			async ([{ watchReadiness }, { attachRecordedRun, snapshotParts }]) => {
				await this.#starting;
				if (!this.isConnected) return;
				this.#restoreParts = snapshotParts(this);
				this.#recordedRun = this.playRecordedRun && attachRecordedRun(this.#recordedHost());
				this.#unsubscribe = watchReadiness(
					(ready) => {
						this.#ready = ready;
						this.#recordedRun?.readinessChanged(ready);
						this.refreshControls();
						this.readinessChanged();
					},
					() => this.signInChanged()
				);
			}
		);
	}

	disconnectedCallback() {
		this.#stopWatching?.();
		this.#unsubscribe?.();
	}

	/** The prefix of this copy's URL parameters (`race-`, or `race.<id>.` for a second copy). */
	protected get urlPrefix(): string {
		return demoUrlPrefixOf(this);
	}

	/** Whether PocketBase can be tried now (answering, or answering 429), or a recording answers. */
	protected get ready(): boolean {
		return this.#ready || this.#recorded;
	}

	#recordedHost() {
		return {
			element: this,
			play: () => this.playRecordedRun?.() ?? Promise.resolve(),
			clear: () => this.clearResults(),
			setRecorded: (recorded: boolean) => {
				this.#recorded = recorded;
				this.refreshControls();
				this.readinessChanged();
			},
		};
	}

	/** Whether the demo has a run to record (`npm run record` asks). */
	get recordable(): boolean {
		return this.playRecordedRun !== undefined;
	}

	/** Records one run of the demo once PocketBase can be used (`npm run record` calls it). */
	async recordRun(): Promise<unknown> {
		this.startNow();
		await this.#starting;
		const { recordRun } = await import('./recorded-run');
		return recordRun(
			() => this.#ready,
			() => this.playRecordedRun?.() ?? Promise.resolve()
		);
	}

	/**
	 * Enables every action that needs PocketBase while it can be tried, and applies `extra`,
	 * the demo's own conditions (an action that needs a signed-in reader, say).
	 */
	protected refreshControls(extra: (action: string) => boolean = () => true): void {
		for (const button of this.querySelectorAll<HTMLButtonElement>('[data-action]')) {
			const action = button.dataset['action'] ?? '';
			if (!this.needsPocketBase(action)) continue;
			button.disabled = !this.ready || !extra(action);
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
		return this.settingsForm.read().value;
	}

	/** Whether the page was opened with this copy's settings in its URL (a shared link). */
	protected get linked(): boolean {
		return this.#settings?.linked ?? false;
	}

	/** What was wrong with those settings, one sentence each ("This link: …"). */
	protected get linkProblems(): string[] {
		return this.#settings?.linkProblems ?? [];
	}

	/** The form its settings are bound to. */
	protected get settingsForm(): SettingsForm<S & Schema> {
		if (!this.#settings) throw new Error(`${this.localName} has no settings schema.`);
		return this.#settings.form;
	}

	/**
	 * Shows a failure in `box` (a `.demo-failure` element): its title in bold, then the advice;
	 * announces it and reports it to the page's connection, so the status panel follows.
	 */
	protected async showFailure(box: HTMLElement, error: unknown): Promise<void> {
		// Only live demos fail this way; a page of model demos never loads these words.
		const { describeFailure, reportFailure, toRequestFailure } = await import('./readiness');
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

	/** Binds the form to `schema`: in `start()`, for a lazy demo whose schema comes with its code. */
	protected bindSettings(schema: S & Schema, redrawOn: 'input' | 'change' = 'change'): void {
		this.#settings = bindDemoSettings(this, schema, this.urlPrefix, redrawOn, () => {
			if (this.#started) this.settingsChanged();
		});
	}
}
