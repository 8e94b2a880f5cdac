import rule from '../../src/rules/no-export-to-cookie-value.js';
import { eslintRule, ruleTester } from '../rule-tester.ts';

const filename = 'src/routes/login/+page.server.ts';

ruleTester.run('no-export-to-cookie-value', eslintRule(rule), {
	valid: [
		// Appended as the header it is.
		{ filename, code: `response.headers.append('set-cookie', pb.authStore.exportToCookie());` },
		// Split into name, value and options first.
		{
			filename,
			code: `const { name, value, ...options } = cookies.parse(pb.authStore.exportToCookie());
cookies.set(name, value ?? '', options);`,
		},
		{
			filename,
			code: `cookies.set('pb_auth', JSON.stringify({ token: pb.authStore.token }), { path: '/' });`,
		},
		// Some other map's set.
		{ filename, code: `cache.set('pb_auth', pb.authStore.exportToCookie());` },
	],
	invalid: [
		{
			filename,
			code: `cookies.set('pb_auth', pb.authStore.exportToCookie(), { path: '/' });`,
			errors: [{ messageId: 'headerAsValue', line: 1, column: 24 }],
		},
		{
			filename,
			code: `event.cookies.set('pb_auth', locals.pb.authStore.exportToCookie({ httpOnly: false }), { path: '/' });`,
			errors: [{ messageId: 'headerAsValue' }],
		},
		{
			filename: 'app/actions.ts',
			code: `(await cookies()).set('pb_auth', pb.authStore.exportToCookie());`,
			errors: [{ messageId: 'headerAsValue' }],
		},
		{
			filename: 'app/actions.ts',
			code: `const store = await cookies();
store.set('pb_auth', pb.authStore.exportToCookie());`,
			errors: [{ messageId: 'headerAsValue', line: 2 }],
		},
		{
			filename: 'app/actions.ts',
			code: `(await cookies()).set({ name: 'pb_auth', value: pb.authStore.exportToCookie() });`,
			errors: [{ messageId: 'headerAsValue' }],
		},
	],
});
