/**
 * A TypeScript parser for ESLint that runs in a browser: the same AST, tokens and scopes as
 * `@typescript-eslint/parser` without type information, built from the parts that need no Node
 * built-ins. The parser package's own entry also loads the project service (file system, tsconfig
 * lookup), which a pasted file has no use for; typescript-eslint's playground takes the same
 * route through `use-at-your-own-risk`.
 */
import { analyze } from '@typescript-eslint/scope-manager';
import {
	astConverter,
	type ParseSettings,
} from '@typescript-eslint/typescript-estree/use-at-your-own-risk';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import * as ts from 'typescript';

/** The script kind TypeScript itself gives a file by its extension; JSX only where it allows it. */
function scriptKind(filePath: string): ts.ScriptKind {
	const extension = /\.[^./]+$/.exec(filePath.toLowerCase())?.[0] ?? '';
	if (extension === '.tsx') return ts.ScriptKind.TSX;
	if (extension === '.jsx') return ts.ScriptKind.JSX;
	if (['.js', '.mjs', '.cjs'].includes(extension)) return ts.ScriptKind.JS;
	return ts.ScriptKind.TS;
}

/**
 * What the converter reads of typescript-estree's settings: every node with its range and
 * location, tokens and comments (ESLint needs all four), unknown nodes as errors.
 */
function converterSettings(code: string, filePath: string): ParseSettings {
	const settings: Partial<ParseSettings> = {
		allowInvalidAST: false,
		codeFullText: code,
		comment: true,
		errorOnUnknownASTType: false,
		filePath,
		loc: true,
		range: true,
		suppressDeprecatedPropertyWarnings: true,
		tokens: [],
	};
	return settings as ParseSettings;
}

/**
 * ESLint's parser interface: `{ ast, scopeManager, visitorKeys }` for one file. A syntax error
 * is thrown with its line and column (ESLint reports it as a fatal "Parsing error").
 */
export function parseForESLint(
	code: string,
	options: { filePath?: string } = {}
): ReturnType<typeof parseResult> {
	return parseResult(code, options.filePath ?? 'file.ts');
}

function parseResult(code: string, filePath: string) {
	const sourceFile = ts.createSourceFile(
		filePath,
		code,
		{ languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
		true,
		scriptKind(filePath)
	);
	const { estree } = astConverter(sourceFile, converterSettings(code, filePath), false);
	// The parser's own defaults otherwise (lib esnext), so a name resolves as it does in Node.
	const scopeManager = analyze(estree, { sourceType: 'module' });
	return { ast: estree, scopeManager, visitorKeys, services: {} };
}

/** How ESLint names the parser in its messages and caches. */
export const meta = { name: 'typescript-estree-in-the-browser' };
