/**
 * IP addresses the way PocketBase reads them: Go's `net/netip` ParseAddr, ParsePrefix,
 * Prefix.Contains and Addr.StringExpanded, which the rate limiter uses for its client key
 * (core/event_request.go RealIP, tools/router/event.go RemoteIP) and for `excludedIPs`
 * (apis/middlewares_rate_limit.go isIPInList). Pure; no DOM, no network.
 */

export interface Addr {
	/** 4 for IPv4, 6 for IPv6 (including IPv4-mapped IPv6, as netip counts it). */
	family: 4 | 6;
	/** 4 bytes for IPv4, 16 for IPv6. */
	bytes: number[];
	/** IPv6 zone (`fe80::1%eth0`), '' when none. */
	zone: string;
}

const decimalByte = /^(0|[1-9]\d{0,2})$/;

/** netip.ParseAddr for IPv4: four decimal fields, no leading zeros, each at most 255. */
function parseIPv4(text: string): number[] | undefined {
	const fields = text.split('.');
	if (fields.length !== 4) return undefined;
	const bytes: number[] = [];
	for (const field of fields) {
		if (!decimalByte.test(field)) return undefined;
		const value = Number(field);
		if (value > 255) return undefined;
		bytes.push(value);
	}
	return bytes;
}

const hexGroup = /^[0-9a-fA-F]{1,4}$/;

/** netip.ParseAddr for IPv6: hex groups, one optional `::`, an optional IPv4 tail, a zone. */
function parseIPv6(text: string): Addr | undefined {
	let body = text;
	let zone = '';
	const percent = text.indexOf('%');
	if (percent >= 0) {
		zone = text.slice(percent + 1);
		body = text.slice(0, percent);
		// netip: "zone must be a non-empty string".
		if (zone === '') return undefined;
	}
	const halves = body.split('::');
	if (halves.length > 2) return undefined;
	const groupsOf = (part: string): number[] | undefined => {
		if (part === '') return [];
		const pieces = part.split(':');
		const out: number[] = [];
		for (let i = 0; i < pieces.length; i++) {
			const piece = pieces[i]!;
			if (i === pieces.length - 1 && piece.includes('.')) {
				const v4 = parseIPv4(piece);
				if (!v4) return undefined;
				out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
			} else if (hexGroup.test(piece)) {
				out.push(parseInt(piece, 16));
			} else {
				return undefined;
			}
		}
		return out;
	};
	const head = groupsOf(halves[0]!);
	if (!head) return undefined;
	let groups: number[];
	if (halves.length === 2) {
		const tail = groupsOf(halves[1]!);
		// An IPv4 tail may only end the address.
		if (!tail || halves[0]!.includes('.')) return undefined;
		// netip: "the :: must expand to at least one field of zeros".
		if (head.length + tail.length > 7) return undefined;
		groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
	} else {
		if (head.length !== 8) return undefined;
		groups = head;
	}
	const bytes: number[] = [];
	for (const group of groups) bytes.push(group >> 8, group & 0xff);
	return { family: 6, bytes, zone };
}

/** Go's netip.ParseAddr: undefined where Go returns an error. */
export function parseAddr(text: string): Addr | undefined {
	if (text.includes(':')) return parseIPv6(text);
	const v4 = parseIPv4(text);
	return v4 ? { family: 4, bytes: v4, zone: '' } : undefined;
}

/**
 * Go's Addr.StringExpanded: IPv4 as dotted decimal, IPv6 as eight four-digit hex groups (an
 * IPv4-mapped address too), with its zone. This string is the rate limiter's client key.
 */
export function stringExpanded(addr: Addr): string {
	if (addr.family === 4) return addr.bytes.join('.');
	const groups: string[] = [];
	for (let i = 0; i < 16; i += 2) {
		groups.push(((addr.bytes[i]! << 8) | addr.bytes[i + 1]!).toString(16).padStart(4, '0'));
	}
	return groups.join(':') + (addr.zone ? `%${addr.zone}` : '');
}

/** What Go prints for the zero Addr, which is what RemoteIP() returns for an unparseable peer. */
export const invalidIp = 'invalid IP';

export interface Prefix {
	addr: Addr;
	bits: number;
}

/** Go's netip.ParsePrefix: `addr/bits`, no zone, bits in range without leading zeros. */
export function parsePrefix(text: string): Prefix | undefined {
	const slash = text.lastIndexOf('/');
	if (slash < 0) return undefined;
	const addr = parseAddr(text.slice(0, slash));
	const bitsText = text.slice(slash + 1);
	if (!addr || addr.zone !== '' || !/^(0|[1-9]\d*)$/.test(bitsText)) return undefined;
	const bits = Number(bitsText);
	if (bits > (addr.family === 4 ? 32 : 128)) return undefined;
	return { addr, bits };
}

/** Go's Prefix.Contains: same family, no zone on the address, the first `bits` bits equal. */
export function prefixContains(prefix: Prefix, addr: Addr): boolean {
	if (addr.zone !== '' || addr.family !== prefix.addr.family) return false;
	for (let bit = 0; bit < prefix.bits; bit++) {
		const byte = bit >> 3;
		const mask = 0x80 >> (bit & 7);
		if ((prefix.addr.bytes[byte]! & mask) !== (addr.bytes[byte]! & mask)) return false;
	}
	return true;
}

/** Go's Addr == Addr: the same family, bytes and zone. */
export function sameAddr(a: Addr, b: Addr): boolean {
	return (
		a.family === b.family && a.zone === b.zone && a.bytes.every((byte, i) => byte === b.bytes[i])
	);
}
