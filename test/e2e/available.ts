/**
 * Whether the browser tests can run here. Without Chromium they are skipped with a loud warning,
 * unless TANDEM_REQUIRE_E2E=1, where a failing test says what is missing.
 *
 *   describe.skipIf(!E2E.run)('…', () => { … });
 *   requireE2e();   // at the top level of each e2e test file
 */
import { accessSync, constants } from 'node:fs';
import { it } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const found = isExecutable(CHROMIUM_PATH);
const required = process.env.TANDEM_REQUIRE_E2E === '1';

export const E2E = {
  /** Chromium was found: run the browser tests. */
  run: found,
  /** TANDEM_REQUIRE_E2E=1: a missing browser is a failure, not a skip. */
  required,
  chromiumPath: CHROMIUM_PATH,
  reason: found ? '' : `Chromium not found or not executable at ${CHROMIUM_PATH}`,
} as const;

const HOW_TO =
  'Install it (Debian: apt-get install -y chromium) or point CHROMIUM_PATH at a Chromium binary.';

let warned = false;

/**
 * Call once at the top level of an e2e test file. When the browser is missing it either warns
 * loudly (skip) or registers a failing test (TANDEM_REQUIRE_E2E=1).
 */
export function requireE2e(): void {
  if (E2E.run) return;
  if (E2E.required) {
    it('has a Chromium to run the browser tests in (TANDEM_REQUIRE_E2E=1)', () => {
      throw new Error(
        `End-to-end tests are required (TANDEM_REQUIRE_E2E=1) but cannot run: ${E2E.reason}. ${HOW_TO}`,
      );
    });
    return;
  }
  if (!warned) {
    warned = true;
    const line = '!'.repeat(100);
    console.warn(
      `\n${line}\n!!! END-TO-END TESTS SKIPPED: ${E2E.reason}.\n!!! ${HOW_TO}\n!!! Set TANDEM_REQUIRE_E2E=1 to make this a failure.\n${line}\n`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Firefox (test/e2e/firefox/*): the same rule, for Debian's firefox-esr.

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const firefoxFound = isExecutable(FIREFOX_PATH);

export const FIREFOX_E2E = {
  run: firefoxFound,
  required,
  firefoxPath: FIREFOX_PATH,
  reason: firefoxFound ? '' : `Firefox not found or not executable at ${FIREFOX_PATH}`,
} as const;

const FIREFOX_HOW_TO =
  'Install it (Debian: apt-get install -y firefox-esr) or point FIREFOX_PATH at a Firefox binary.';

let firefoxWarned = false;

/** Like `requireE2e`, for the Firefox test files. */
export function requireFirefox(): void {
  if (FIREFOX_E2E.run) return;
  if (FIREFOX_E2E.required) {
    it('has a Firefox to run the browser tests in (TANDEM_REQUIRE_E2E=1)', () => {
      throw new Error(
        `End-to-end tests are required (TANDEM_REQUIRE_E2E=1) but cannot run: ${FIREFOX_E2E.reason}. ${FIREFOX_HOW_TO}`,
      );
    });
    return;
  }
  if (!firefoxWarned) {
    firefoxWarned = true;
    const line = '!'.repeat(100);
    console.warn(
      `\n${line}\n!!! FIREFOX END-TO-END TESTS SKIPPED: ${FIREFOX_E2E.reason}.\n!!! ${FIREFOX_HOW_TO}\n!!! Set TANDEM_REQUIRE_E2E=1 to make this a failure.\n${line}\n`,
    );
  }
}
