/// <reference path="../pb_data/types.d.ts" />
// Bounds on a request's query, read as PocketBase reads it: the first value of each parameter
// (url.Values.Get, as RequestInfo keeps it), after URL decoding.
// - expand: PocketBase splits it at commas, removes spaces, trims dots and drops empty paths
//   (core/record_query_expand.go, normalizeExpands), then compares every path with every other:
//   time that grows with the square of their number. `notes_ via_owner` becomes
//   `notes_via_owner` there, so back-relations are looked for in the normalised paths.
// - sort: one ORDER BY term per comma.
// - filter: at most 500 characters, no back-relations (`_via_`) or `@collection` joins; a
//   filter identifier cannot hold a space or an escape, so the decoded text is what the
//   filter parser sees.
// The whole query is at most 4 KB: nothing the demos send comes near it.
// Loaded with require() inside the request-bounds middleware.
const maxQueryBytes = 4096;
const maxExpandPaths = 6;
const maxSortTerms = 6;
const maxFilterLength = 500;
const maxPerPage = 1000;

/** Expand paths as PocketBase normalises them. */
function expandPaths(value) {
	const paths = [];
	for (const part of value.split(',')) {
		const path = part.replace(/ /g, '').replace(/^\.+|\.+$/g, '');
		if (path !== '') paths.push(path);
	}
	return paths;
}

function joins(text) {
	return text.indexOf('_via_') !== -1 || text.indexOf('@collection') !== -1;
}

module.exports = {
	maxQueryBytes,
	maxExpandPaths,
	maxSortTerms,
	maxFilterLength,
	maxPerPage,
	expandPaths,

	/** Throws the refusal for a query (`url.Values`) and its raw text, or returns. */
	check(query, rawQuery) {
		if (rawQuery.length > maxQueryBytes) {
			throw new ApiError(414, 'A query string may be at most ' + maxQueryBytes + ' bytes.', {});
		}
		const expand = expandPaths(query.get('expand'));
		if (expand.length > maxExpandPaths) {
			throw new BadRequestError('Expand at most ' + maxExpandPaths + ' relation paths at once.');
		}
		const sort = query.get('sort').split(',');
		if (sort.length > maxSortTerms) {
			throw new BadRequestError('Sort by at most ' + maxSortTerms + ' fields.');
		}
		const filter = query.get('filter');
		if (joins(expand.join(',')) || joins(sort.join(',')) || joins(filter)) {
			throw new BadRequestError(
				'Back-relations (_via_) and @collection joins are turned off in expand, filter and sort.'
			);
		}
		if (filter.length > maxFilterLength) {
			throw new BadRequestError('A filter may be at most ' + maxFilterLength + ' characters.');
		}
		const perPage = query.get('perPage');
		if (perPage !== '' && (!/^\d{1,4}$/.test(perPage) || Number(perPage) > maxPerPage)) {
			throw new BadRequestError(
				'The perPage parameter is a whole number up to ' + maxPerPage + '.'
			);
		}
	},
};
