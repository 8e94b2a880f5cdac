/// <reference path="../pb_data/types.d.ts" />
// At most 50 notes per demo user. The demos write a handful; without a cap one account could
// keep writing (20 creates per 5 s per address) until the hourly cleanup, and every list,
// count and realtime event of that user's would grow with it. Each note is at most 500
// characters (the field's max), so a user holds at most about 25 KB of notes.
//
// The count runs before the note is saved, so requests in flight at the same moment can pass
// it together; the create rate limit keeps that to a few.
onRecordCreateRequest((e) => {
	if (e.hasSuperuserAuth() || !e.auth) return e.next();
	const maxNotes = 50;
	if ($app.countRecords('notes', $dbx.hashExp({ owner: e.auth.id })) >= maxNotes) {
		throw new BadRequestError(
			'A demo user may keep at most ' + maxNotes + ' notes: delete one to write another.'
		);
	}
	return e.next();
}, 'notes');
