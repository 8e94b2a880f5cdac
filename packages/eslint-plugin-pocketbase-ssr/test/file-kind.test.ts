import tsParser from '@typescript-eslint/parser';
import { expect, test } from 'vitest';
import { fileKind } from '../src/file-kind.js';

const kind = (filename: string, code = '') =>
	fileKind(filename, tsParser.parse(code, { sourceType: 'module', jsx: true }));

test('SvelteKit server files, universal loads and client hooks, by name', () => {
	for (const name of [
		'src/hooks.server.ts',
		'src/routes/+page.server.ts',
		'src/routes/a/+layout.server.js',
		'src/routes/api/+server.ts',
		'src/routes/x/data.remote.ts',
		'src/lib/server/pocketbase.ts',
		'src/lib/auth/server/client.ts',
		'src/lib/db.server.ts',
	]) {
		expect(kind(name), name).toBe('server');
	}
	expect(kind('src/routes/+page.ts')).toBe('universal');
	expect(kind('src/routes/+layout.js')).toBe('universal');
	expect(kind('src/hooks.client.ts')).toBe('client');
	expect(kind('src/lib/pocketbase.ts')).toBe('unknown');
	// A SvelteKit route folder called `app` is not Next.js's app router.
	expect(kind('src/routes/app/page.ts')).toBe('unknown');
});

test('Next.js server files by name, unless they say use client', () => {
	for (const name of [
		'app/page.tsx',
		'src/app/notes/[id]/layout.tsx',
		'app/api/login/route.ts',
		'pages/api/hello.ts',
		'app/sitemap.ts',
	]) {
		expect(kind(name), name).toBe('server');
	}
	expect(kind('proxy.ts', `export function proxy() {}`)).toBe('server');
	expect(kind('src/middleware.ts', `export const middleware = () => {};`)).toBe('server');
	expect(kind('middleware.js', `export default function () {}`)).toBe('server');
	expect(kind('app/page.tsx', `'use client';`)).toBe('client');
	expect(kind('app/components/button.tsx')).toBe('unknown');
	// A helper that happens to be called proxy.ts.
	expect(kind('lib/proxy.ts', `export function forward() {}`)).toBe('unknown');
});

test('directives and server-only imports mark any file', () => {
	expect(kind('lib/actions.ts', `'use server';`)).toBe('server');
	expect(kind('lib/pb.ts', `import 'server-only';`)).toBe('server');
	expect(kind('lib/pb.ts', `import { cookies } from 'next/headers';`)).toBe('server');
	expect(kind('src/lib/pb.ts', `import { env } from '$env/dynamic/private';`)).toBe('server');
	expect(kind('src/lib/pb.ts', `import type { X } from '$app/server';`)).toBe('unknown');
	expect(kind('lib/ui.ts', `import 'client-only';`)).toBe('client');
	// A directive after other code is no directive.
	expect(kind('lib/x.ts', `const a = 1; 'use client';`)).toBe('unknown');
});
