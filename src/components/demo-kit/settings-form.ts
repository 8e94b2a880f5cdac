/**
 * Binds a demo's <form> to its settings schema (src/lib/url-state.ts). Each control is named
 * by its URL parameter (`race-requests`, `lx-reader`...), so the form, the address bar and a
 * copied link all speak the same names, and every value goes through the same decoder
 * whether it came from a link or from the reader's keyboard.
 */
import {
	decodeSettings,
	paramName,
	withSettings,
	type Decoded,
	type Schema,
	type Settings,
} from '~/lib/url-state';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export class SettingsForm<S extends Schema> {
	readonly form: HTMLFormElement;
	readonly schema: S;
	readonly prefix: string;
	/**
	 * Whether a field is unused by the current choices (a record id for a list): such a field
	 * stays out of the URL and of links, so a link carries only what the demo will use.
	 */
	unused: (key: keyof S & string) => boolean = () => false;

	constructor(form: HTMLFormElement, schema: S, prefix: string) {
		this.form = form;
		this.schema = schema;
		this.prefix = prefix;
	}

	control(key: keyof S & string): Control | null {
		return this.form.elements.namedItem(paramName(key, this.prefix)) as Control | null;
	}

	/** The form's state as query parameters, for the URL decoder to check. */
	params(): URLSearchParams {
		const params = new URLSearchParams();
		for (const [key, spec] of Object.entries(this.schema)) {
			const control = this.control(key);
			if (!control) continue;
			const checked = (control as HTMLInputElement).checked;
			params.set(
				paramName(key, this.prefix),
				spec.kind === 'boolean' ? (checked ? '1' : '0') : control.value
			);
		}
		return params;
	}

	/** The form's settings, decoded: in bounds, with a problem sentence per bad field. */
	read(): Decoded<S> {
		return decodeSettings(this.schema, this.params(), this.prefix);
	}

	/** The problem with one field's current value, if any. */
	problemWith(key: keyof S & string): string | undefined {
		const name = paramName(key, this.prefix);
		const one = new URLSearchParams([[name, this.params().get(name) ?? '']]);
		const problem = decodeSettings(this.schema, one, this.prefix).problems[0];
		// The decoder quotes the raw parameter; on screen the field's label says it better.
		return problem?.replace(/^“[^”]*”: /, '');
	}

	/**
	 * Marks every field the decoder had to correct (`aria-invalid`) and returns the problems in
	 * words, for the demo to show beside its form: the demo goes on with the corrected values, so
	 * the reader must be told which ones.
	 */
	markProblems(): string[] {
		for (const key of Object.keys(this.schema)) {
			const control = this.control(key);
			if (!control) continue;
			if (this.problemWith(key) === undefined) control.removeAttribute('aria-invalid');
			else control.setAttribute('aria-invalid', 'true');
		}
		return this.read().problems;
	}

	fill(settings: Settings<S>): void {
		for (const [key, spec] of Object.entries(this.schema)) {
			const control = this.control(key);
			if (!control) continue;
			const value = (settings as Record<string, unknown>)[key];
			if (spec.kind === 'boolean') (control as HTMLInputElement).checked = Boolean(value);
			else control.value = String(value);
			control.removeAttribute('aria-invalid');
		}
	}

	/** Writes `settings` into the address bar, leaving other demos' parameters alone. */
	writeUrl(settings: Settings<S>): void {
		replaceQuery(this.#withSettings(new URLSearchParams(location.search), settings));
	}

	/** Drops every parameter of this demo from the address bar. */
	clearUrl(): void {
		const params = new URLSearchParams(location.search);
		for (const key of [...params.keys()]) if (key.startsWith(this.prefix)) params.delete(key);
		replaceQuery(params);
	}

	/** A link that reopens this demo (`#id`) with `settings`. */
	link(settings: Settings<S>, id: string): URL {
		const url = new URL(location.href);
		url.search = this.#withSettings(url.searchParams, settings).toString();
		url.hash = id;
		return url;
	}

	#withSettings(current: URLSearchParams, settings: Settings<S>): URLSearchParams {
		const next = withSettings(current, this.schema, settings, this.prefix);
		for (const key of Object.keys(this.schema)) {
			if (this.unused(key)) next.delete(paramName(key, this.prefix));
		}
		return next;
	}
}

export function replaceQuery(params: URLSearchParams): void {
	const url = new URL(location.href);
	url.search = params.toString();
	history.replaceState(history.state, '', url);
}
