/// <reference path="../pb_data/types.d.ts" />
// Demo accounts are throwaway: every minute, delete every user created more than an hour ago.
// Their notes and article copies go with them (the owner relations cascade).
//
// It keeps up with the sign-up rate: one address may create 20 users per 5 s (240 a minute),
// so a run deletes in batches until no old user is left, instead of a fixed number per run.
// DEMO_USER_MAX_AGE_SECONDS shortens the hour and DEMO_USER_CLEANUP_BATCH the batch of 500,
// for tests.
cronAdd('cleanupDemoUsers', '* * * * *', () => {
	const maxAge = Number($os.getenv('DEMO_USER_MAX_AGE_SECONDS')) || 3600;
	const batch = Number($os.getenv('DEMO_USER_CLEANUP_BATCH')) || 500;
	const cutoff = new Date(Date.now() - maxAge * 1000).toISOString().replace('T', ' ');
	let deleted = 0;
	for (;;) {
		const old = $app.findRecordsByFilter('users', 'created < {:cutoff}', '', batch, 0, { cutoff });
		for (const user of old) {
			$app.delete(user);
		}
		deleted += old.length;
		if (old.length < batch) break;
	}
	if (deleted) $app.logger().info('cleanupDemoUsers', 'deleted', deleted);
});
