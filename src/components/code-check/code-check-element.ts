/**
 * <code-check>: the reader's files in, the plugin's findings out. The form and its rows are
 * code-check-files.ts; the words are code-check-view.ts; ESLint, its parser and the rules load
 * from code-check-lint.ts on the first "Check" only. A link opened with files in its fragment
 * fills the form and checks them; a link is made only when the reader asks for one.
 */
import { DemoElement, type DemoOptions } from '../demo-kit/demo-element';
import { FileRows } from './code-check-files';
import {
	decodeFiles,
	encodeFiles,
	fileReport,
	filesInHash,
	filesToCheck,
	inputProblems,
	linkCopiedText,
	linkWithFiles,
	renderReports,
	summary,
	type PastedFile,
} from './code-check-view';

const loadLinter = () => import('./code-check-lint');

class CodeCheck extends DemoElement {
	#rows!: FileRows;
	#loaded = false;

	protected options(): DemoOptions<undefined> {
		return { modelOnly: true };
	}

	protected async start() {
		this.#rows = new FileRows(this.getPart('files'), this.id);
		this.onAction('check', () => this.#check());
		this.onAction('add-file', () => this.#addFile());
		this.onAction('example', () => this.#loadExample());
		this.onAction('share', () => this.#share());
		this.onAction('undo-remove', () => this.#undoRemove());
		this.getPart('files').addEventListener('click', (event) => {
			const remove = (event.target as Element).closest<HTMLElement>('[data-remove]');
			const row = remove?.closest<HTMLElement>('[data-file]');
			if (row) this.#remove(row);
		});
		this.getPart('reports').addEventListener('click', (event) => {
			const where = (event.target as Element).closest<HTMLElement>('[data-goto]');
			if (where) this.#goTo(where);
		});
		// A link with files, opened here or pasted into the address bar of this page.
		addEventListener('hashchange', this.#onHashChange);
		await this.#onHash();
	}

	override disconnectedCallback() {
		super.disconnectedCallback();
		removeEventListener('hashchange', this.#onHashChange);
	}

	readonly #onHash = () => {
		const carried = filesInHash(location.hash, this.urlPrefix);
		return carried === null ? Promise.resolve() : this.#open(carried);
	};
	readonly #onHashChange = () => void this.#onHash();

	async #open(encoded: string) {
		const decoded = await decodeFiles(encoded);
		if ('problem' in decoded) {
			this.showProblem(this.getPart('failure'), 'This link did not open.', decoded.problem);
			return;
		}
		this.#rows.fill(decoded.files);
		await this.#check();
	}

	async #check() {
		const failure = this.getPart('failure');
		failure.hidden = true;
		const files = this.#rows.read();
		const problems = inputProblems(files);
		this.#rows.showProblems(problems);
		const toCheck = filesToCheck(files);
		if (toCheck.length === 0) {
			this.getPart('results').hidden = true;
			this.announce(problems.map((problem) => problem.text).join(' '));
			const first = problems[0];
			if (first) this.#rows.control(first.index, first.field)?.focus();
			return;
		}
		this.announce(this.#loaded ? 'Checking…' : 'Loading the checker (the first time only)…');
		let lint: Awaited<ReturnType<typeof loadLinter>>;
		try {
			lint = await loadLinter();
			this.#loaded = true;
		} catch {
			this.showProblem(
				failure,
				'The checker did not load.',
				'Check your connection and press Check again; your files are still here.'
			);
			return;
		}
		const messages = lint.lintFiles(toCheck.map(({ file }) => file));
		const reports = toCheck.map(({ index, file }, i) =>
			fileReport(file.name, messages[i] ?? [], lint.ruleDocs, index)
		);
		const skipped = problems.length ? ` ${problems.map((problem) => problem.text).join(' ')}` : '';
		const text = summary(reports);
		this.getPart('summary').textContent = text + skipped;
		this.getPart('reports').innerHTML = renderReports(reports, this.id);
		this.getPart('results').hidden = false;
		this.announce(text + skipped);
	}

	#addFile() {
		const row = this.#rows.add();
		row.querySelector<HTMLInputElement>('[data-name]')?.focus();
	}

	#loadExample() {
		const template = this.getPart<HTMLTemplateElement>('example');
		const files: PastedFile[] = [...template.content.querySelectorAll('pre')].map((pre) => ({
			name: pre.dataset['name'] ?? '',
			code: pre.textContent,
		}));
		this.#rows.fill(files);
		this.announce(`Example loaded: ${files.map((file) => file.name).join(' and ')}. Press Check.`);
	}

	#remove(row: HTMLElement) {
		const file = this.#rows.remove(row);
		const undo = this.button('undo-remove');
		undo.hidden = !(file.name.trim() || file.code.trim());
		this.announce(
			`Removed ${file.name.trim() || 'an empty file'}.${undo.hidden ? '' : ' Undo remove puts it back.'}`
		);
		(undo.hidden ? this.button('add-file') : undo).focus();
	}

	#undoRemove() {
		const row = this.#rows.restore();
		this.button('undo-remove').hidden = true;
		row?.querySelector<HTMLInputElement>('[data-name]')?.focus();
		if (row) this.announce('The file is back.');
	}

	/** Puts the caret at a finding's line and column in its file's code. */
	#goTo(where: HTMLElement) {
		const code = this.#rows.control(Number(where.dataset['goto']), 'code');
		if (!code) return;
		const lines = code.value.split('\n');
		const line = Math.min(Number(where.dataset['line']), lines.length);
		const offset =
			lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) +
			Number(where.dataset['column']) -
			1;
		code.focus();
		code.setSelectionRange(
			offset,
			offset + (lines[line - 1]?.length ?? 0) - Number(where.dataset['column']) + 1
		);
	}

	async #share() {
		const files = this.#rows.read().filter((file) => file.name.trim() || file.code.trim());
		const note = this.getPart('share-note');
		const linkField = this.getPart('share-field');
		this.getPart('share').hidden = false;
		if (files.length === 0) {
			note.textContent = 'There is no code to put in a link yet.';
			linkField.hidden = true;
			this.announce(note.textContent);
			return;
		}
		const href = linkWithFiles(location.href, this.urlPrefix, await encodeFiles(files));
		try {
			await navigator.clipboard.writeText(href);
			note.textContent = linkCopiedText(href.length, files.length);
			linkField.hidden = true;
		} catch {
			note.textContent = `The link could not be copied for you: select it below and copy it. It holds the code of ${files.length === 1 ? 'your file' : 'your files'}.`;
			this.getPart<HTMLInputElement>('share-link').value = href;
			linkField.hidden = false;
		}
		this.announce(note.textContent);
	}
}

customElements.define('code-check', CodeCheck);
