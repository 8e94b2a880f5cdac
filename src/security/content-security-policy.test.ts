import { describe, expect, it } from 'vitest';
import { connectSources, contentSecurityPolicy } from './content-security-policy';

describe('connectSources', () => {
	it('covers a loopback or https PocketBase with the general sources, adding nothing', () => {
		const general = ["'self'", 'https:', 'http://127.0.0.1:*', 'http://localhost:*'];
		expect(connectSources('http://127.0.0.1:8090')).toEqual(general);
		expect(connectSources('https://pb.example.com/pb')).toEqual(general);
	});

	it('adds the origin of a plain-http PocketBase elsewhere, and only its origin', () => {
		expect(connectSources('http://pb.lan:8090/pb')).toContain('http://pb.lan:8090');
		expect(connectSources('http://pb.lan:8090/pb')).not.toContain('http:');
	});
});

describe('contentSecurityPolicy', () => {
	const policy = contentSecurityPolicy({
		pocketBaseUrl: 'http://10.0.0.5:8090',
		inlineScriptHashes: ['sha256-abc='],
	});

	it('names the configured PocketBase in connect-src', () => {
		expect(policy.directives).toContain(
			"connect-src 'self' https: http://127.0.0.1:* http://localhost:* http://10.0.0.5:8090"
		);
	});

	it('allows scripts from the site and by hash only: no inline or eval', () => {
		expect(policy.scriptDirective?.resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
		expect(policy.scriptDirective?.hashes).toEqual(['sha256-abc=']);
	});

	it('allows inline style attributes, but not unhashed <style> elements', () => {
		expect(policy.styleDirective?.resources).toEqual([
			"'self'",
			{ resource: "'unsafe-inline'", kind: 'attribute' },
		]);
	});

	it('blocks plugins and <base>', () => {
		expect(policy.directives).toEqual(
			expect.arrayContaining(["object-src 'none'", "base-uri 'none'"])
		);
	});
});
