// The example's own root layout: only the pages below differ between the two modes.
export { default, metadata } from '../../nextjs/app/layout';
