/**
 * What the code check shows: which pasted files can be checked and what is wrong with the rest,
 * the findings grouped by file with their line, rule, why and the section that proves it, the
 * sentences that sum them up, and the link that carries the code when the reader asks for one.
 * No DOM and no linter here: the element reads the form, the lazy lint module runs ESLint, and
 * this module turns both into words.
 */
import { escapeHtml, plural } from '../demo-kit/format';

export const urlPrefix = 'check-';

/** One file as the reader pasted it: its path in their project, and its text. */
export interface PastedFile {
	name: string;
	code: string;
}

/** What the plugin says about one rule (its docs map): why it matters, and where that is proven. */
export interface RuleDoc {
	/** A short name for the mistake. */
	title: string;
	why: string;
	/** The guide's section that shows the problem happening. */
	guide: { title: string; href: string };
	/** The rule's own page on this site. */
	url: string;
}

/** One message of ESLint's `Linter.verify()`, the fields this page reads. */
export interface LintMessage {
	ruleId: string | null;
	message: string;
	line: number;
	column: number;
	fatal?: boolean | undefined;
}

/** A problem with what the reader entered, shown next to the field it is about. */
export interface InputProblem {
	/** The file's position in the form, from 0. */
	index: number;
	field: 'name' | 'code';
	text: string;
}

/** The extensions the parser reads; the rules tell server from browser code by the rest. */
export const checkedExtensions = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

const namePattern = /^[\w@$.+\-[\]()/ ]+$/;

/** "File 2" or "File 2 (src/hooks.server.ts)": how a sentence names a file. */
export function fileLabel(index: number, name = ''): string {
	return name.trim() ? `File ${index + 1} (${name.trim()})` : `File ${index + 1}`;
}

/**
 * What stops each file from being checked. A file with no code is left out without a word
 * unless every file is empty; a file with code needs a path with a JS or TS extension.
 */
export function inputProblems(files: readonly PastedFile[]): InputProblem[] {
	if (files.every((file) => file.code.trim() === '')) {
		return [{ index: 0, field: 'code', text: 'Paste the code of at least one file first.' }];
	}
	const problems: InputProblem[] = [];
	for (const [index, file] of files.entries()) {
		if (file.code.trim() === '') continue;
		const problem = nameProblem(file.name.trim());
		if (problem) problems.push({ index, field: 'name', text: `${fileLabel(index)}: ${problem}` });
	}
	return problems;
}

function nameProblem(name: string): string | null {
	if (name === '') {
		return 'give it its path in your project, such as src/routes/notes/+page.server.ts or app/notes/page.tsx. The rules tell server code from browser code by it.';
	}
	if (!namePattern.test(name) || name.endsWith('/')) {
		return `“${name}” is not a file path. Use the path in your project, such as lib/pb.ts.`;
	}
	const extension = /\.[^./]+$/.exec(name)?.[0]?.toLowerCase() ?? '';
	if (checkedExtensions.includes(extension)) return null;
	const what = extension ? `a ${extension} file` : 'a file without an extension';
	return `${what} cannot be checked here, only ${checkedExtensions.join(', ')}. For a .svelte or .vue component, paste the code of its script as a file of its own.`;
}

/** The files that get checked: every file with code and without a problem. */
export function filesToCheck(files: readonly PastedFile[]): { index: number; file: PastedFile }[] {
	const blocked = new Set(inputProblems(files).map((problem) => problem.index));
	return files
		.map((file, index) => ({ index, file: { name: file.name.trim(), code: file.code } }))
		.filter(({ index, file }) => file.code.trim() !== '' && !blocked.has(index));
}

/** One finding as the page lists it. */
export interface Finding {
	line: number;
	column: number;
	rule: string;
	message: string;
	doc: RuleDoc | undefined;
}

/** One checked file: its findings in the order of its lines, or why it could not be read. */
export interface FileReport {
	name: string;
	/** The file's position in the form, from 0: a finding's place links to its field. */
	index: number;
	findings: Finding[];
	/** The parser's complaint, with where it stopped: the file was not checked. */
	parseError?: { message: string; line: number; column: number };
}

/** Turns ESLint's messages for one file into the page's report, sorted by line and column. */
export function fileReport(
	name: string,
	messages: readonly LintMessage[],
	docs: Readonly<Record<string, RuleDoc>>,
	index = 0
): FileReport {
	const fatal = messages.find((message) => message.fatal);
	if (fatal) {
		const message = fatal.message.replace(/^Parsing error:\s*/, '');
		const parseError = { message, line: fatal.line, column: fatal.column };
		return { name, index, findings: [], parseError };
	}
	const findings = messages
		.filter((message) => message.ruleId !== null)
		.map((message) => ({
			line: message.line,
			column: message.column,
			rule: message.ruleId!,
			message: message.message,
			doc: docs[message.ruleId!],
		}))
		.sort((a, b) => a.line - b.line || a.column - b.column);
	return { name, index, findings };
}

/** "3 findings in 2 of 3 files.", "No findings in 2 files.", with files that did not parse. */
export function summary(reports: readonly FileReport[]): string {
	const parsed = reports.filter((report) => !report.parseError);
	const failed = reports.length - parsed.length;
	const count = parsed.reduce((sum, report) => sum + report.findings.length, 0);
	const withFindings = parsed.filter((report) => report.findings.length > 0).length;
	const checked = plural(parsed.length, 'file');
	let text: string;
	if (parsed.length === 0) text = 'No file could be checked.';
	else if (count === 0) text = `No findings in ${checked}.`;
	else if (withFindings === parsed.length) text = `${plural(count, 'finding')} in ${checked}.`;
	else text = `${plural(count, 'finding')} in ${withFindings} of ${checked}.`;
	if (failed > 0 && parsed.length > 0) {
		text += ` ${plural(failed, 'file')} could not be read; see below.`;
	}
	return text;
}

/** "Line 6, column 14": where a finding starts. */
export const position = (line: number, column: number) => `Line ${line}, column ${column}`;

/** The parser's complaint as a sentence that keeps its line and column. */
export function parseErrorText(error: NonNullable<FileReport['parseError']>): string {
	const message = error.message.replace(/\.?$/, '.');
	return `This file does not parse, so it was not checked. ${position(error.line, error.column)}: ${message} Your text is kept as it is: fix it above and check again.`;
}

/**
 * The findings as HTML: an article per file, named by its heading (the file's path and count),
 * then its findings in line order. `idBase` keeps the headings' ids unique on the page.
 */
export function renderReports(reports: readonly FileReport[], idBase: string): string {
	return reports
		.map((report) => {
			const id = `${idBase}-report-${report.index + 1}`;
			const heading = `<h4 class="cc-file-heading" id="${escapeHtml(id)}"><code>${escapeHtml(report.name)}</code> <span class="cc-count">${escapeHtml(reportCount(report))}</span></h4>`;
			let body: string;
			if (report.parseError) {
				body = `<p class="demo-failure">${escapeHtml(parseErrorText(report.parseError))}</p>`;
			} else if (report.findings.length === 0) {
				body = '<p class="cc-clean">No findings in this file.</p>';
			} else {
				const items = report.findings.map((finding) => renderFinding(finding, report.index));
				body = `<ol class="cc-findings">${items.join('')}</ol>`;
			}
			return `<article class="cc-report" aria-labelledby="${escapeHtml(id)}">${heading}${body}</article>`;
		})
		.join('');
}

function reportCount(report: FileReport): string {
	if (report.parseError) return 'not checked';
	return report.findings.length === 0 ? 'no findings' : plural(report.findings.length, 'finding');
}

function renderFinding(finding: Finding, index: number): string {
	const place = escapeHtml(position(finding.line, finding.column));
	// A button, not a link: it moves the caret to the finding in the reader's own text.
	const where = `<button type="button" class="cc-where" data-goto="${index}" data-line="${finding.line}" data-column="${finding.column}" aria-label="${place}: show in the code of file ${index + 1}">${place}</button>`;
	const rule = `<code class="cc-rule">${escapeHtml(finding.rule)}</code>`;
	const message = `<p class="cc-message">${escapeHtml(finding.message)}</p>`;
	const doc = finding.doc;
	const why = doc
		? `<p class="cc-why"><strong>Why:</strong> ${escapeHtml(doc.why)}</p><p class="cc-links">Proof: <a href="${escapeHtml(doc.guide.href)}">${escapeHtml(doc.guide.title)}</a> · <a href="${escapeHtml(doc.url)}">About this rule</a></p>`
		: '';
	return `<li class="cc-finding"><p class="cc-head">${where} ${rule}</p>${message}${why}</li>`;
}

// The shared link. The files travel after the `#`, which browsers keep to themselves: a web
// server that serves the link never sees the code; anyone given the link can read it.

/** The link's parameter for this copy of the page's check (`check-files`). */
export const linkParam = (prefix: string) => `${prefix}files`;

/** The largest link this page opens: about 200,000 characters of code, compressed. */
const maxLinkLength = 300_000;
const maxFiles = 20;

/** The files as one URL-safe string: JSON, deflated, base64url. */
export async function encodeFiles(files: readonly PastedFile[]): Promise<string> {
	const json = JSON.stringify(files.map((file) => [file.name, file.code]));
	const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
	const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
	return toBase64Url(bytes);
}

/** The files a link carries, or the sentence that says why it could not be read. */
export async function decodeFiles(
	text: string
): Promise<{ files: PastedFile[] } | { problem: string }> {
	const problem =
		'This link’s code could not be read: it may have been cut short when it was copied. Nothing was filled in.';
	if (text.length > maxLinkLength || !/^[\w-]*$/.test(text)) return { problem };
	try {
		const stream = new Blob([fromBase64Url(text)])
			.stream()
			.pipeThrough(new DecompressionStream('deflate-raw'));
		const parsed: unknown = JSON.parse(await new Response(stream).text());
		if (!Array.isArray(parsed) || parsed.length === 0 || parsed.length > maxFiles) {
			return { problem };
		}
		const files = parsed.map((entry: unknown) => {
			if (!Array.isArray(entry) || entry.length !== 2) throw new Error('not a file');
			const [name, code] = entry as unknown[];
			if (typeof name !== 'string' || typeof code !== 'string') throw new Error('not a file');
			return { name, code };
		});
		return { files };
	} catch {
		return { problem };
	}
}

/** The page's address with the files after `#`, and nothing else in the fragment. */
export function linkWithFiles(href: string, prefix: string, encoded: string): string {
	const url = new URL(href);
	url.hash = `${linkParam(prefix)}=${encoded}`;
	return url.href;
}

/** The encoded files in a location's fragment, if it carries this copy's. */
export function filesInHash(hash: string, prefix: string): string | null {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	return params.get(linkParam(prefix));
}

/** "Link copied: 1,234 characters, with the code of 2 files." */
export function linkCopiedText(length: number, files: number): string {
	return `Link copied: ${length.toLocaleString('en')} characters, with the code of ${plural(files, 'file')}. Anyone you give it to can read that code.`;
}

function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
	const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
	return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
