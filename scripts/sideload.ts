import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run sideload | sideload:stop | certs:install`: Microsoft's office-addin-debugging and
 * office-addin-dev-certs, installed in tools/sideload on first use rather than by `npm ci`.
 * office-addin-debugging pulls keytar, a native build (libsecret on Linux, build tools elsewhere);
 * on the product's install path it would make `npm ci` fail on any machine without them, for a
 * step only the people sideloading into desktop Excel need.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS = join(ROOT, 'tools', 'sideload');
const DEBUGGING = join(TOOLS, 'node_modules', 'office-addin-debugging', 'cli.js');
const DEV_CERTS = join(TOOLS, 'node_modules', 'office-addin-dev-certs', 'cli.js');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: readonly string[]): number {
  const r = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, shell: process.platform === 'win32' });
  return r.status ?? 1;
}

function installTools(): void {
  if (existsSync(DEBUGGING) && existsSync(DEV_CERTS)) return;
  console.log('gnbv: cài công cụ nạp add-in của Microsoft vào tools/sideload (một lần). / Installing the sideloading tools once.');
  if (run(NPM, ['ci', '--prefix', TOOLS, '--no-audit', '--no-fund']) === 0) return;
  console.error(
    [
      'gnbv: không cài được công cụ nạp add-in. / Could not install the sideloading tools.',
      '  Windows: cần Visual Studio Build Tools (C++) để dựng keytar. / needs the C++ build tools for keytar.',
      '  macOS: cần Xcode Command Line Tools (xcode-select --install).',
      '  Linux: cần libsecret-1-dev (apt-get install libsecret-1-dev); nhưng Linux không có Excel desktop —',
      '         hãy dùng Excel trên web: Trang đầu → Bổ trợ → Tải bổ trợ lên → manifest.xml (xem README).',
      '         / Linux has no desktop Excel: upload manifest.xml to Excel on the web instead (see the README).',
    ].join('\n'),
  );
  process.exit(1);
}

const USAGE = 'tsx scripts/sideload.ts start|stop|certs';
const action = process.argv[2];
if (action !== 'start' && action !== 'stop' && action !== 'certs') {
  console.error(USAGE);
  process.exit(2);
}
installTools();
const node = process.execPath;
const status =
  action === 'certs'
    ? run(node, [DEV_CERTS, 'install'])
    : action === 'stop'
      ? run(node, [DEBUGGING, 'stop', 'manifest.xml', 'desktop', '--app', 'excel'])
      : run(NPM, ['run', '--silent', 'build:addin']) ||
        run(node, [DEBUGGING, 'start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server', 'npm start', '--dev-server-port', '8787']);
process.exit(status);
