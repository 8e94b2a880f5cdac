import { LoginForm } from '@/components/login-form';

export default async function LoginPage({ searchParams }: PageProps<'/anti-pattern/login'>) {
	const { failed } = await searchParams;
	return (
		<LoginForm
			title="Sign in (one shared client)"
			action="/anti-pattern/api/login"
			failed={failed !== undefined}
		/>
	);
}
