/// <reference path="../pb_data/types.d.ts" />
// Demo accounts are throwaway: every ten minutes, delete users created more than an hour ago.
// Their notes go with them (the owner relation cascades). DEMO_USER_MAX_AGE_SECONDS shortens
// the hour, for tests.
cronAdd('cleanupDemoUsers', '*/10 * * * *', () => {
	const maxAge = Number($os.getenv('DEMO_USER_MAX_AGE_SECONDS')) || 3600;
	const cutoff = new Date(Date.now() - maxAge * 1000).toISOString().replace('T', ' ');
	const old = $app.findRecordsByFilter('users', 'created < {:cutoff}', '', 500, 0, { cutoff });
	for (const user of old) {
		$app.delete(user);
	}
	if (old.length) $app.logger().info('cleanupDemoUsers', 'deleted', old.length);
});
