/// <reference path="../pb_data/types.d.ts" />
// Two settings for a playground that faces strangers:
//
// - logs.maxDays = 0: PocketBase keeps no request log at all. Every request, a refused one too,
//   is otherwise written to pb_data/auxiliary.db and kept 5 days; at the rate limits one address
//   can write logs far faster than any retention clears them. With 0, PocketBase skips the
//   activity logger and stores no `$app.logger()` line either (core/base.go, apis/middlewares.go).
//
// - superuserIPs: superusers may sign in and act only from these addresses (loopback unless
//   PLAYGROUND_SUPERUSER_IPS lists others, comma-separated). The public playground needs no
//   superuser; whoever runs it reaches the dashboard through an SSH tunnel to the host.
//   pb_hooks/request-bounds.pb.js also keeps `/_/` and every superuser route closed to other
//   addresses, before any password is checked.
migrate(
	(app) => {
		const settings = app.settings();
		settings.logs.maxDays = 0;
		const listed = $os.getenv('PLAYGROUND_SUPERUSER_IPS').trim();
		settings.superuserIPs = (listed || '127.0.0.1,::1')
			.split(',')
			.map((ip) => ip.trim())
			.filter((ip) => ip !== '');
		app.save(settings);
	},
	(app) => {
		// Back to PocketBase's own defaults (core/settings_model.go, newDefaultSettings).
		const settings = app.settings();
		settings.logs.maxDays = 5;
		settings.superuserIPs = [];
		app.save(settings);
	}
);
