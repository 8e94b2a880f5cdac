// Every package the project's code loads must be named in package.json. One that only arrives as
// some other package's dependency works until that package drops it, and then `npm ci` builds a
// project that cannot start. This reads the sources the way a reviewer would: the import and
// require specifiers, outside code samples in the pages.
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { extname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const sourceDirs = ['scripts', 'bench', 'tests', 'src'];
const rootFiles = [
	'astro.config.mjs',
	'eslint.config.mjs',
	'site.config.mjs',
	'playwright.config.ts',
	'vitest.config.ts',
];
const extensions = new Set(['.ts', '.mts', '.js', '.mjs', '.astro', '.mdx']);
const skipDirs = new Set(['node_modules', 'rendered']);

/** Specifiers the toolchain resolves without a package: Astro's virtual modules and the `~` alias. */
const isVirtual = (specifier: string) =>
	specifier.startsWith('astro:') || specifier.startsWith('~/');

function* sourceFiles(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) {
			if (!skipDirs.has(entry.name)) yield* sourceFiles(path);
		} else if (extensions.has(extname(entry.name))) {
			yield path;
		}
	}
}

/** The package a specifier names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export function packageName(specifier: string): string {
	const parts = specifier.split('/');
	return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** The code in a file: an Astro component's frontmatter and scripts, an MDX page's ESM lines. */
function codeOf(text: string, extension: string): string {
	if (extension === '.astro') {
		const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
		const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
		return [frontmatter, ...scripts].join('\n');
	}
	if (extension === '.mdx') {
		// Fenced code samples show other projects' code; only the page's own imports count.
		const prose = text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1\s*$/gm, '');
		return prose
			.split('\n')
			.filter((line) => /^(import|export)\s/.test(line))
			.join('\n');
	}
	return text;
}

/** Bare specifiers (not relative paths) that a file imports, requires or resolves. */
export function bareSpecifiers(text: string, extension: string): string[] {
	const code = codeOf(text, extension);
	const { importedFiles } = ts.preProcessFile(code, true, true);
	const resolved = [...code.matchAll(/\brequire\.resolve\(\s*(['"])([^'"\n]+)\1/g)].map(
		(match) => match[2] ?? ''
	);
	return [...importedFiles.map((file) => file.fileName), ...resolved].filter(
		(specifier) => !/^[./]/.test(specifier)
	);
}

describe('bareSpecifiers', () => {
	it('finds static, dynamic, type and require imports, and skips MDX code samples', () => {
		const code = [
			"import a from 'alpha';",
			"import { b } from '@scope/beta/sub';",
			"const c = await import('gamma');",
			"type D = import('delta').D;",
			"require.resolve('epsilon/package.json');",
			"import './local';",
		].join('\n');
		expect(bareSpecifiers(code, '.ts')).toEqual([
			'alpha',
			'@scope/beta/sub',
			'gamma',
			'delta',
			'epsilon/package.json',
		]);
		const mdx = [
			"import X from 'real';",
			'',
			'```ts title="a.ts"',
			"import sample from 'sample-only';",
			'```',
			'',
			"<p>import this from 'prose'</p>",
		].join('\n');
		expect(bareSpecifiers(mdx, '.mdx')).toEqual(['real']);
		const astro =
			"---\nimport A from 'in-frontmatter';\n---\n<p>from 'text'</p>\n<script>\nimport 'in-script';\n</script>\n";
		expect(bareSpecifiers(astro, '.astro')).toEqual(['in-frontmatter', 'in-script']);
		expect(packageName('@scope/beta/sub')).toBe('@scope/beta');
		expect(packageName('epsilon/package.json')).toBe('epsilon');
	});
});

describe('package.json', () => {
	it('declares every package the code imports', () => {
		const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
			name: string;
			dependencies?: Record<string, string>;
			devDependencies?: Record<string, string>;
		};
		const declared = new Set([
			...Object.keys(manifest.dependencies ?? {}),
			...Object.keys(manifest.devDependencies ?? {}),
		]);
		const files = [
			...sourceDirs.flatMap((dir) => [...sourceFiles(join(root, dir))]),
			...rootFiles.map((file) => join(root, file)),
		].filter((file) => file !== import.meta.filename); // this file's samples are not imports
		const undeclared = files.flatMap((file) =>
			bareSpecifiers(readFileSync(file, 'utf8'), extname(file))
				.filter((specifier) => !isBuiltin(specifier) && !isVirtual(specifier))
				.map(packageName)
				.filter((name) => !declared.has(name))
				.map((name) => `${relative(root, file)}: ${name}`)
		);
		expect(files.length).toBeGreaterThan(50);
		expect(undeclared).toEqual([]);
	});
});
