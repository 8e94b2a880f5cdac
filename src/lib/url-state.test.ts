import { describe, expect, it } from 'vitest';
import { mulberry32 } from './seeded-random';
import {
	decodeSettings,
	defaultSettings,
	encodeSettings,
	paramName,
	withSettings,
	type Schema,
	type Settings,
} from './url-state';

const schema = {
	requests: { kind: 'integer', label: 'Requests', min: 1, max: 200, default: 20 },
	concurrency: { kind: 'integer', label: 'Concurrency', min: 1, max: 16, default: 4 },
	browserServerRttMs: { kind: 'number', label: 'RTT', min: 0, max: 1000, default: 40, decimals: 1 },
	scenario: {
		kind: 'choice',
		label: 'Scenario',
		options: ['same-datacenter', 'serverless-other-region', 'edge-near-reader'] as const,
		default: 'same-datacenter',
	},
	keepAlive: { kind: 'boolean', label: 'Keep-alive', default: true },
} as const satisfies Schema;

const decode = (query: string, prefix = 'race-') =>
	decodeSettings(schema, new URLSearchParams(query), prefix);

describe('decodeSettings', () => {
	it('gives the defaults for a link without settings, with no problems', () => {
		expect(decode('')).toEqual({ value: defaultSettings(schema), problems: [] });
	});

	it('reads every kind of field', () => {
		const { value, problems } = decode(
			'race-requests=50&race-concurrency=8&race-browser-server-rtt-ms=12.5&race-scenario=edge-near-reader&race-keep-alive=0'
		);
		expect(problems).toEqual([]);
		expect(value).toEqual({
			requests: 50,
			concurrency: 8,
			browserServerRttMs: 12.5,
			scenario: 'edge-near-reader',
			keepAlive: false,
		});
	});

	it('clamps out-of-range numbers to the nearest bound and says so', () => {
		const { value, problems } = decode(
			'race-requests=500&race-concurrency=0&race-browser-server-rtt-ms=-3'
		);
		expect(value.requests).toBe(200);
		expect(value.concurrency).toBe(1);
		expect(value.browserServerRttMs).toBe(0);
		expect(problems).toEqual([
			'“race-requests=500”: Requests must be from 1 to 200; using 200.',
			'“race-concurrency=0”: Concurrency must be from 1 to 16; using 1.',
			'“race-browser-server-rtt-ms=-3”: RTT must be from 0 to 1000; using 0.',
		]);
	});

	it('falls back to the default for malformed values, never throwing', () => {
		const malformed = ['abc', '', ' ', '0x10', '1e3', 'Infinity', 'NaN', '5ms', '%E2%80%AE'];
		for (const raw of malformed) {
			const { value, problems } = decode(`race-requests=${raw}`);
			expect(value.requests).toBe(20);
			expect(problems).toHaveLength(1);
			expect(problems[0]).toContain('must be a whole number from 1 to 200; using the default, 20.');
		}
	});

	it('rounds a fractional request count and reports it', () => {
		const { value, problems } = decode('race-requests=2.6');
		expect(value.requests).toBe(3);
		expect(problems).toEqual(['“race-requests=2.6”: Requests must be a whole number; using 3.']);
	});

	it('keeps the declared precision of decimal settings', () => {
		expect(decode('race-browser-server-rtt-ms=12.3456').value.browserServerRttMs).toBe(12.3);
	});

	it('rejects unknown choices and unreadable switches', () => {
		const { value, problems } = decode('race-scenario=moon&race-keep-alive=maybe');
		expect(value.scenario).toBe('same-datacenter');
		expect(value.keepAlive).toBe(true);
		expect(problems).toEqual([
			'“race-scenario=moon”: Scenario must be one of same-datacenter, serverless-other-region, edge-near-reader; using the default, same-datacenter.',
			'“race-keep-alive=maybe”: Keep-alive must be 1 (on) or 0 (off); using the default, on.',
		]);
	});

	it('accepts common spellings of on and off', () => {
		expect(decode('race-keep-alive=false').value.keepAlive).toBe(false);
		expect(decode('race-keep-alive=Yes').value.keepAlive).toBe(true);
	});

	it('uses the first of repeated parameters and reports unknown ones under its prefix only', () => {
		const { value, problems } = decode(
			'race-requests=5&race-requests=9&race-colour=red&pb=x&lx-a=1'
		);
		expect(value.requests).toBe(5);
		expect(problems).toEqual([
			'“race-requests” appears 2 times in the link; only the first counts.',
			'“race-colour” is not a setting of this demo; it was ignored.',
		]);
	});

	it('reads only its own prefix', () => {
		expect(decode('lx-requests=7').value.requests).toBe(20);
		expect(decode('lx-requests=7', 'lx-').value.requests).toBe(7);
	});
});

describe('encodeSettings', () => {
	it('writes every field under the prefix, in kebab case, with short numbers', () => {
		const params = encodeSettings(
			schema,
			{ ...defaultSettings(schema), browserServerRttMs: 1.5 },
			'race-'
		);
		expect(params.toString()).toBe(
			'race-requests=20&race-concurrency=4&race-browser-server-rtt-ms=1.5&race-scenario=same-datacenter&race-keep-alive=1'
		);
	});

	it('never writes a value a decoder would reject', () => {
		const params = encodeSettings(schema, { ...defaultSettings(schema), requests: 999 }, 'x-');
		expect(params.get('x-requests')).toBe('200');
	});
});

describe('round trip', () => {
	it('decodes exactly what it encoded, for many random valid settings', () => {
		const random = mulberry32(2024);
		const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
		for (let i = 0; i < 300; i++) {
			const value: Settings<typeof schema> = {
				requests: 1 + Math.floor(random() * 200),
				concurrency: 1 + Math.floor(random() * 16),
				browserServerRttMs: Math.round(random() * 10000) / 10,
				scenario: pick(schema.scenario.options),
				keepAlive: random() < 0.5,
			};
			const params = new URLSearchParams(encodeSettings(schema, value, 'race-').toString());
			expect(decodeSettings(schema, params, 'race-')).toEqual({ value, problems: [] });
		}
	});

	it('replaces only its own parameters in an existing query', () => {
		const current = new URLSearchParams(
			'pb=http%3A%2F%2F127.0.0.1%3A8090&race-requests=3&lx-reader=fra'
		);
		const next = withSettings(
			current,
			schema,
			{ ...defaultSettings(schema), requests: 9 },
			'race-'
		);
		expect(next.get('pb')).toBe('http://127.0.0.1:8090');
		expect(next.get('lx-reader')).toBe('fra');
		expect(next.getAll('race-requests')).toEqual(['9']);
		expect(decodeSettings(schema, next, 'race-').value.requests).toBe(9);
	});
});

describe('paramName', () => {
	it('turns camelCase keys into kebab-case parameters', () => {
		expect(paramName('routeFactor', 'lx-')).toBe('lx-route-factor');
		expect(paramName('reader')).toBe('reader');
	});
});

describe('text fields', () => {
	const textSchema = {
		filter: { kind: 'text', label: 'Filter', maxLength: 20, default: 'title ~ {:q}' },
		body: { kind: 'text', label: 'Body', maxLength: 50, default: '', multiline: true },
	} as const satisfies Schema;
	const decodeText = (query: string) =>
		decodeSettings(textSchema, new URLSearchParams(query), 'own-');

	it('keeps what was typed, spaces, quotes and capitals included', () => {
		const { value, problems } = decodeText(
			`own-filter=${encodeURIComponent(' Name = "A" ')}&own-body=${encodeURIComponent('{"a":\n1}')}`
		);
		expect(problems).toEqual([]);
		expect(value).toEqual({ filter: ' Name = "A" ', body: '{"a":\n1}' });
	});

	it('accepts an empty value as empty, not as missing', () => {
		expect(decodeText('own-filter=').value.filter).toBe('');
	});

	it('refuses a value over its length whole, quoting only its start', () => {
		const { value, problems } = decodeText(`own-filter=${'x'.repeat(60)}`);
		expect(value.filter).toBe('title ~ {:q}');
		expect(problems).toEqual([
			`“own-filter=${'x'.repeat(40)}…”: Filter must be at most 20 characters (this one has 60); using the default, “title ~ {:q}”.`,
		]);
	});

	it('refuses line breaks in a one-line field and control characters anywhere', () => {
		expect(decodeText('own-filter=a%0Ab').problems[0]).toContain(
			'Filter must be one line; using the default'
		);
		expect(decodeText('own-body=a%00b').problems[0]).toContain(
			'Body must not hold control characters; using the default, empty.'
		);
		expect(decodeText('own-body=a%00b').value.body).toBe('');
	});

	it('round-trips any valid text and never encodes more than the limit', () => {
		const random = mulberry32(7);
		const alphabet = 'aZ09 "\'{}:~&=?#%+\n\té→';
		for (let i = 0; i < 200; i++) {
			const length = Math.floor(random() * 50);
			let body = '';
			for (let c = 0; c < length; c++) body += alphabet[Math.floor(random() * alphabet.length)];
			const value = { filter: body.replace(/\n/g, ' ').slice(0, 20), body };
			const params = new URLSearchParams(encodeSettings(textSchema, value, 'own-').toString());
			expect(decodeSettings(textSchema, params, 'own-')).toEqual({ value, problems: [] });
		}
		const long = encodeSettings(textSchema, { filter: 'y'.repeat(30), body: '' }, 'own-');
		expect(long.get('own-filter')).toBe('y'.repeat(20));
	});
});
