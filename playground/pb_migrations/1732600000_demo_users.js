/// <reference path="../pb_data/types.d.ts" />
// Demo visitors sign up as throwaway users. Each sees and changes only their own account;
// anyone may sign up (the rate limiter's "*:create" rule keeps that in check), and the
// cleanupDemoUsers job (pb_hooks/cleanup-demo-users.pb.js) deletes accounts after an hour.
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
		const users = app.findCollectionByNameOrId('users');
		users.createRule = '';
		app.save(users);
	}
);
