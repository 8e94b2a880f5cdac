/// <reference path="../pb_data/types.d.ts" />
// The demos send no mail, so the playground sends none: a stranger must not be able to use it to
// mail third parties (an email change, verification or password-reset request names any
// address, and one account could send hundreds of them in seconds).
//
// The four routes that send mail on request are refused by request-bounds.pb.js (first thing in
// its middleware, for every collection, before anything is looked up: the same 403 whether the
// address has an account or not). It is not a middleware of its own here because every global JS
// middleware holds one more JS runtime for each open realtime stream (see request-bounds.pb.js).
// The last line of defence: any mail PocketBase would still send (the "login from a new location"
// alert, which the users migration also turns off, or a superuser's own requests) is dropped
// here instead of being handed to an SMTP server or the host's sendmail.
onMailerSend(() => {
	// Not calling e.next() stops the send.
});
