/// <reference path="../pb_data/types.d.ts" />
// The modules the two global middlewares (simulated-server-ip.pb.js, request-bounds.pb.js) use on
// every request, gathered in one module. require() resolves its path on disk on every call, cached
// module or not (goja_nodejs: filepath.EvalSymlinks, an lstat per path element), so the
// middlewares keep this module on their JS runtime's global object after the first call: no
// require() at all on later requests. (A profile of the 200-visitor load run put about a fifth of
// the middlewares' own CPU in require(); earlier, one require() per check doubled its p95.)
module.exports = {
	body: require(`${__hooks}/body-bounds.js`),
	ipNetwork: require(`${__hooks}/ip-network.js`),
	passwordChanges: require(`${__hooks}/password-changes.js`),
	query: require(`${__hooks}/query-bounds.js`),
	serverAddress: require(`${__hooks}/simulated-server-address.js`),
	streams: require(`${__hooks}/stream-quota.js`),
	superuserRoutes: require(`${__hooks}/superuser-routes.js`),
};
