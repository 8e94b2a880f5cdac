import { describe, expect, it } from 'vitest';
import {
	checkPocketBaseUrl,
	isMixedContent,
	playgroundUrl,
	resolvePocketBaseUrl,
} from './pocketbase-url';

describe('checkPocketBaseUrl', () => {
	it('accepts http and https base URLs and normalises the trailing slash', () => {
		expect(checkPocketBaseUrl('http://127.0.0.1:8090/')).toEqual({
			ok: true,
			url: 'http://127.0.0.1:8090',
		});
		expect(checkPocketBaseUrl(' https://pb.example.com ')).toEqual({
			ok: true,
			url: 'https://pb.example.com',
		});
	});

	it('keeps a sub-path, for PocketBase behind a reverse proxy', () => {
		expect(checkPocketBaseUrl('https://example.com/pb/')).toEqual({
			ok: true,
			url: 'https://example.com/pb',
		});
	});

	it.each([
		['', /empty/],
		['127.0.0.1:8090', /not a web address|Only http/],
		['pocketbase', /not a web address/],
		['javascript:alert(1)', /Only http/],
		['ftp://pb.example.com', /Only http/],
		['https://admin:secret@pb.example.com', /user name or password/],
		['https://pb.example.com/?x=1', /query/],
		['https://pb.example.com/#top', /fragment/],
		['https://pb.example.com/api/health', /inside PocketBase/],
		['https://pb.example.com/_/', /inside PocketBase/],
	])('refuses %j with a reason', (input, reason) => {
		const result = checkPocketBaseUrl(input);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problem).toMatch(reason);
	});
});

describe('resolvePocketBaseUrl', () => {
	it('prefers ?pb=, then the saved choice, then the build default', () => {
		const all = {
			query: 'https://q.example',
			saved: 'https://s.example',
			buildDefault: 'https://d.example',
		};
		expect(resolvePocketBaseUrl(all)).toMatchObject({ url: 'https://q.example', source: 'query' });
		expect(resolvePocketBaseUrl({ ...all, query: null })).toMatchObject({
			url: 'https://s.example',
			source: 'saved',
		});
		expect(resolvePocketBaseUrl({ ...all, query: null, saved: null })).toMatchObject({
			url: 'https://d.example',
			source: 'default',
		});
	});

	it('skips an invalid ?pb= and says why, keeping the saved server', () => {
		const resolved = resolvePocketBaseUrl({
			query: 'file:///etc/passwd',
			saved: 'https://s.example',
			buildDefault: undefined,
		});
		expect(resolved).toMatchObject({ url: 'https://s.example', source: 'saved' });
		expect(resolved.problems).toHaveLength(1);
		expect(resolved.problems[0]).toMatch(/\?pb= in this link was ignored: Only http/);
	});

	it('falls back to the local playground when nothing is usable', () => {
		const resolved = resolvePocketBaseUrl({ query: 'nope', saved: null, buildDefault: '' });
		expect(resolved.url).toBe(playgroundUrl);
		expect(resolved.problems).toHaveLength(1);
	});
});

describe('isMixedContent', () => {
	it('flags http PocketBase from an https page', () => {
		expect(isMixedContent('https://guide.example/x/', 'http://pb.example.com')).toBe(true);
	});
	it('allows loopback, https targets and http pages', () => {
		expect(isMixedContent('https://guide.example/', 'http://127.0.0.1:8090')).toBe(false);
		expect(isMixedContent('https://guide.example/', 'https://pb.example.com')).toBe(false);
		expect(isMixedContent('http://localhost:4321/', 'http://pb.example.com')).toBe(false);
	});
});
