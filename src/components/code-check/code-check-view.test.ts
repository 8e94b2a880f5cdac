import { describe, expect, it } from 'vitest';
import {
	decodeFiles,
	encodeFiles,
	fileReport,
	filesInHash,
	filesToCheck,
	inputProblems,
	linkCopiedText,
	linkWithFiles,
	parseErrorText,
	renderReports,
	summary,
	type LintMessage,
	type RuleDoc,
} from './code-check-view';

const docs: Record<string, RuleDoc> = {
	'pocketbase-ssr/shared-client': {
		title: 'A shared client',
		why: 'One client means one authStore for every visitor.',
		guide: { title: 'Auth state: one client', href: '/problem/auth-state/#one-client' },
		url: '/check/rules/#shared-client',
	},
};

const finding = (
	line: number,
	column: number,
	ruleId: string | null = 'pocketbase-ssr/shared-client'
) => ({ ruleId, message: `Found at ${line}:${column}.`, line, column }) satisfies LintMessage;

describe('what the reader entered', () => {
	it('asks for code when every file is empty, and for nothing else', () => {
		expect(inputProblems([{ name: '', code: '  \n' }])).toEqual([
			{ index: 0, field: 'code', text: 'Paste the code of at least one file first.' },
		]);
		expect(
			inputProblems([
				{ name: 'a.svelte', code: '' },
				{ name: '', code: '' },
			])
		).toHaveLength(1);
	});

	it('asks for the path of a file with code, since the rules read it', () => {
		const [problem] = inputProblems([{ name: ' ', code: 'export {}' }]);
		expect(problem).toMatchObject({ index: 0, field: 'name' });
		expect(problem?.text).toMatch(/^File 1: give it its path in your project/);
		expect(problem?.text).toContain('server code from browser code');
	});

	it('names an unknown file kind, with what the page reads instead', () => {
		const problems = inputProblems([
			{ name: 'lib/pb.ts', code: 'export {}' },
			{ name: 'src/routes/+page.svelte', code: '<script>let a;</script>' },
			{ name: 'Makefile', code: 'all:' },
		]);
		expect(problems.map((p) => p.index)).toEqual([1, 2]);
		expect(problems[0]?.text).toMatch(
			/^File 2: a \.svelte file cannot be checked here, only \.ts,/
		);
		expect(problems[0]?.text).toContain('paste the code of its script as a file of its own');
		expect(problems[1]?.text).toMatch(/^File 3: a file without an extension cannot be checked/);
	});

	it('refuses a name that is not a path', () => {
		const [problem] = inputProblems([{ name: 'src/<x>.ts', code: 'x' }]);
		expect(problem?.text).toBe(
			'File 1: “src/<x>.ts” is not a file path. Use the path in your project, such as lib/pb.ts.'
		);
	});

	it('checks the files with code and a readable name, keeping their positions', () => {
		const files = [
			{ name: 'a.ts', code: '' },
			{ name: ' src/hooks.server.ts ', code: 'export {}' },
			{ name: 'b.svelte', code: 'x' },
			{ name: 'app/page.tsx', code: 'export {}' },
		];
		expect(filesToCheck(files)).toEqual([
			{ index: 1, file: { name: 'src/hooks.server.ts', code: 'export {}' } },
			{ index: 3, file: { name: 'app/page.tsx', code: 'export {}' } },
		]);
	});
});

describe('findings', () => {
	it('sorts a file’s findings by line and column, with the rule’s why and proof', () => {
		const report = fileReport('lib/pb.ts', [finding(9, 3), finding(2, 14), finding(2, 1)], docs);
		expect(report.findings.map((f) => [f.line, f.column])).toEqual([
			[2, 1],
			[2, 14],
			[9, 3],
		]);
		expect(report.findings[0]?.doc?.guide.href).toBe('/problem/auth-state/#one-client');
	});

	it('reports a file that does not parse by the parser’s words, line and column', () => {
		const report = fileReport(
			'lib/pb.ts',
			[{ ruleId: null, fatal: true, message: "Parsing error: ')' expected.", line: 3, column: 36 }],
			docs
		);
		expect(report).toEqual({
			name: 'lib/pb.ts',
			index: 0,
			findings: [],
			parseError: { message: "')' expected.", line: 3, column: 36 },
		});
		expect(parseErrorText(report.parseError!)).toBe(
			"This file does not parse, so it was not checked. Line 3, column 36: ')' expected. Your text is kept as it is: fix it above and check again."
		);
	});

	it('keeps ESLint’s own notes out of the findings', () => {
		expect(fileReport('a.ts', [finding(1, 1, null)], docs).findings).toEqual([]);
	});

	it('sums up findings, clean files and files that did not parse', () => {
		const dirty = fileReport('a.ts', [finding(1, 1), finding(4, 1)], docs);
		const clean = fileReport('b.ts', [], docs);
		const broken = fileReport('c.ts', [{ ...finding(1, 1, null), fatal: true }], docs);
		expect(summary([clean])).toBe('No findings in 1 file.');
		expect(summary([clean, clean])).toBe('No findings in 2 files.');
		expect(summary([dirty])).toBe('2 findings in 1 file.');
		expect(summary([dirty, clean])).toBe('2 findings in 1 of 2 files.');
		expect(summary([dirty, broken])).toBe(
			'2 findings in 1 file. 1 file could not be read; see below.'
		);
		expect(summary([broken])).toBe('No file could be checked.');
	});

	it('renders a heading per file and each finding with its place, rule and links, escaped', () => {
		const html = renderReports(
			[
				fileReport('src/<hooks>.server.ts', [finding(6, 14)], docs, 2),
				fileReport('b.ts', [], docs),
				fileReport('c.ts', [finding(1, 1, 'other/rule')], docs),
			],
			'code-check'
		);
		expect(html).toContain(
			'<article class="cc-report" aria-labelledby="code-check-report-3"><h4 class="cc-file-heading" id="code-check-report-3"><code>src/&lt;hooks&gt;.server.ts</code> <span class="cc-count">1 finding</span></h4>'
		);
		expect(html).toContain(
			'data-goto="2" data-line="6" data-column="14" aria-label="Line 6, column 14: show in the code of file 3">Line 6, column 14</button>'
		);
		expect(html).toContain('<code class="cc-rule">pocketbase-ssr/shared-client</code>');
		expect(html).toContain(
			'Proof: <a href="/problem/auth-state/#one-client">Auth state: one client</a>'
		);
		expect(html).toContain('<a href="/check/rules/#shared-client">About this rule</a>');
		expect(html).toContain('No findings in this file.');
		// A rule the page has no words for still shows its message, without links.
		expect(html).toContain('<code class="cc-rule">other/rule</code><');
		expect(html.match(/Proof:/g)).toHaveLength(1);
	});
});

describe('the shared link', () => {
	const files = [
		{
			name: 'src/hooks.server.ts',
			code: 'export const handle = ({ event }) => {\n\t// é ✓ 𝄞\n};\n',
		},
		{ name: 'lib/pb.ts', code: '' },
	];

	it('round-trips the files through the fragment, URL-safe', async () => {
		const encoded = await encodeFiles(files);
		expect(encoded).toMatch(/^[\w-]+$/);
		const href = linkWithFiles('https://example.org/check/?pb=x#old', 'check-', encoded);
		expect(href).toBe(`https://example.org/check/?pb=x#check-files=${encoded}`);
		const carried = filesInHash(new URL(href).hash, 'check-');
		expect(carried).toBe(encoded);
		expect(await decodeFiles(carried!)).toEqual({ files });
	});

	it('compresses repetitive code', async () => {
		const long = [{ name: 'a.ts', code: 'const pb = new PocketBase(url);\n'.repeat(200) }];
		expect((await encodeFiles(long)).length).toBeLessThan(200);
	});

	it('reads only its own copy’s parameter', () => {
		expect(filesInHash('#check-files=abc', 'check.b.')).toBeNull();
		expect(filesInHash('#some-heading', 'check-')).toBeNull();
	});

	it('says a cut or foreign link could not be read', async () => {
		const encoded = await encodeFiles(files);
		for (const bad of [encoded.slice(0, -6), 'not base64!', 'AAAA', '']) {
			const result = await decodeFiles(bad);
			expect(result).toEqual({
				problem:
					'This link’s code could not be read: it may have been cut short when it was copied. Nothing was filled in.',
			});
		}
		const notFiles = await encodeFiles([]);
		expect(await decodeFiles(notFiles)).toHaveProperty('problem');
	});

	it('says what the copied link carries', () => {
		expect(linkCopiedText(12345, 2)).toBe(
			'Link copied: 12,345 characters, with the code of 2 files. Anyone you give it to can read that code.'
		);
	});
});
