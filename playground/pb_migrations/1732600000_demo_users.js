/// <reference path="../pb_data/types.d.ts" />
// Demo visitors sign up as throwaway users. Each sees and changes only their own account;
// anyone may sign up (the rate limiter's "*:create" rule keeps that in check), and the
// cleanupDemoUsers job (pb_hooks/cleanup-demo-users.pb.js) deletes accounts after an hour.
// PocketBase 0.40.4 creates `users` with these same rules, so on a fresh install this pins
// them: the demos depend on them, not on PocketBase's defaults staying as they are.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		const ownerOnly = 'id = @request.auth.id';
		users.listRule = ownerOnly;
		users.viewRule = ownerOnly;
		users.updateRule = ownerOnly;
		users.deleteRule = ownerOnly;
		users.createRule = '';
		app.save(users);
	},
	(app) => {
		// Back to the rules a new PocketBase 0.40.4 gives `users` (its init migration,
		// migrations/1640988000_init.go), all five of them, whatever they were changed to since.
		const users = app.findCollectionByNameOrId('users');
		const defaultOwnerRule = 'id = @request.auth.id';
		users.listRule = defaultOwnerRule;
		users.viewRule = defaultOwnerRule;
		users.updateRule = defaultOwnerRule;
		users.deleteRule = defaultOwnerRule;
		users.createRule = '';
		app.save(users);
	}
);
