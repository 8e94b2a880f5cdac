import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
	codeTargets,
	generateCode,
	literal,
	requestMethods,
	sdkCall,
	stringLiteral,
	type CodeFile,
	type RequestSpec,
} from './request-code';

const base: RequestSpec = {
	pocketBaseUrl: 'http://127.0.0.1:8090',
	collection: 'articles',
	method: 'list',
	filter: 'title ~ {:q}',
	params: { q: 'rules' },
	sort: '-created',
	expand: '',
	recordId: 'abc123def456ghi',
	body: { text: 'A note', owner: 'u1' },
	identity: 'me@example.com',
};

describe('sdkCall', () => {
	it('passes the filter through pb.filter with its parameters, never pasted into the string', () => {
		const call = sdkCall({ ...base, params: { q: "x' || id != '" } }, 'pb');
		expect(call).toContain("filter: pb.filter('title ~ {:q}', {");
		expect(call).toContain("q: 'x\\' || id != \\'',");
		expect(call).not.toContain("title ~ 'x");
	});

	it('writes each method as its SDK call', () => {
		const call = (method: RequestSpec['method']) => sdkCall({ ...base, method }, 'pb');
		expect(call('list')).toMatch(/^pb\.collection\('articles'\)\.getList\(1, 20, \{/);
		expect(call('view')).toBe("pb.collection('articles').getOne('abc123def456ghi')");
		expect(call('create')).toMatch(/\.create\(\{\n\ttext: 'A note',\n\towner: 'u1',\n\}\)$/);
		expect(call('update')).toMatch(/\.update\('abc123def456ghi', \{/);
		expect(call('delete')).toBe("pb.collection('articles').delete('abc123def456ghi')");
		expect(call('auth')).toBe(
			"pb.collection('articles').authWithPassword('me@example.com', password)"
		);
	});

	it('leaves out options the reader did not set, and keeps expand for reads and writes', () => {
		const bare = { ...base, filter: '', sort: '', expand: '' };
		expect(sdkCall(bare, 'pb')).toBe("pb.collection('articles').getList(1, 20)");
		expect(sdkCall({ ...bare, filter: 'title != ""', params: {} }, 'pb')).toContain(
			'filter: pb.filter(\'title != ""\'),'
		);
		expect(sdkCall({ ...bare, method: 'view', expand: 'owner' }, 'pb')).toContain(
			"expand: 'owner',"
		);
	});
});

describe('literals', () => {
	it('escape quotes, backslashes and line breaks so no input leaves its string', () => {
		expect(stringLiteral(`it's "quoted" \\ and\nnew`)).toBe(`'it\\'s "quoted" \\\\ and\\nnew'`);
		expect(literal({ 'two words': [1, true, null], ok: {} })).toBe(
			"{\n\t'two words': [\n\t\t1,\n\t\ttrue,\n\t\tnull,\n\t],\n\tok: {},\n}"
		);
	});
});

describe('generateCode', () => {
	it('gives SvelteKit the page, the per-request hook, the Locals type and the env declarations', () => {
		const files = generateCode(base, 'sveltekit');
		expect(files.map((file) => file.path)).toEqual([
			'src/routes/own-request/+page.server.ts',
			'src/hooks.server.ts',
			'src/app.d.ts',
			'src/env.ts',
		]);
		// SvelteKit 3 serves $app/env/private only the variables src/env.ts declares.
		expect(files[1]!.code).toContain("from '$app/env/private'");
		expect(files[3]!.code).toContain('POCKETBASE_URL: {');
		expect(files[0]!.code).toContain('locals.pb.collection');
		// The example app's hook, as its own tests run it, without its region markers.
		expect(files[1]!.code).toContain('const pb = new PocketBase(POCKETBASE_URL);');
		expect(files[1]!.code).toContain('event.locals.pb = pb;');
		expect(files[1]!.code).not.toContain('#region');
		// Only the sign-in reads the posted form.
		expect(generateCode({ ...base, method: 'create' }, 'sveltekit')[0]!.code).toContain(
			'default: async ({ locals }) => {'
		);
		expect(generateCode({ ...base, method: 'auth' }, 'sveltekit')[0]!.code).toContain(
			'default: async ({ locals, request }) => {'
		);
	});

	it('makes Next.js create its client inside the handler, from the cookies', () => {
		const [file] = generateCode({ ...base, method: 'create' }, 'nextjs');
		expect(file!.code).toMatch(/export async function POST\(\) \{\n[^]*new PocketBase/);
		expect(file!.code).toContain('loadFromCookie((await cookies()).toString())');
		expect(generateCode(base, 'nextjs')[0]!.code).toContain('export async function GET()');
	});

	it('never writes the password out', () => {
		for (const target of codeTargets) {
			const code = generateCode({ ...base, method: 'auth' }, target)
				.map((file) => file.code)
				.join('\n');
			expect(code).toContain("get('password')");
		}
	});
});

/*
 * The generated files compiled with the TypeScript compiler against the installed `pocketbase`
 * package's own types. The frameworks are not installed, so what the snippets use of them is
 * declared here, small and by name: these are stand-ins, not the frameworks' real types.
 */
const frameworkStandIns = `
declare module '@sveltejs/kit' {
	export interface RequestEvent {
		locals: App.Locals;
		request: Request;
		url: URL;
		getClientAddress(): string;
	}
	export function fail<T>(status: number, data: T): { status: number; data: T };
}
declare module '@sveltejs/kit/hooks' {
	import type { RequestEvent } from '@sveltejs/kit';
	export type Handle = (input: {
		event: RequestEvent;
		resolve: (event: RequestEvent) => Promise<Response>;
	}) => Promise<Response>;
}
declare module '@sveltejs/kit/env' {
	export interface EnvVarConfig {
		description?: string;
		public?: boolean;
		static?: boolean;
		schema?: (value: string | undefined) => unknown;
	}
	export function defineEnvVars<T extends Record<string, EnvVarConfig>>(variables: T): T;
}
declare module '$app/env' {
	export const building: boolean;
}
declare module '$app/env/private' {
	export const POCKETBASE_URL: string;
}
declare module 'next/headers' {
	export interface ReadonlyRequestCookies {
		get(name: string): { name: string; value: string } | undefined;
		toString(): string;
	}
	export function cookies(): Promise<ReadonlyRequestCookies>;
}
`;
/** SvelteKit generates `./$types` per route; this stand-in has the two names the page uses. */
const svelteKitRouteTypes = `
import type { RequestEvent } from '@sveltejs/kit';
export type PageServerLoad = (event: RequestEvent) => Promise<Record<string, unknown>>;
export type Actions = Record<string, (event: RequestEvent) => Promise<unknown>>;
`;

const pocketbaseRoot = fileURLToPath(new URL('../../node_modules/pocketbase/', import.meta.url));

/** Compiles apps (each a set of files in a folder of its own) in one program; returns errors. */
function compile(apps: readonly (readonly CodeFile[])[]): string[] {
	const root = '/app/';
	const virtual = new Map<string, string>([[`${root}framework-stand-ins.d.ts`, frameworkStandIns]]);
	apps.forEach((files, i) => {
		virtual.set(`${root}${i}/src/routes/own-request/$types.d.ts`, svelteKitRouteTypes);
		for (const file of files) virtual.set(`${root}${i}/${file.path}`, file.code);
	});
	const options: ts.CompilerOptions = {
		strict: true,
		noUncheckedIndexedAccess: true,
		exactOptionalPropertyTypes: true,
		noUnusedLocals: true,
		noUnusedParameters: true,
		target: ts.ScriptTarget.ES2022,
		module: ts.ModuleKind.ESNext,
		moduleResolution: ts.ModuleResolutionKind.Bundler,
		lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
		types: [],
		noEmit: true,
		skipLibCheck: true,
	};
	const host = ts.createCompilerHost(options);
	const realRead = host.readFile.bind(host);
	const realExists = host.fileExists.bind(host);
	// `pocketbase` resolves to the real package; everything under /app/ is in memory.
	const mapPath = (file: string) =>
		file.startsWith(`${root}node_modules/pocketbase/`)
			? join(pocketbaseRoot, file.slice(`${root}node_modules/pocketbase/`.length))
			: file;
	host.readFile = (file) => virtual.get(file) ?? realRead(mapPath(file));
	host.fileExists = (file) => virtual.has(file) || realExists(mapPath(file));
	host.getSourceFile = (file, language) => {
		const text = host.readFile(file);
		return text === undefined ? undefined : ts.createSourceFile(file, text, language, true);
	};
	host.getCurrentDirectory = () => root;
	host.directoryExists = (dir) =>
		dir.startsWith(root)
			? dir === root.slice(0, -1) ||
				[...virtual.keys()].some((file) => file.startsWith(`${dir}/`)) ||
				`${dir}/`.startsWith(`${root}node_modules/`) ||
				realExists(join(mapPath(dir), 'package.json'))
			: ts.sys.directoryExists(dir);
	const program = ts.createProgram([...virtual.keys()], options, host);
	return ts
		.getPreEmitDiagnostics(program)
		.map(
			(d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`
		);
}

describe('the generated code type-checks against the real pocketbase types', () => {
	const samples: RequestSpec[] = requestMethods.map((method) => ({
		...base,
		method,
		collection: method === 'auth' ? 'users' : 'notes',
		expand: method === 'view' ? 'owner' : '',
		params: { q: "it's", min: 3, done: false },
		filter: 'text ~ {:q} && count >= {:min} && done = {:done}',
	}));
	it('reads the real package (a broken stand-in would make every check pass)', () => {
		expect(readFileSync(join(pocketbaseRoot, 'package.json'), 'utf8')).toContain('"pocketbase"');
		const broken = compile([
			[
				{
					path: 'src/broken.ts',
					code: "import PocketBase from 'pocketbase';\nnew PocketBase(1);\n",
				},
			],
		]);
		expect(broken.join('\n')).toMatch(/not assignable to parameter of type 'string/);
	});
	it(`for each method (${requestMethods.join(', ')}) and each target (${codeTargets.join(', ')})`, () => {
		const apps = codeTargets.flatMap((target) =>
			samples.map((sample) => generateCode(sample, target))
		);
		expect(apps).toHaveLength(18);
		expect(compile(apps)).toEqual([]);
	});
});
