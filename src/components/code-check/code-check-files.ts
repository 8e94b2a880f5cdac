/**
 * The code check's list of files in the DOM: each row a path and a code field, numbered and
 * labelled ("File 2: code"), added, removed and put back. The first row is in the markup; the
 * others are copies of it, each with ids of its own. Rows are never emptied here: text leaves
 * the form only when the reader removes its row, and the last removed row can be put back.
 */
import { fileLabel, type InputProblem, type PastedFile } from './code-check-view';

export class FileRows {
	readonly #list: HTMLElement;
	readonly #blank: HTMLElement;
	readonly #idBase: string;
	#made = 1;
	#removed: { index: number; row: HTMLElement } | undefined;

	constructor(list: HTMLElement, idBase: string) {
		this.#list = list;
		this.#idBase = idBase;
		const first = this.rows()[0];
		if (!first) throw new Error('code-check: no file row in its markup.');
		// A copy of the first row as the markup made it: what the reader typed stays in theirs.
		this.#blank = first.cloneNode(true) as HTMLElement;
		field(this.#blank, 'name').value = '';
		field(this.#blank, 'code').value = '';
	}

	rows(): HTMLElement[] {
		return [...this.#list.querySelectorAll<HTMLElement>(':scope > [data-file]')];
	}

	read(): PastedFile[] {
		return this.rows().map((row) => ({
			name: field(row, 'name').value,
			code: field(row, 'code').value,
		}));
	}

	/** Adds a row (with `file` in it) at the end and returns it. */
	add(file?: PastedFile): HTMLElement {
		const row = this.#blank.cloneNode(true) as HTMLElement;
		this.#made += 1;
		for (const part of ['name', 'code', 'problem'] as const) {
			const element = part === 'problem' ? problemOf(row) : field(row, part);
			element.id = `${this.#idBase}-file-${this.#made}-${part}`;
			element.closest('label')?.setAttribute('for', element.id);
		}
		if (file) {
			field(row, 'name').value = file.name;
			field(row, 'code').value = file.code;
		}
		this.#list.append(row);
		this.#renumber();
		return row;
	}

	/**
	 * Puts `files` in the form: into the rows that are still empty, then into new rows. Rows the
	 * reader has typed in are kept.
	 */
	fill(files: readonly PastedFile[]): void {
		const empty = this.rows().filter(
			(row) => !field(row, 'name').value.trim() && !field(row, 'code').value.trim()
		);
		for (const [i, file] of files.entries()) {
			const row = empty[i];
			if (!row) {
				this.add(file);
				continue;
			}
			field(row, 'name').value = file.name;
			field(row, 'code').value = file.code;
		}
		for (const row of empty.slice(files.length)) if (this.rows().length > 1) row.remove();
		this.#renumber();
	}

	/** Removes `row`; returns what it held, so the element can offer to put it back. */
	remove(row: HTMLElement): PastedFile {
		const index = this.rows().indexOf(row);
		const file = { name: field(row, 'name').value, code: field(row, 'code').value };
		row.remove();
		this.#removed = { index, row };
		this.#renumber();
		return file;
	}

	/** Puts the last removed row back where it was; returns it. */
	restore(): HTMLElement | undefined {
		const removed = this.#removed;
		if (!removed) return undefined;
		this.#removed = undefined;
		this.#list.insertBefore(removed.row, this.rows()[removed.index] ?? null);
		this.#renumber();
		return removed.row;
	}

	/** Shows each problem under its file, marks the field it is about, and clears the rest. */
	showProblems(problems: readonly InputProblem[]): void {
		for (const [index, row] of this.rows().entries()) {
			const problem = problems.find((p) => p.index === index);
			const box = problemOf(row);
			box.textContent = problem?.text ?? '';
			box.hidden = !problem;
			for (const part of ['name', 'code'] as const) {
				const control = field(row, part);
				const marked = problem?.field === part;
				control.toggleAttribute('aria-invalid', marked);
				if (marked) control.setAttribute('aria-describedby', box.id);
				else control.removeAttribute('aria-describedby');
			}
		}
	}

	/** The field a problem is about, to put the reader's focus on. */
	control(
		index: number,
		part: 'name' | 'code'
	): HTMLInputElement | HTMLTextAreaElement | undefined {
		const row = this.rows()[index];
		return row && field(row, part);
	}

	#renumber(): void {
		const rows = this.rows();
		for (const [index, row] of rows.entries()) {
			const n = index + 1;
			row.querySelector('[data-file-title]')!.textContent = fileLabel(index);
			row.querySelector('[data-name-label]')!.textContent = `File ${n}: path in your project`;
			row.querySelector('[data-code-label]')!.textContent = `File ${n}: code`;
			const remove = row.querySelector<HTMLButtonElement>('[data-remove]')!;
			remove.textContent = `Remove file ${n}`;
			remove.hidden = rows.length === 1;
		}
	}
}

function field(row: HTMLElement, part: 'name'): HTMLInputElement;
function field(row: HTMLElement, part: 'code'): HTMLTextAreaElement;
function field(row: HTMLElement, part: 'name' | 'code'): HTMLInputElement | HTMLTextAreaElement;
function field(row: HTMLElement, part: 'name' | 'code') {
	return row.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-${part}]`)!;
}

function problemOf(row: HTMLElement): HTMLElement {
	return row.querySelector<HTMLElement>('[data-problem]')!;
}
