/// <reference path="../pb_data/types.d.ts" />
// Whether one more realtime stream may open: the caller's network quota inside the global cap,
// with its reserve (visitor-quota.js). The caller's own streams and its simulated server's count
// together. Loaded with require() inside the request-bounds middleware.
const net = require(`${__hooks}/ip-network.js`);
const quota = require(`${__hooks}/visitor-quota.js`);
const servers = require(`${__hooks}/simulated-server-address.js`);

module.exports = {
	/** Throws the refusal for a new stream past the caller's quota or the cap, or returns. */
	admit(e) {
		// Set by simulated-server-ip.pb.js: the caller's network; its simulated server's streams
		// count with it.
		const network = e.get('playground.network');
		const server = servers.serverFor(network);
		const broker = $app.subscriptionsBroker();
		const clients = broker.clients();
		let mine = 0;
		for (const id of Object.keys(clients)) {
			// PocketBase keeps each stream's e.realIP() from when it connected.
			const ip = clients[id].get('pbRealtimeClientIP');
			if (ip === server || net.networkOf(ip) === network) mine++;
		}
		const bounds = quota.streams((name) => $os.getenv(name));
		const verdict = quota.admit(bounds, broker.totalClients(), mine);
		if (verdict === 'network') {
			throw new TooManyRequestsError(
				'At most ' +
					bounds.perNetwork +
					' realtime streams may be open from one network (your address, or its IPv6 /64, and your demo server): close one first.',
				{}
			);
		}
		if (verdict === 'cap') {
			throw new ApiError(
				503,
				'The playground holds ' + bounds.cap + ' realtime streams already; try again soon.',
				{}
			);
		}
		if (verdict === 'reserve') {
			throw new ApiError(
				503,
				'The playground is nearly full of realtime streams; the last places are kept for visitors holding fewer than ' +
					bounds.perNetworkInReserve +
					'.',
				{}
			);
		}
	},
};
