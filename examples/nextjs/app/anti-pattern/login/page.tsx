import { Suspense } from 'react';
import { LoginForm } from '@/components/login-form';
import { login } from './actions';

async function Form({ searchParams }: Pick<PageProps<'/anti-pattern/login'>, 'searchParams'>) {
	const { failed } = await searchParams; // known only at request time
	return (
		<LoginForm title="Sign in (one shared client)" action={login} failed={failed !== undefined} />
	);
}

export default function LoginPage({ searchParams }: PageProps<'/anti-pattern/login'>) {
	return (
		<Suspense>
			<Form searchParams={searchParams} />
		</Suspense>
	);
}
