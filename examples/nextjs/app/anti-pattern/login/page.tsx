import { LoginForm } from '@/components/login-form';
import { login } from './actions';

export default async function LoginPage({ searchParams }: PageProps<'/anti-pattern/login'>) {
	const { failed } = await searchParams;
	return (
		<LoginForm title="Sign in (one shared client)" action={login} failed={failed !== undefined} />
	);
}
