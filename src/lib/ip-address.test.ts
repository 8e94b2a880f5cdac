import { describe, expect, it } from 'vitest';
import {
	parseAddr,
	parsePrefix,
	prefixContains,
	sameAddr,
	stringExpanded,
	type Addr,
} from './ip-address';

const addr = (text: string): Addr => {
	const parsed = parseAddr(text);
	if (!parsed) throw new Error(`${text} should parse`);
	return parsed;
};

describe('parseAddr: what Go’s netip.ParseAddr accepts', () => {
	it('reads IPv4 as four decimal bytes', () => {
		expect(addr('192.0.2.7')).toEqual({ family: 4, bytes: [192, 0, 2, 7], zone: '' });
		expect(addr('0.0.0.0').bytes).toEqual([0, 0, 0, 0]);
	});

	it('refuses IPv4 with leading zeros, out-of-range bytes or the wrong number of fields', () => {
		for (const text of [
			'192.0.2.07',
			'256.0.0.1',
			'1.2.3',
			'1.2.3.4.5',
			'1..2.3',
			' 1.2.3.4',
			'',
		]) {
			expect({ text, parsed: parseAddr(text) }).toEqual({ text, parsed: undefined });
		}
	});

	it('reads IPv6 in every written form to the same 16 bytes', () => {
		const forms = ['2001:db8::1', '2001:0DB8:0:0:0:0:0:1', '2001:db8:0::0:1'];
		const expected = addr(forms[0]!).bytes;
		expect(expected).toHaveLength(16);
		for (const form of forms) expect(addr(form).bytes).toEqual(expected);
	});

	it('reads an IPv4 tail and a zone, as netip does', () => {
		expect(addr('::ffff:192.0.2.7').bytes.slice(10)).toEqual([0xff, 0xff, 192, 0, 2, 7]);
		expect(addr('fe80::1%eth0').zone).toBe('eth0');
	});

	it('refuses what netip refuses', () => {
		const bad = [
			'1::2::3',
			'1:2:3:4:5:6:7:8:9',
			'1:2:3:4:5:6:7::8',
			'12345::1',
			'g::1',
			'1.2.3.4::',
			'fe80::1%',
			'::1.2.3',
		];
		for (const text of bad)
			expect({ text, parsed: parseAddr(text) }).toEqual({ text, parsed: undefined });
	});
});

describe('stringExpanded: the rate limiter’s client key', () => {
	it('writes IPv4 as it is and IPv6 as eight four-digit groups', () => {
		expect(stringExpanded(addr('192.0.2.7'))).toBe('192.0.2.7');
		expect(stringExpanded(addr('2001:db8::1'))).toBe('2001:0db8:0000:0000:0000:0000:0000:0001');
		expect(stringExpanded(addr('fe80::1%eth0'))).toBe(
			'fe80:0000:0000:0000:0000:0000:0000:0001%eth0'
		);
	});
});

describe('prefixes', () => {
	it('parse with bits in range and no zone', () => {
		expect(parsePrefix('10.0.0.0/8')).toEqual({ addr: addr('10.0.0.0'), bits: 8 });
		expect(parsePrefix('2001:db8::/32')?.bits).toBe(32);
		for (const text of [
			'10.0.0.0',
			'10.0.0.0/33',
			'10.0.0.0/08',
			'::/129',
			'fe80::%eth0/64',
			'10.0.0.0/',
		]) {
			expect({ text, parsed: parsePrefix(text) }).toEqual({ text, parsed: undefined });
		}
	});

	it('contain addresses of their family whose first bits match', () => {
		const net = parsePrefix('10.1.0.0/16')!;
		expect(prefixContains(net, addr('10.1.255.9'))).toBe(true);
		expect(prefixContains(net, addr('10.2.0.1'))).toBe(false);
		// An IPv4-mapped IPv6 address is of the other family, as in Go.
		expect(prefixContains(net, addr('::ffff:10.1.0.1'))).toBe(false);
		expect(prefixContains(parsePrefix('2001:db8:5::/48')!, addr('2001:db8:5:ffff::1'))).toBe(true);
		expect(prefixContains(parsePrefix('0.0.0.0/0')!, addr('203.0.113.9'))).toBe(true);
	});
});

describe('sameAddr', () => {
	it('compares family, bytes and zone', () => {
		expect(sameAddr(addr('2001:db8::1'), addr('2001:0db8:0::1'))).toBe(true);
		expect(sameAddr(addr('fe80::1%eth0'), addr('fe80::1'))).toBe(false);
		expect(sameAddr(addr('0.0.0.1'), addr('::1'))).toBe(false);
	});
});
