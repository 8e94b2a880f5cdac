/** The sign-in form both variants share: it posts to a route handler or a server action. */
export function LoginForm({
	title,
	action,
	failed,
}: {
	title: string;
	action: string | ((formData: FormData) => Promise<void>);
	failed: boolean;
}) {
	return (
		<>
			<h1>{title}</h1>
			<form method="POST" action={action}>
				<label>
					E-mail <input name="email" type="email" autoComplete="username" required />
				</label>
				<label>
					Password{' '}
					<input name="password" type="password" autoComplete="current-password" required />
				</label>
				<button>Sign in</button>
			</form>
			{failed && <p role="alert">Wrong e-mail or password.</p>}
		</>
	);
}
