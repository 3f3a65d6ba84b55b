import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, spawnDev } from './local-worker.ts';
import { seedDemo } from './seed-demo.ts';

/**
 * `npm start`: migrate the local D1, seed the demo, serve https://localhost:8787. Office loads
 * add-ins only over HTTPS; a certificate from office-addin-dev-certs (trusted by this machine) is
 * used when installed, else wrangler's own self-signed one. The Worker starts as every local one
 * does (scripts/local-worker.ts), on wrangler's default state (.wrangler/state).
 */
const PORT = 8787;

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
await applyMigrations();
await seedDemo();

const dev = spawnDev({ port: PORT, loopback: false, stdio: 'inherit', extraArgs: ['--local-protocol', 'https', ...devCertificateArgs()] });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // Its own process group: wrangler and the workerd it started.
    if (dev.pid !== undefined) process.kill(-dev.pid, signal);
  });
}
dev.on('exit', (code) => process.exit(code ?? 0));
