import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI_BUNDLE, cliBundleFiles } from '../../scripts/build-cli.ts';
import { loadSamples, matchKey } from '../samples.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');

describe('the gnbv bundle', () => {
  it('is what cli/ and shared/ build to now (run `npm run build` after changing them)', async () => {
    expect(existsSync(CLI_BUNDLE), `${CLI_BUNDLE} is missing: run npm run build`).toBe(true);
    const fresh = await cliBundleFiles();
    const built = readdirSync(dirname(CLI_BUNDLE), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
    expect(built.sort(), 'dist/cli holds other files than a build makes: run npm run build').toEqual([...fresh.keys()].sort());
    for (const [path, text] of fresh) expect(readFileSync(path, 'utf8') === text, `${path} is stale: run npm run build`).toBe(true);
  });

  it('packs into a tarball that installs with no dependency and checks every sample from another folder', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'gnbv-pack-'));
    // --ignore-scripts: `npm test` has just built the bundle (the test above proves it fresh);
    // prepare would rewrite dist/cli/gnbv.mjs while other tests run it.
    await run('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp, '--silent'], { cwd: ROOT });
    const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const prefix = join(tmp, 'prefix');
    // --offline: a package with no dependency needs nothing from the registry.
    await run('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(tmp, tarball as string)], { cwd: tmp });
    const installed = join(prefix, 'lib/node_modules/gnbv');
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'bin', 'dist', 'package.json']);
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);

    const gnbv = join(prefix, 'bin/gnbv');
    for (const sample of loadSamples()) {
      const args = ['validate', sample.file, '--date', sample.date, '--json'];
      const r = await run(gnbv, args, { cwd: tmp, encoding: 'utf8' }).catch((e: { code: number; stdout: string }) => e);
      const out = JSON.parse(r.stdout) as { issues: { code: string; sheet: string; row: number | null; column: string | null; severity: string }[] };
      expect(matchKey(out.issues, sample.issues), sample.name).toEqual({ missed: [], extra: [] });
      const errors = out.issues.some((i) => i.severity === 'error');
      expect('code' in r ? r.code : 0, sample.name).toBe(errors ? 1 : 0);
    }
  }, 120_000);
});
