/// <reference path="../pb_data/types.d.ts" />
// The demos send no mail, so the playground sends none: a stranger must not be able to use it to
// mail third parties (an email change, verification or password-reset request names any
// address, and one account could send hundreds of them in seconds).
//
// The four routes that send mail on request are refused for every collection, before they look
// anything up: the answer is the same 403 whether the address has an account or not, so the
// refusal reveals nothing about who signed up. It runs after the rate limiter (-1000), so these
// requests still count against it exactly as before.
routerUse(
	new Middleware((e) => {
		const mailRoute =
			/^\/api\/collections\/[^/]+\/(request-email-change|request-verification|request-password-reset|request-otp)$/;
		if (e.request.method === 'POST' && mailRoute.test(e.request.url.path)) {
			throw new ForbiddenError(
				'The playground sends no mail: email change, verification, password reset and one-time codes are turned off.'
			);
		}
		return e.next();
	}, -999)
);

// The last line of defence: any mail PocketBase would still send (the "login from a new location"
// alert, which the users migration also turns off, or a superuser's own requests) is dropped
// here instead of being handed to an SMTP server or the host's sendmail.
onMailerSend(() => {
	// Not calling e.next() stops the send.
});
