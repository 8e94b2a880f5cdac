import rule from '../../src/rules/no-auth-in-universal-load.js';
import { eslintRule, ruleTester } from '../rule-tester.ts';

ruleTester.run('no-auth-in-universal-load', eslintRule(rule), {
	valid: [
		// Data from the server load, read from locals.pb there.
		{ filename: 'src/routes/+page.ts', code: `export const load = async ({ data }) => data;` },
		// The page renders in the browser only: one client per tab is right.
		{
			filename: 'src/routes/+page.ts',
			code: `import { pb } from '$lib/pocketbase';
export const ssr = false;
export const load = async () => ({ signedIn: pb.authStore.isValid });`,
		},
		// A page below a layout that may set `ssr = false`: the file can't tell.
		{
			filename: 'src/routes/account/+page.ts',
			code: `import { pb } from '$lib/pocketbase';
export const load = async () => ({ signedIn: pb.authStore.isValid });`,
		},
		// A server load is not a universal one.
		{
			filename: 'src/routes/+page.server.ts',
			code: `import { pb } from '$lib/pocketbase';
export const load = async () => ({ signedIn: pb.authStore.isValid });`,
		},
		// A client made inside the load, and a component file.
		{
			filename: 'src/routes/+page.ts',
			code: `export const load = async ({ fetch }) => {
	const pb = new PocketBase(URL);
	return { signedIn: pb.authStore.isValid };
};`,
		},
		{
			filename: 'src/lib/session.ts',
			code: `import { pb } from '$lib/pocketbase';
export const signedIn = () => pb.authStore.isValid;`,
		},
	],
	invalid: [
		// The root layout renders on the server unless it says otherwise.
		{
			filename: 'src/routes/+layout.ts',
			code: `import { pb } from '$lib/pocketbase';
export const load = async () => {
	if (!pb.authStore.isValid) redirect(303, '/login');
	return { user: pb.authStore.record };
};`,
			errors: [
				{ messageId: 'universalAuth', line: 3, data: { name: 'pb' } },
				{ messageId: 'universalAuth', line: 4 },
			],
		},
		{
			filename: 'src/routes/account/+layout.js',
			code: `import PocketBase from 'pocketbase';
export const ssr = true;
const client = new PocketBase(PUBLIC_URL);
export async function load() { return { user: client.authStore.record }; }`,
			errors: [{ messageId: 'universalAuth', line: 4, data: { name: 'client' } }],
		},
	],
});
