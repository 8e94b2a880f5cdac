/**
 * What every demo's element finds and says, by one convention: its parts are
 * `[data-part="name"]` (`getPart()`), its buttons `[data-action="name"]` (`button()`), its live
 * region the `announce` part, and a failure is shown one way (`showFailure()`): PocketBase's or
 * the network's failure in the reader's words with its advice, announced, and reported to the
 * page's connection. `DemoElement` (demo-element.ts) builds a demo's life cycle on it.
 */
import { onClick } from './actions';

export abstract class DemoParts extends HTMLElement {
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
}
