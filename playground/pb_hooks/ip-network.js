/// <reference path="../pb_data/types.d.ts" />
// Client addresses as PocketBase reads them (Go's net/netip), for two jobs of the hooks:
// - the superuser list: superuserIPs holds addresses and subnets, IPv4 and IPv6;
// - quotas: what one client may hold is counted per network, an IPv4 address or an IPv6 /64,
//   because one IPv6 customer usually gets a whole /64 (2^64 addresses) to pick from.
// Loaded with require() inside handlers (handlers run in isolated contexts). The same cases as
// the site's parser (src/lib/ip-address.ts) are run through both in playground/tests/.

/** The 16 bytes of an IPv6 address, or 4 of an IPv4 one; undefined where netip would refuse. */
function parse(text) {
	if (typeof text !== 'string' || text.indexOf('%') !== -1) return undefined;
	if (text.indexOf(':') === -1) return parseIPv4(text);
	const halves = text.split('::');
	if (halves.length > 2) return undefined;
	const head = groups(halves[0], halves.length === 1);
	const tail = halves.length === 2 ? groups(halves[1], true) : [];
	if (!head || !tail) return undefined;
	let all;
	if (halves.length === 2) {
		if (head.length + tail.length > 7) return undefined;
		all = head.concat(new Array(8 - head.length - tail.length).fill(0), tail);
	} else {
		if (head.length !== 8) return undefined;
		all = head;
	}
	const bytes = [];
	for (const group of all) bytes.push(group >> 8, group & 0xff);
	return bytes;
}

function parseIPv4(text) {
	const fields = text.split('.');
	if (fields.length !== 4) return undefined;
	const bytes = [];
	for (const field of fields) {
		if (!/^(0|[1-9]\d{0,2})$/.test(field) || Number(field) > 255) return undefined;
		bytes.push(Number(field));
	}
	return bytes;
}

/** Hex groups of one side of `::`; an IPv4 tail only where the address may end. */
function groups(part, mayEndInV4) {
	if (part === '') return [];
	const pieces = part.split(':');
	const out = [];
	for (let i = 0; i < pieces.length; i++) {
		const piece = pieces[i];
		if (mayEndInV4 && i === pieces.length - 1 && piece.indexOf('.') !== -1) {
			const v4 = parseIPv4(piece);
			if (!v4) return undefined;
			out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
		} else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
			out.push(parseInt(piece, 16));
		} else {
			return undefined;
		}
	}
	return out;
}

/** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is the IPv4 client it carries. */
function unmap(bytes) {
	if (bytes.length !== 16) return bytes;
	for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return bytes;
	return bytes[10] === 0xff && bytes[11] === 0xff ? bytes.slice(12) : bytes;
}

function hex(bytes, from, to) {
	const out = [];
	for (let i = from; i < to; i += 2) out.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
	return out.join(':');
}

module.exports = {
	/** The address's bytes (4 or 16, as netip.ParseAddr reads it), or undefined; no zones. */
	bytesOf: parse,

	/**
	 * The network a quota counts: an IPv4 address as it is, an IPv6 address as its /64
	 * (`2001:db8:1:2::/64`). Anything unparseable is its own network, as written.
	 */
	networkOf(ip) {
		const bytes = parse(ip);
		if (!bytes) return String(ip);
		const client = unmap(bytes);
		return client.length === 4 ? client.join('.') : hex(client, 0, 8) + '::/64';
	},

	/** Whether `ip` is one of `entries`: addresses, or subnets written `address/bits`. */
	inList(ip, entries) {
		const address = parse(ip);
		if (!address) return false;
		for (const entry of entries) {
			const slash = entry.lastIndexOf('/');
			const network = parse(slash === -1 ? entry : entry.slice(0, slash));
			const bitsText = slash === -1 ? '' : entry.slice(slash + 1);
			if (!network || network.length !== address.length) continue;
			if (slash !== -1 && !/^(0|[1-9]\d{0,2})$/.test(bitsText)) continue;
			const bits = slash === -1 ? network.length * 8 : Number(bitsText);
			if (bits > network.length * 8) continue;
			let same = true;
			for (let bit = 0; bit < bits && same; bit++) {
				const mask = 0x80 >> (bit & 7);
				same = (network[bit >> 3] & mask) === (address[bit >> 3] & mask);
			}
			if (same) return true;
		}
		return false;
	},
};
