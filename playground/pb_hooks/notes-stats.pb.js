/// <reference path="../pb_data/types.d.ts" />
// GET /api/demo/notes-stats?minutes=N: how many notes every user together wrote in the last N
// minutes (1 to 60), by how many authors, and how many of them are the caller's. No API rule
// can allow this: a list rule shows a caller only the notes they may read. The hook counts
// with $app, which ignores rules, and returns nothing but the counts. Two COUNT queries on an
// indexed table, bounded by the window and by the hourly cleanup of demo users.
routerAdd(
	'GET',
	'/api/demo/notes-stats',
	(e) => {
		const input = require(`${__hooks}/demo-input.js`);
		const minutes = input.intParam(e, 'minutes', 1, 60);
		const since = input.minutesAgo(minutes);
		const inWindow = $dbx.exp('created >= {:since}', { since });
		const authors = new DynamicModel({ n: 0 });
		$app
			.db()
			.newQuery('SELECT COUNT(DISTINCT owner) AS n FROM notes WHERE created >= {:since}')
			.bind({ since })
			.one(authors);
		return e.json(200, {
			minutes,
			notes: $app.countRecords('notes', inWindow),
			authors: authors.n,
			yours: $app.countRecords('notes', inWindow, $dbx.hashExp({ owner: e.auth.id })),
		});
	},
	$apis.requireAuth('users')
);
