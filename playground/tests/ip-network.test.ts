import { describe, expect, it } from 'vitest';
import { parseAddr, parsePrefix, prefixContains, sameAddr } from '../../src/lib/ip-address';
import { loadHookModule } from './load-hook-module';

const { bytesOf, networkOf, inList } = loadHookModule<{
	bytesOf: (ip: string) => number[] | undefined;
	networkOf: (ip: string) => string;
	inList: (ip: string, entries: string[]) => boolean;
}>('ip-network.js');

describe('networkOf: what one quota counts', () => {
	it('is an IPv4 address itself', () => {
		expect(networkOf('198.51.100.7')).toBe('198.51.100.7');
		expect(networkOf('127.0.0.1')).toBe('127.0.0.1');
	});

	it('is an IPv6 address’s /64, however the address is written', () => {
		const forms = [
			'2001:db8:aa:bb::1',
			'2001:0db8:00aa:00bb:0000:0000:0000:0001',
			'2001:db8:aa:bb:ffff:1:2:3',
		];
		for (const form of forms) expect(networkOf(form)).toBe('2001:db8:aa:bb::/64');
		expect(networkOf('2001:db8:aa:bc::1')).toBe('2001:db8:aa:bc::/64');
		expect(networkOf('::1')).toBe('0:0:0:0::/64');
	});

	it('is the IPv4 client inside an IPv4-mapped IPv6 address', () => {
		expect(networkOf('::ffff:198.51.100.7')).toBe('198.51.100.7');
	});

	it('is anything unparseable as written, so it still counts against itself', () => {
		for (const text of ['', 'invalid IP', '1.2.3', '1::2::3', '01.2.3.4', 'fe80::1%eth0']) {
			expect(networkOf(text)).toBe(text);
		}
	});

	it('parses exactly what Go’s netip parses (src/lib/ip-address.ts)', () => {
		const texts = [
			'1.2.3.4',
			'256.1.1.1',
			'1.2.3.04',
			'::',
			'::ffff:1.2.3.4',
			'1:2:3:4:5:6:7:8',
			'1:2:3:4:5:6:7:8:9',
			'1::2:3:4:5:6:7:8',
			'::1.2.3.4',
			'1.2.3.4::',
			'1.2.3.4:5::',
			'g::1',
			'12345::1',
			'2001:DB8::A',
		];
		for (const text of texts) {
			expect({ text, bytes: bytesOf(text) }).toEqual({ text, bytes: parseAddr(text)?.bytes });
		}
	});
});

describe('inList: the superuser addresses and subnets', () => {
	const entries = ['127.0.0.1', '::1', '10.1.0.0/16', '2001:db8:5::/48'];

	it('matches addresses and IPv4 and IPv6 subnets', () => {
		expect(inList('127.0.0.1', entries)).toBe(true);
		expect(inList('::1', entries)).toBe(true);
		expect(inList('10.1.200.3', entries)).toBe(true);
		expect(inList('2001:db8:5:ffff::9', entries)).toBe(true);
		expect(inList('2001:0db8:0005::1', entries)).toBe(true);
	});

	it('refuses everything else', () => {
		for (const ip of ['127.0.0.2', '10.2.0.1', '2001:db8:6::1', '::2', 'invalid IP', '']) {
			expect({ ip, listed: inList(ip, entries) }).toEqual({ ip, listed: false });
		}
	});

	it('agrees with Go’s Prefix.Contains and Addr equality (src/lib/ip-address.ts)', () => {
		const ips = [
			'10.0.0.1',
			'10.0.255.255',
			'10.1.0.0',
			'::ffff:10.0.0.1',
			'2001:db8::1',
			'2001:db8:0:1::1',
			'fe80::1',
			'0.0.0.0',
		];
		const lists = [
			'10.0.0.0/16',
			'10.0.0.0/8',
			'0.0.0.0/0',
			'10.0.0.1',
			'2001:db8::/64',
			'2001:db8::/32',
			'::/0',
			'::ffff:10.0.0.1',
			'10.0.0.0/33',
			'10.0.0.0/016',
			'nonsense',
		];
		for (const ip of ips) {
			for (const entry of lists) {
				const addr = parseAddr(ip)!;
				const prefix = parsePrefix(entry);
				const single = parseAddr(entry);
				const expected = prefix
					? prefixContains(prefix, addr)
					: single !== undefined && sameAddr(single, addr);
				expect({ ip, entry, listed: inList(ip, [entry]) }).toEqual({ ip, entry, listed: expected });
			}
		}
	});
});
