/**
 * The auth-state demo's repeated bits of DOM: list items, table rows, the decoded token's
 * terms and the reader's notes, built from what auth-state-view.ts says to show.
 */
import type { Row } from './auth-state-view';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = '') {
	const made = document.createElement(tag);
	made.textContent = text;
	if (className) made.className = className;
	return made;
}

/** `<li>`s of text, each with its kind (measured, modelled) when it has one. */
export function lineItems(lines: readonly { text: string; kind?: string }[]): HTMLLIElement[] {
	return lines.map(({ text, kind }) => {
		const item = element('li', text);
		if (kind) item.dataset['kind'] = kind;
		return item;
	});
}

/** A `<tr>` of a row header and its cells. */
export function tableRow(header: string, ...cells: string[]): HTMLTableRowElement {
	const th = element('th', header);
	th.scope = 'row';
	const tr = element('tr');
	tr.append(th, ...cells.map((text) => element('td', text)));
	return tr;
}

/** The token's parts as a description list's terms and details, notes beside the values. */
export function tokenTerms(rows: readonly Row[]): HTMLElement[] {
	return rows.flatMap(({ label, value, note }) => {
		const dd = element('dd');
		dd.append(element('code', value));
		if (note) dd.append(element('span', ` ${note}`, 'row-note'));
		return [element('dt', label), dd];
	});
}

/** One item per note: its text, then its id. */
export function noteItems(notes: readonly { id: string; [field: string]: unknown }[]) {
	return notes.map((note) => {
		const item = element('li', `${String(note['text'])} `);
		item.append(element('code', note.id));
		return item;
	});
}
