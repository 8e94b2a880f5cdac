/// <reference path="../pb_data/types.d.ts" />
// The simulated server's address for one visitor network (ip-network.js): 96 bits of the
// network's SHA-256 in the IPv6 documentation prefix 2001:db8::/32 (RFC 3849). No real client has
// such an address, and two networks share one only if those bits collide. A visitor's server
// belongs to its network, so a /64 cannot open a server per address. Derived for every request
// (simulated-server-ip.pb.js, so direct and proxied requests cost the same) and for a new
// realtime stream (stream-quota.js); loaded with require().
module.exports = {
	serverFor(network) {
		const hash = $security.sha256('simulated-server:' + network);
		const groups = ['2001', '0db8'];
		for (let i = 0; i < 24; i += 4) groups.push(hash.slice(i, i + 4));
		return groups.join(':');
	},
};
