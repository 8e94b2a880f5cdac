import { LoginForm } from '@/components/login-form';

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
	const { failed } = await searchParams;
	return (
		<LoginForm
			title="Sign in (a client per request)"
			action="/api/login"
			failed={failed !== undefined}
		/>
	);
}
