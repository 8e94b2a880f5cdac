/**
 * The code for one PocketBase request, written out for three places it can run: the browser
 * (one SDK client for the page), a SvelteKit server (`locals.pb`, the per-request client that
 * `hooks.server.ts` creates from the request's cookie) and a Next.js route handler (a client
 * per request from `cookies()`). Pure: the same request always gives the same text, and
 * request-code.test.ts compiles a sample of it against the real `pocketbase` types.
 *
 * Every reader-supplied value ends up inside a string literal, escaped here, so no input can
 * break out of the code. Filters always go through `pb.filter(expression, params)`: the SDK
 * quotes and escapes each parameter, where string concatenation would let a value rewrite the
 * filter (a quote, then `|| id != ""`).
 *
 * SvelteKit's `hooks.server.ts` and `app.d.ts` are not generated: they are the example app's own
 * files (examples/sveltekit), the ones its tests run and the guide's pages show.
 */
import svelteKitAppTypes from '../../examples/sveltekit/src/app.d.ts?raw';
import svelteKitEnv from '../../examples/sveltekit/src/env.ts?raw';
import svelteKitHooks from '../../examples/sveltekit/src/hooks.server.ts?raw';
import { withoutRegionMarkers } from './code-region';

export type RequestMethod = 'list' | 'view' | 'create' | 'update' | 'delete' | 'auth';
export type CodeTarget = 'browser' | 'sveltekit' | 'nextjs';

export const requestMethods: readonly RequestMethod[] = [
	'list',
	'view',
	'create',
	'update',
	'delete',
	'auth',
];
export const codeTargets: readonly CodeTarget[] = ['browser', 'sveltekit', 'nextjs'];

export type JsonValue =
	string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface RequestSpec {
	pocketBaseUrl: string;
	collection: string;
	method: RequestMethod;
	/** The filter expression with `{:name}` placeholders; '' for none. */
	filter: string;
	/** The values for the filter's placeholders. */
	params: Readonly<Record<string, JsonValue>>;
	sort: string;
	expand: string;
	recordId: string;
	/** The record body for create and update. */
	body: Readonly<Record<string, JsonValue>>;
	/** The email or username for auth-with-password (the password is never written out). */
	identity: string;
}

export interface CodeFile {
	/** Where the file lives in the app. */
	path: string;
	code: string;
}

/** The number of records one list call asks for, here and in the demo. */
export const perPage = 20;

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A TypeScript string literal in single quotes (the project's style) for any text. */
export function stringLiteral(text: string): string {
	const json = JSON.stringify(text).slice(1, -1);
	// JSON escapes `"` as `\"`; in single quotes `"` needs no escape and `'` does.
	return `'${json.replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** A TypeScript literal for a JSON value, indented to sit at `indent`. */
export function literal(value: JsonValue, indent = ''): string {
	if (typeof value === 'string') return stringLiteral(value);
	if (value === null || typeof value !== 'object') return String(value);
	const inner = `${indent}\t`;
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		return `[\n${value.map((item) => `${inner}${literal(item, inner)},`).join('\n')}\n${indent}]`;
	}
	const entries = Object.entries(value);
	if (entries.length === 0) return '{}';
	const lines = entries.map(
		([key, item]) =>
			`${inner}${identifier.test(key) ? key : stringLiteral(key)}: ${literal(item, inner)},`
	);
	return `{\n${lines.join('\n')}\n${indent}}`;
}

/** The options object of the call (filter, sort, expand), or undefined when it has none. */
function optionsLiteral(spec: RequestSpec, client: string, indent: string): string | undefined {
	const inner = `${indent}\t`;
	const lines: string[] = [];
	if (spec.method === 'list' && spec.filter !== '') {
		const params = Object.keys(spec.params).length ? `, ${literal(spec.params, inner)}` : '';
		lines.push(`${inner}filter: ${client}.filter(${stringLiteral(spec.filter)}${params}),`);
	}
	if (spec.method === 'list' && spec.sort !== '')
		lines.push(`${inner}sort: ${stringLiteral(spec.sort)},`);
	if (spec.method !== 'delete' && spec.method !== 'auth' && spec.expand !== '') {
		lines.push(`${inner}expand: ${stringLiteral(spec.expand)},`);
	}
	return lines.length ? `{\n${lines.join('\n')}\n${indent}}` : undefined;
}

/** The SDK call itself, e.g. `pb.collection('notes').getList(1, 20, { … })`. */
export function sdkCall(spec: RequestSpec, client: string, indent = ''): string {
	const collection = `${client}.collection(${stringLiteral(spec.collection)})`;
	const options = optionsLiteral(spec, client, indent);
	const id = stringLiteral(spec.recordId);
	const body = literal(spec.body, indent);
	const args = (...parts: (string | undefined)[]) =>
		parts.filter((part) => part !== undefined).join(', ');
	switch (spec.method) {
		case 'list':
			return `${collection}.getList(${args('1', String(perPage), options)})`;
		case 'view':
			return `${collection}.getOne(${args(id, options)})`;
		case 'create':
			return `${collection}.create(${args(body, options)})`;
		case 'update':
			return `${collection}.update(${args(id, body, options)})`;
		case 'delete':
			return `${collection}.delete(${id})`;
		case 'auth':
			return `${collection}.authWithPassword(${stringLiteral(spec.identity)}, password)`;
	}
}

/** What the call's result is called in the code. */
function resultName(method: RequestMethod): string {
	if (method === 'list') return 'result';
	if (method === 'delete') return 'deleted';
	if (method === 'auth') return 'auth';
	return 'record';
}

const writes = (method: RequestMethod) => method !== 'list' && method !== 'view';

function browserCode(spec: RequestSpec): CodeFile[] {
	const lines = [
		"import PocketBase from 'pocketbase';",
		'',
		'// One client for the whole page: the SDK keeps the sign-in in localStorage and sends the',
		'// token with every request.',
		`const pb = new PocketBase(${stringLiteral(spec.pocketBaseUrl)});`,
		'',
	];
	if (spec.method === 'auth') {
		lines.push(
			"const form = document.querySelector('form')!;",
			"const password = String(new FormData(form).get('password') ?? '');",
			''
		);
	}
	lines.push(`const ${resultName(spec.method)} = await ${sdkCall(spec, 'pb')};`);
	lines.push(`console.log(${resultName(spec.method)});`);
	return [{ path: 'src/own-request.ts', code: `${lines.join('\n')}\n` }];
}

function svelteKitPage(spec: RequestSpec): string {
	const name = resultName(spec.method);
	if (!writes(spec.method)) {
		return `import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	// locals.pb is this request's own client (hooks.server.ts), signed in as the visitor.
	const ${name} = await ${sdkCall(spec, 'locals.pb', '\t')};
	return { ${name} };
};
`;
	}
	const password =
		spec.method === 'auth'
			? "\t\tconst password = String((await request.formData()).get('password') ?? '');\n"
			: '';
	const after =
		spec.method === 'auth'
			? '\t\t\t// hooks.server.ts writes the new sign-in into the cookie.\n'
			: '';
	return `import { fail } from '@sveltejs/kit';
import { ClientResponseError } from 'pocketbase';
import type { Actions } from './$types';

export const actions = {
	default: async ({ ${spec.method === 'auth' ? 'locals, request' : 'locals'} }) => {
${password}		try {
			// locals.pb is this request's own client (hooks.server.ts), signed in as the visitor.
			const ${name} = await ${sdkCall(spec, 'locals.pb', '\t\t\t')};
${after}			return { ${name} };
		} catch (error) {
			// PocketBase's 400 names each field it refused: send them back to the form.
			if (error instanceof ClientResponseError) {
				return fail(error.status, { message: error.message, errors: error.response['data'] });
			}
			throw error;
		}
	},
} satisfies Actions;
`;
}

function svelteKitCode(spec: RequestSpec): CodeFile[] {
	return [
		{ path: 'src/routes/own-request/+page.server.ts', code: svelteKitPage(spec) },
		// The example app's own files, as they run and are tested there (examples/sveltekit).
		{ path: 'src/hooks.server.ts', code: withoutRegionMarkers(svelteKitHooks) },
		{ path: 'src/app.d.ts', code: svelteKitAppTypes },
		// SvelteKit 3's $app/env/private holds only the variables declared here (POCKETBASE_URL).
		{ path: 'src/env.ts', code: svelteKitEnv },
	];
}

function nextCode(spec: RequestSpec): CodeFile[] {
	const name = resultName(spec.method);
	const verb = writes(spec.method) ? 'POST' : 'GET';
	const password =
		spec.method === 'auth'
			? "\tconst password = String((await request.formData()).get('password') ?? '');\n"
			: '';
	const respond =
		spec.method === 'auth'
			? `\t\t// Hand the new sign-in back as the cookie the next request will carry.
		return Response.json(${name}, {
			headers: { 'set-cookie': pb.authStore.exportToCookie() },
		});`
			: `\t\treturn Response.json(${name});`;
	const code = `import PocketBase, { ClientResponseError } from 'pocketbase';
import { cookies } from 'next/headers';

export async function ${verb}(${spec.method === 'auth' ? 'request: Request' : ''}) {
	// A new client for every request, signed in from this request's cookie: one module-level
	// client would share one visitor's sign-in with everyone.
	const pb = new PocketBase(${stringLiteral(spec.pocketBaseUrl)});
	pb.authStore.loadFromCookie((await cookies()).toString());
${password}	try {
		const ${name} = await ${sdkCall(spec, 'pb', '\t\t')};
${respond}
	} catch (error) {
		// PocketBase's 400 names each field it refused: pass them on.
		if (error instanceof ClientResponseError) {
			return Response.json(error.response, { status: error.status });
		}
		throw error;
	}
}
`;
	return [{ path: 'app/api/own-request/route.ts', code }];
}

/** The files a reader would write for `spec` in `target`, the one with the call first. */
export function generateCode(spec: RequestSpec, target: CodeTarget): CodeFile[] {
	if (target === 'browser') return browserCode(spec);
	if (target === 'sveltekit') return svelteKitCode(spec);
	return nextCode(spec);
}
