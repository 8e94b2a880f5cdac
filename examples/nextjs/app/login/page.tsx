import { Suspense } from 'react';
import { LoginForm } from '@/components/login-form';

async function Form({ searchParams }: Pick<PageProps<'/login'>, 'searchParams'>) {
	const { failed } = await searchParams; // known only at request time
	return (
		<LoginForm
			title="Sign in (a client per request)"
			action="/api/login"
			failed={failed !== undefined}
		/>
	);
}

export default function LoginPage({ searchParams }: PageProps<'/login'>) {
	return (
		<Suspense>
			<Form searchParams={searchParams} />
		</Suspense>
	);
}
