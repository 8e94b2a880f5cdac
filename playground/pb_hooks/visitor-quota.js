/// <reference path="../pb_data/types.d.ts" />
// Global caps that strangers cannot fill for everyone else. Each cap (live demo users, open
// realtime streams) holds inside it:
// - a quota per network (an IPv4 address or an IPv6 /64, ip-network.js), which counts the
//   visitor's simulated server too, so one client cannot fill the cap alone;
// - a reserve: the last fifth of the cap admits only networks that hold little (a newcomer's
//   first demo), so even several networks at their quota leave room for new visitors.
// Pure (the environment is passed in as `getenv`), loaded with require(); playground/tests/
// tests it.

/** The limits of one cap: its size, and what one network may hold in and out of the reserve. */
function limits(cap, perNetwork, perNetworkInReserve) {
	return {
		cap,
		perNetwork,
		reserve: Math.floor(cap / 5),
		perNetworkInReserve,
	};
}

/**
 * A cap's limits, each overridable for tests: PLAYGROUND_MAX_<WHAT>,
 * PLAYGROUND_<WHAT>_PER_NETWORK and PLAYGROUND_<WHAT>_PER_NETWORK_IN_RESERVE.
 */
function fromEnvironment(getenv, what, cap, perNetwork, perNetworkInReserve) {
	const number = (name, fallback) => Number(getenv('PLAYGROUND_' + name)) || fallback;
	return limits(
		number('MAX_' + what, cap),
		number(what + '_PER_NETWORK', perNetwork),
		number(what + '_PER_NETWORK_IN_RESERVE', perNetworkInReserve)
	);
}

module.exports = {
	limits,

	/**
	 * Whether a network holding `mine` may take one more place while `total` are taken:
	 * 'ok', or which bound refuses it ('cap', 'network', 'reserve').
	 */
	admit(bounds, total, mine) {
		if (total >= bounds.cap) return 'cap';
		if (mine >= bounds.perNetwork) return 'network';
		if (total >= bounds.cap - bounds.reserve && mine >= bounds.perNetworkInReserve) {
			return 'reserve';
		}
		return 'ok';
	},

	/** Demo users: 10000 live at once, 100 per network, 10 per network in the reserve. */
	users(getenv) {
		return fromEnvironment(getenv, 'USERS', 10000, 100, 10);
	},

	/** Realtime streams: 500 open at once, 10 per network, 5 (one realtime demo) in the reserve. */
	streams(getenv) {
		return fromEnvironment(getenv, 'STREAMS', 500, 10, 5);
	},
};
