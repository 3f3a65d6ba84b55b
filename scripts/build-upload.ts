import { runBuild } from './build-web-page.ts';

/**
 * `npm run build:upload`: the upload page (web/upload) into dist/public/upload/: the bundle with the
 * shared engine and what the page shows as the task pane does (front/), and in chunks/ the .xlsx
 * reader it fetches after sign-in (scripts/build-web-page.ts).
 * exceljs comes in as its browser build (package.json "browser": dist/exceljs.min.js, which carries
 * its own Buffer, stream and zip shims), picked by `platform: 'browser'`.
 */
await runBuild(
  {
    name: 'upload',
    // CompressionStream, crypto.randomUUID and Intl time zones: Chrome/Edge 92+, Firefox 113+, Safari 16.4+.
    target: ['es2020', 'chrome92', 'edge92', 'firefox113', 'safari16.4'],
  },
  import.meta.url,
);
