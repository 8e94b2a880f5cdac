/// <reference path="../pb_data/types.d.ts" />
// A bound on live demo users, so the disk has one too: at most PLAYGROUND_MAX_USERS accounts
// (10000 unless set) exist at once. One address may sign up 20 users per 5 s, about 14,000
// within the hour an account lives; each user holds at most 50 notes of 500 characters and 3
// article copies, about 30 KB, so 10000 users stay under about 300 MB. When it is full,
// sign-ups get a 503 until the cleanup (every minute) has deleted the oldest accounts.
onRecordCreateRequest((e) => {
	if (e.hasSuperuserAuth()) return e.next();
	const maxUsers = Number($os.getenv('PLAYGROUND_MAX_USERS')) || 10000;
	if ($app.countRecords('users') >= maxUsers) {
		throw new ApiError(
			503,
			'The playground has as many demo users as it holds (' +
				maxUsers +
				'); accounts are deleted after an hour, so try again soon.',
			{}
		);
	}
	return e.next();
}, 'users');
