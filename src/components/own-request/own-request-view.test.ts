import { describe, expect, it } from 'vitest';
import { decodeSettings } from '~/lib/url-state';
import {
	bucketText,
	checkForm,
	collectionDefaults,
	coldStarts,
	defaultForm,
	fieldsFor,
	ownSchema,
	textFieldNames,
	urlPrefix,
	filterHints,
	ownHop,
	prettyBody,
	directTimeText,
	proxyTimeText,
	requestRows,
	responseRows,
	shownUrl,
	withOwner,
	type Exchange,
	type OwnForm,
} from './own-request-view';

const form = (changes: Partial<OwnForm>): OwnForm => ({ ...defaultForm, ...changes });

describe('URL state', () => {
	it('reads a link’s text fields as typed, and the choices', () => {
		const params = new URLSearchParams(
			'own-method=view&own-collection=notes&own-id=abc&own-expand=owner&pb=http://x'
		);
		const { value, problems } = decodeSettings(ownSchema, params, urlPrefix);
		expect(problems).toEqual([]);
		expect(value).toEqual(
			form({ method: 'view', collection: 'notes', id: 'abc', expand: 'owner' })
		);
	});

	it('says what it ignored in a bad link, and keeps the defaults there', () => {
		const { value, problems } = decodeSettings(
			ownSchema,
			new URLSearchParams({ 'own-method': 'drop', 'own-sort': 'x'.repeat(201) }),
			urlPrefix
		);
		expect(value.method).toBe('list');
		expect(value.sort).toBe(defaultForm.sort);
		expect(problems).toHaveLength(2);
		expect(problems[0]).toContain('Method must be one of list, view');
		expect(problems[1]).toContain('Sort must be at most 200 characters (this one has 201)');
	});

	it('has a text field for every field a method uses', () => {
		for (const method of ownSchema.method.options) {
			for (const field of fieldsFor(method)) expect(textFieldNames).toContain(field);
		}
	});
});

describe('cold starts', () => {
	it('come from a seeded source: the same seed gives the same series', () => {
		const series = (seed: number) => {
			const cold = coldStarts(seed);
			return Array.from({ length: 2000 }, () => cold('serverless-other-region'));
		};
		expect(series(3)).toEqual(series(3));
		expect(series(3).filter(Boolean).length).toBeGreaterThan(0);
	});
});

describe('checkForm', () => {
	it('turns the default form into a filtered list with its parameters', () => {
		const checked = checkForm(defaultForm, { playground: true });
		expect(checked.ok && checked.spec).toMatchObject({
			collection: 'articles',
			method: 'list',
			filter: 'title ~ {:q}',
			params: { q: 'rules' },
			sort: '-created',
		});
	});

	it('refuses what the browser can tell is wrong, field by field', () => {
		const checked = checkForm(
			form({ method: 'update', collection: 'no such!', id: ' ', body: '[1]' }),
			{ playground: false }
		);
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		expect(checked.problems.map((p) => p.field)).toEqual(['collection', 'body', 'id']);
		expect(checked.problems[1]!.message).toBe(
			'The body must be a JSON object, such as {"q": "rules"}.'
		);
	});

	it('knows the playground’s collections and accepts any valid name elsewhere', () => {
		const own = form({ collection: 'posts' });
		expect(checkForm(own, { playground: false }).ok).toBe(true);
		const checked = checkForm(own, { playground: true });
		expect(checked.ok ? [] : checked.problems[0]!.message).toBe(
			'The playground has articles, notes, users.'
		);
	});

	it('says when the parameters are not JSON', () => {
		const checked = checkForm(form({ params: '{q: 1}' }), { playground: true });
		expect(checked.ok ? '' : checked.problems[0]!.message).toMatch(
			/^The parameters field is not valid JSON/
		);
	});

	it('leaves fields the method does not use out of the request', () => {
		const checked = checkForm(form({ method: 'delete', id: 'abc', params: 'broken' }), {
			playground: true,
		});
		expect(checked.ok && checked.spec).toMatchObject({ filter: '', sort: '', body: {} });
	});
});

describe('filterHints', () => {
	it('points out missing and unused parameters and quoted values', () => {
		expect(filterHints('title ~ {:q}', { q: 'x' })).toEqual([]);
		expect(filterHints('title ~ {:q} && x = "a"', { other: 1 })).toEqual([
			'{:q} has no parameter, so it is sent as it stands.',
			'The parameter other is not used by the filter.',
			'The filter holds a quoted value: pass it as a {:name} parameter instead, so pb.filter() quotes it.',
		]);
		expect(filterHints('title != ""', {})).toEqual([]);
	});
});

const exchange: Exchange = {
	method: 'GET',
	url: 'http://127.0.0.1:8090/api/collections/articles/records?page=1&filter=title%20~%20%22rules%22&timing=abc',
	requestHeaders: [
		['Authorization', 'eyJ.token.sig'],
		['X-Simulated-Server-IP', '203.0.113.10'],
	],
	response: {
		status: 200,
		headers: [['content-type', 'application/json']],
		bodyText: '{"page":1}',
	},
};

describe('request and response rows', () => {
	it('show the request without the timing marker, and which headers were sent', () => {
		expect(shownUrl(exchange.url)).toBe(
			'http://127.0.0.1:8090/api/collections/articles/records?page=1&filter=title ~ "rules"'
		);
		expect(requestRows(exchange).map((row) => row.value)).toEqual([
			'GET http://127.0.0.1:8090/api/collections/articles/records?page=1&filter=title ~ "rules"',
			'sent (a token of 13 characters, not shown)',
			'203.0.113.10',
		]);
		expect(requestRows({ ...exchange, requestHeaders: [] })[1]!.value).toBe('none (a guest)');
	});

	it('show the status, the type and whether the limiter refused', () => {
		expect(responseRows(exchange).map((row) => row.value)).toEqual([
			'200 OK',
			'application/json',
			'let through (PocketBase sends no rate-limit headers; a 429 is the only sign)',
		]);
		const refused = { ...exchange, response: { ...exchange.response!, status: 429 } };
		expect(responseRows(refused)[2]!.value).toBe('refused: this address used up its window');
		expect(
			responseRows({ method: 'GET', url: exchange.url, requestHeaders: [] })[0]!.value
		).toMatch(/no answer/);
	});

	it('pretty-print JSON bodies and cut long ones with a note', () => {
		expect(prettyBody('{"a":1}')).toBe('{\n  "a": 1\n}');
		expect(prettyBody('')).toBe('(empty)');
		expect(prettyBody('x'.repeat(12), 10)).toBe('xxxxxxxxxx\n… (2 more characters not shown)');
	});
});

describe('bucketText', () => {
	const playground = { playground: true, signedIn: false };
	it('puts the direct call in the reader’s own window and the proxied one in the server’s', () => {
		expect(bucketText('direct', 'create', 'users', playground)).toBe(
			'The playground’s rule “*:create” (20 per 5 s), counted for your own address: a window for you alone.'
		);
		expect(bucketText('proxy', 'auth', 'users', playground)).toBe(
			'The playground’s rule “*:auth” (2 per 3 s), counted for the server’s address: a real server has one, shared by every visitor it serves.'
		);
		expect(bucketText('direct', 'list', 'articles', playground)).toContain(
			'“/api/” (300 per 10 s)'
		);
	});

	it('is honest that another PocketBase trusts no simulated-server header', () => {
		const text = bucketText('proxy', 'list', 'posts', { playground: false, signedIn: true });
		expect(text).toMatch(/^PocketBase’s default rule, if your limiter is on, “\/api\/”/);
		expect(text).toContain('counted for your address: your PocketBase trusts no');
	});
});

describe('timing', () => {
	it('models one more server call when the visitor is signed in (the hook’s refresh)', () => {
		const guest = ownHop('same-datacenter', false);
		const user = ownHop('same-datacenter', true);
		expect(user.addedMs).toBeGreaterThan(guest.addedMs);
		expect(ownHop('serverless-other-region', false).addedMs).toBeGreaterThan(guest.addedMs);
	});

	it('adds the modelled hop to the measured call and says which is which', () => {
		expect(proxyTimeText(2.5, 3.1)).toBe(
			'5.6 ms: 2.5 ms modelled server hop + 3.1 ms measured call.'
		);
	});

	it('says a recorded run’s times are the recording’s, never “measured”', () => {
		expect(directTimeText(7, true)).toBe('7.0 ms as recorded.');
		expect(proxyTimeText(2.5, 3.1, true)).toBe(
			'5.6 ms: 2.5 ms modelled server hop + 3.1 ms call, as recorded.'
		);
	});
});

describe('collection defaults', () => {
	it('offer a filter on a field each playground collection has, and nothing elsewhere', () => {
		expect(collectionDefaults('notes')).toMatchObject({ filter: 'text ~ {:q}' });
		expect(collectionDefaults('users')).toMatchObject({ filter: 'email ~ {:q}' });
		expect(collectionDefaults('posts')).toBeUndefined();
	});

	it('set the owner the notes create rule asks for, and leave other text alone', () => {
		expect(withOwner('{"text": "hi"}', 'u1')).toBe('{"text":"hi","owner":"u1"}');
		expect(withOwner('{"text": "hi", "owner": "old"}', 'u1')).toBe('{"text":"hi","owner":"u1"}');
		expect(withOwner('not json', 'u1')).toBe('not json');
	});
});
