import { runBuild } from './build-web-page.ts';

/**
 * `npm run build:district`: the district page (web/district) into dist/public/district/, the
 * bundle with the shared schemas and the issue messages (scripts/build-web-page.ts).
 */
await runBuild(
  {
    name: 'district',
    // <dialog>, ReadableStream readers and Intl: Chrome/Edge 92+, Firefox 98+, Safari 15.4+.
    target: ['es2020', 'chrome92', 'edge92', 'firefox98', 'safari15.4'],
  },
  import.meta.url,
);
