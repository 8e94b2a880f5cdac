/// <reference path="../pb_data/types.d.ts" />
// A bound on live demo users, so the disk has one too, that no stranger can fill for everyone:
// at most PLAYGROUND_MAX_USERS accounts (10000) exist at once, at most 100 of them signed up from
// one network (an address or an IPv6 /64, the visitor's simulated server included), and the last
// fifth of the cap admits only networks holding fewer than 10 (visitor-quota.js). Each user holds
// at most 50 notes of 500 characters and 3 article copies, about 30 KB, so 10000 users stay under
// about 300 MB. Accounts are deleted after an hour (cleanup-demo-users.pb.js).
//
// The network is kept in the hidden field `signup_network` (migration
// 1733500000_users_signup_network.js), set here from the request, never from the body.
onRecordCreateRequest((e) => {
	if (e.hasSuperuserAuth()) return e.next();
	const quota = require(`${__hooks}/visitor-quota.js`);
	const bounds = quota.users((name) => $os.getenv(name));
	// Set by simulated-server-ip.pb.js for every request.
	const network = e.get('playground.network');
	const total = $app.countRecords('users');
	const mine = $app.countRecords('users', $dbx.hashExp({ signup_network: network }));
	const verdict = quota.admit(bounds, total, mine);
	if (verdict === 'network') {
		throw new TooManyRequestsError(
			'One network (your address, or its IPv6 /64) may hold ' +
				bounds.perNetwork +
				' demo accounts at once; they are deleted after an hour.',
			{}
		);
	}
	if (verdict !== 'ok') {
		throw new ApiError(
			503,
			verdict === 'cap'
				? 'The playground has as many demo users as it holds (' +
						bounds.cap +
						'); accounts are deleted after an hour, so try again soon.'
				: 'The playground is nearly full; its last places are kept for visitors with fewer than ' +
						bounds.perNetworkInReserve +
						' demo accounts.',
			{}
		);
	}
	e.record.set('signup_network', network);
	return e.next();
}, 'users');
