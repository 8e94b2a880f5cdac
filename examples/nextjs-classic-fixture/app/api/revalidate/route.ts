// The example's route handler, unchanged: its `revalidateTag` reaches an `unstable_cache` entry by
// its tag as it reaches a `'use cache'` one, and `@/lib/articles` here is this fixture's file
// (tsconfig.json), which names the tag the same way.
export { POST } from '../../../../nextjs/app/api/revalidate/route';
