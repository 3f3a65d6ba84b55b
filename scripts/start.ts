import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from './seed-demo.ts';
import { runWrangler, spawnWrangler } from './wrangler.ts';

/**
 * `npm start`: migrate the local D1, seed the demo, serve https://localhost:8787. Office loads
 * add-ins only over HTTPS; a certificate from office-addin-dev-certs (trusted by this machine) is
 * used when installed, else wrangler's own self-signed one.
 */
const PORT = '8787';

function devCertificateArgs(): string[] {
  const dir = join(homedir(), '.office-addin-dev-certs');
  const cert = join(dir, 'localhost.crt');
  const key = join(dir, 'localhost.key');
  if (existsSync(cert) && existsSync(key)) {
    console.log(`gnbv: HTTPS certificate from ${dir}`);
    return ['--https-cert-path', cert, '--https-key-path', key];
  }
  console.log('gnbv: no office-addin-dev-certs certificate found; using wrangler\'s self-signed one');
  return [];
}

execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
await runWrangler(['d1', 'migrations', 'apply', 'DB', '--local']);
await seedDemo();

const dev = spawnWrangler(['dev', '--local-protocol', 'https', '--port', PORT, ...devCertificateArgs()]);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => dev.kill(signal));
}
dev.on('exit', (code) => process.exit(code ?? 0));
