/**
 * A demo's settings, bound the one way every demo binds them (see demo-element.ts): its form
 * filled from a shared link, written back to the URL on every change, "Copy link" and "Reset".
 */
import { decodeSettings, defaultSettings, type Schema } from '~/lib/url-state';
import { onClick } from './actions';
import { copyLink } from './copy-link';
import { SettingsForm } from './settings-form';

export interface BoundSettings<S extends Schema> {
	form: SettingsForm<S>;
	/** Whether the page was opened with this copy's settings in its URL (a shared link). */
	linked: boolean;
	/** What was wrong with those settings, one sentence each. */
	linkProblems: string[];
}

/**
 * Binds `demo`'s <form> to `schema` under `prefix`, and calls `changed` after the reader changes
 * a setting (on each `redrawOn` event) or resets them all.
 */
export function bindDemoSettings<S extends Schema>(
	demo: HTMLElement,
	schema: S,
	prefix: string,
	redrawOn: 'input' | 'change',
	changed: () => void
): BoundSettings<S> {
	const element = demo.querySelector('form');
	if (!element) throw new Error(`${demo.localName}: a demo with settings needs a <form>.`);
	const form = new SettingsForm(element, schema, prefix);
	const save = () => form.writeUrl(form.read().value);
	// Without this copy's parameters the form keeps what it shows: the defaults it was served
	// with, or what the reader changed before the script ran.
	const params = new URLSearchParams(location.search);
	const linked = [...params.keys()].some((key) => key.startsWith(prefix));
	let linkProblems: string[] = [];
	if (linked) {
		const { value, problems } = decodeSettings(schema, params, prefix);
		form.fill(value);
		linkProblems = problems.map((problem) => `This link: ${problem}`);
	}
	element.addEventListener('submit', (event) => event.preventDefault());
	// Listened on the demo: controls placed outside the form (form="…") change through it.
	demo.addEventListener(redrawOn, () => {
		save();
		changed();
	});
	// Redrawn on every keystroke, the field shows its corrected value on commit (blur, Enter).
	if (redrawOn === 'input') {
		demo.addEventListener('change', () => {
			form.fill(form.read().value);
			save();
		});
	}
	const copy = demo.querySelector<HTMLButtonElement>('[data-action="copy-link"]');
	if (copy) onClick(copy, () => copyLink(copy, form.link(form.read().value, demo.id)));
	demo.querySelector('[data-action="reset"]')?.addEventListener('click', () => {
		form.fill(defaultSettings(schema));
		form.clearUrl();
		changed();
	});
	return { form, linked, linkProblems };
}
