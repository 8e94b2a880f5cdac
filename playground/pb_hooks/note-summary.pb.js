/// <reference path="../pb_data/types.d.ts" />
// GET /api/demo/notes/{id}/summary: a summary of one note, for exactly the callers the notes
// view rule lets read it. $app ignores API rules, so the route applies the collection's own
// view rule to this request with canAccessRecord, and answers 404 when it refuses, as
// PocketBase's record API does, so ids reveal nothing.
routerAdd('GET', '/api/demo/notes/{id}/summary', (e) => {
	const input = require(`${__hooks}/demo-input.js`);
	const id = input.recordId(e.request.pathValue('id'), 'id');
	let note;
	try {
		note = $app.findRecordById('notes', id);
	} catch {
		throw new NotFoundError('No note with that id that you may read.');
	}
	if (!$app.canAccessRecord(note, e.requestInfo(), note.collection().viewRule)) {
		throw new NotFoundError('No note with that id that you may read.');
	}
	const text = note.getString('text');
	return e.json(200, {
		id: note.id,
		characters: text.length,
		words: text.split(/\s+/).filter((word) => word !== '').length,
		yourNotes: e.auth ? $app.countRecords('notes', $dbx.hashExp({ owner: e.auth.id })) : 0,
	});
});
