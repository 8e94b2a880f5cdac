import rule from '../../src/rules/no-superuser-in-client.js';
import { eslintRule, ruleTester } from '../rule-tester.ts';

ruleTester.run('no-superuser-in-client', eslintRule(rule), {
	valid: [
		// Private names, in server code.
		{
			filename: 'src/lib/server/admin.ts',
			code: `import { POCKETBASE_SUPERUSER_TOKEN } from '$app/env/private';
admin.authStore.save(POCKETBASE_SUPERUSER_TOKEN);`,
		},
		{ filename: 'lib/admin.ts', code: `const token = process.env.POCKETBASE_ADMIN_TOKEN;` },
		// A public name that is no secret.
		{ filename: 'lib/pb.ts', code: `const url = process.env.NEXT_PUBLIC_POCKETBASE_URL;` },
		{ filename: 'lib/pb.ts', code: `const contact = process.env.NEXT_PUBLIC_ADMIN_EMAIL;` },
		{
			filename: 'src/routes/+page.ts',
			code: `import { PUBLIC_POCKETBASE_URL } from '$env/static/public';`,
		},
		// A superuser sign-in in server code is where it belongs.
		{
			filename: 'src/lib/server/admin.ts',
			code: `await admin.collection('_superusers').authWithPassword(EMAIL, PASSWORD);`,
		},
		{
			filename: 'app/api/report/route.ts',
			code: `export async function GET() { await pb.collection('_superusers').authWithPassword(e, p); }`,
		},
		// A visitor's sign-in in client code is fine.
		{
			filename: 'components/login.tsx',
			code: `'use client';
export async function login() { await pb.collection('users').authWithPassword(e, p); }`,
		},
		// A private variable declared in SvelteKit 3's env.ts.
		{
			filename: 'src/env.ts',
			code: `export const variables = defineEnvVars({ POCKETBASE_SUPERUSER_TOKEN: { description: 'x' } });`,
		},
	],
	invalid: [
		{
			filename: 'src/lib/pb.ts',
			code: `import { PUBLIC_PB_ADMIN_PASSWORD } from '$env/static/public';`,
			errors: [{ messageId: 'publicSecret', data: { name: 'PUBLIC_PB_ADMIN_PASSWORD' } }],
		},
		{
			filename: 'src/routes/+page.ts',
			code: `import { env } from '$env/dynamic/public';
const password = env.PUBLIC_SUPERUSER_PASSWORD;`,
			errors: [{ messageId: 'publicSecret', line: 2 }],
		},
		{
			filename: 'lib/admin.ts',
			code: `const token = process.env.NEXT_PUBLIC_POCKETBASE_SUPERUSER_TOKEN;`,
			errors: [{ messageId: 'publicSecret' }],
		},
		{
			filename: 'src/lib/admin.ts',
			code: `const password = import.meta.env.VITE_ADMIN_PASSWORD;`,
			errors: [{ messageId: 'publicSecret' }],
		},
		{
			filename: 'src/env.ts',
			code: `export const variables = defineEnvVars({
	PUBLIC_ADMIN_TOKEN: { description: 'x', public: true },
});`,
			errors: [{ messageId: 'publicSecret', line: 2 }],
		},
		// A superuser sign-in in a client component, a universal load, the SDK's older admins API.
		{
			filename: 'components/admin-panel.tsx',
			code: `'use client';
import PocketBase from 'pocketbase';
const pb = new PocketBase(url);
export async function signIn() { await pb.collection('_superusers').authWithPassword(e, p); }`,
			errors: [{ messageId: 'superuserInBrowser', line: 4 }],
		},
		{
			filename: 'src/routes/+layout.ts',
			code: `export const load = async () => { await pb.collection('_superusers').authWithPassword(e, p); };`,
			errors: [{ messageId: 'superuserInBrowser' }],
		},
		{
			filename: 'src/hooks.client.ts',
			code: `await pb.admins.authWithPassword(e, p);`,
			errors: [{ messageId: 'superuserInBrowser' }],
		},
	],
});
