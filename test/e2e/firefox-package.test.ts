/**
 * The Firefox store package passes Mozilla's addons-linter (offline) with no errors, carries the
 * version of package.json, and its manifest says what addons.mozilla.org needs (gecko id, minimum
 * version, data collection). Needs no Firefox: it runs everywhere `npm test` runs.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildFirefoxPackage } from './firefox-harness';
import { ROOT, TIMEOUT } from './harness';

const run = promisify(execFile);

interface LinterMessage {
  code: string;
  message: string;
  file?: string;
}

describe('the Firefox package', () => {
  it('passes addons-linter with no errors and has the version of package.json', {
    timeout: TIMEOUT.build,
  }, async () => {
    const pkg = await buildFirefoxPackage();
    const linter = join(ROOT, 'node_modules', '.bin', 'addons-linter');
    // The linter exits 1 when it finds errors; the JSON report is on stdout either way.
    const out = await run(linter, ['--output', 'json', '--boring', pkg.xpi], {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    }).then(
      (r) => r.stdout,
      (e: { stdout?: string }) => e.stdout ?? '',
    );
    const report = JSON.parse(out) as { errors: LinterMessage[]; warnings: LinterMessage[] };
    expect(report.errors.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`)).toEqual([]);
    // Warnings left are known and explained in README "Publishing"; a new kind must be looked at.
    const known = new Set([
      'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION',
      'UNSAFE_VAR_ASSIGNMENT',
      'DANGEROUS_EVAL',
    ]);
    expect(report.warnings.map((m) => m.code).filter((c) => !known.has(c))).toEqual([]);

    const version = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')).version;
    const manifest = JSON.parse(await readFile(join(pkg.dir, 'manifest.json'), 'utf8'));
    expect(manifest.version).toBe(version);
    expect(pkg.xpi.endsWith('.zip')).toBe(true);
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.browser_specific_settings.gecko).toMatchObject({
      id: pkg.geckoId,
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
    expect(manifest.permissions).not.toContain('sidePanel');
    expect(manifest.sidebar_action).toMatchObject({
      default_panel: 'sidepanel.html',
      open_at_install: false,
    });
  });
});
