/**
 * Vitest global setup: one id per run, so that the extension is built once per run and every
 * worker loads the same copy (see harness.ts `buildExtension`). Teardown removes the run's copy.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject) {
  const id = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  project.provide('tandemE2eRunId', id);
  return async () => {
    await rm(join(tmpdir(), `tandem-e2e-${id}`), { recursive: true, force: true });
  };
}
