/**
 * The built site holds no secret: no token, no key, no credential the tests use. No browser
 * needed; it runs here because dist/ exists only after the e2e run's build. The build runs with
 * the e2e PocketBase's signing key in its environment (scripts/test.mjs), as a careless
 * deployment might.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../scripts/pocketbase-process.mjs';
import { expect, test } from './fixtures';
import { looksRandom, scanForSecrets, type Literal } from './secret-scan';
import { builtSite } from '../scripts/site-process.mjs';

const dist = builtSite;
const signingKey = process.env['PLAYGROUND_SIGNING_KEY'] ?? '';

/**
 * The superuser credentials the e2e tests sign in with, read from their sources (object
 * literals with an email and a password), so a test that adds one needs no second list here.
 */
function testCredentials(): Literal[] {
	const dir = join(projectRoot, 'tests');
	return readdirSync(dir)
		.filter((file) => file.endsWith('.ts'))
		.flatMap((file) => [
			...readFileSync(join(dir, file), 'utf8').matchAll(
				/\{\s*email:\s*'([^'\s]+@[^'\s]+)',\s*password:\s*'([^']{8,})'\s*\}/g
			),
		])
		.flatMap(([, email, password]) => [
			{ label: `test e-mail ${email}`, value: email! },
			{ label: `test password for ${email}`, value: password! },
		]);
}

/** Each value once: several tests share a password, and one planted copy is one finding. */
function literals(): Literal[] {
	const all = [{ label: 'PLAYGROUND_SIGNING_KEY', value: signingKey }, ...testCredentials()];
	return all.filter((literal, index) => all.findIndex((l) => l.value === literal.value) === index);
}

test('the built site holds no token, key or test credential', () => {
	expect(signingKey.length).toBeGreaterThanOrEqual(32);
	// The tests' superusers are found, so that part of the check is not empty.
	expect(testCredentials().length).toBeGreaterThanOrEqual(2);
	const { findings, filesScanned } = scanForSecrets(dist, literals());
	expect(filesScanned).toBeGreaterThan(20);
	expect(findings).toEqual([]);
});

test('the scanner finds each kind of secret planted in a copy of the built site', () => {
	const copy = mkdtempSync(join(tmpdir(), 'dist-secrets-'));
	try {
		cpSync(dist, copy, { recursive: true });
		const base64url = (value: string) => Buffer.from(value).toString('base64url');
		const jwt = [
			base64url('{"alg":"HS256","typ":"JWT"}'),
			base64url('{"id":"abc123","type":"auth","collectionId":"pbc_3142635823"}'),
			randomBytes(32).toString('base64url'),
		].join('.');
		const randomSecret = randomBytes(24).toString('base64url');
		expect(looksRandom(randomSecret)).toBe(true);
		const credentials = testCredentials();
		const password = credentials.find((c) => c.label.startsWith('test password'))!;
		const plant = (file: string, text: string) =>
			writeFileSync(join(copy, file), `${readFileSync(join(copy, file), 'utf8')}${text}`);
		plant('index.html', `<script>localStorage.pocketbase_auth = "${jwt}"</script>`);
		plant('404.html', `<p>${signingKey}</p>`);
		plant('sitemap-0.xml', `<!-- ${password.value} -->`);
		plant('favicon.svg', '<!-- -----BEGIN PRIVATE KEY-----\nMIIEvQ -->');
		plant('sitemap-index.xml', `<!-- ?secret=${randomSecret} -->`);

		const found = scanForSecrets(copy, literals()).findings.map(({ file, kind }) => ({
			file,
			kind,
		}));
		expect(found).toEqual(
			expect.arrayContaining([
				{ file: 'index.html', kind: 'jwt' },
				{ file: '404.html', kind: 'literal' },
				{ file: 'sitemap-0.xml', kind: 'literal' },
				{ file: 'favicon.svg', kind: 'private key' },
				{ file: 'sitemap-index.xml', kind: 'random secret' },
			])
		);
		expect(found).toHaveLength(5);
	} finally {
		rmSync(copy, { recursive: true, force: true });
	}
});
