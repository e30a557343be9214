/** The invite and call wiring: `.ics` files and pasted invite text, through the same path as calendar invites. */
import type { Localized } from '../../../shared/invite/types';
import { takeInvite } from './wiring-invites';
import { importError, importing, timeZone } from './wiring-state';

const MAX_FILE_BYTES = 20_000_000;

/** Pasted invite text → the same path as a calendar invite (`now`: what a date without a year is near). Never throws. */
export function importText(text: string, now = new Date()): Promise<boolean> {
  return runImport(async () => {
    const { parseInviteText } = await import('../../../shared/invite/text');
    const r = parseInviteText(text, { now, timeZone: timeZone() });
    if (!r.ok) {
      importError.value = r.error.message;
      return false;
    }
    await takeInvite(r.invite, 'text');
    return true;
  });
}

/** An `.ics` file → its event (the next one not over, else the first). Never throws. */
export function importIcsFile(file: Blob & { name?: string }): Promise<boolean> {
  return runImport(async () => {
    if (file.size > MAX_FILE_BYTES) {
      importError.value = {
        'zh-CN': '文件太大，不像是一个会议邀请（上限 5 MB）。',
        en: 'The file is too large to be a meeting invite (limit 5 MB).',
      };
      return false;
    }
    const text = await file.text();
    const { parseIcs } = await import('../../../shared/invite/ics');
    const r = parseIcs(text, { now: new Date(), timeZone: timeZone() });
    if (!r.ok) {
      importError.value = r.error.message;
      return false;
    }
    const now = Date.now();
    const events = [...r.events];
    const next =
      events.find((e) => !e.cancelled && e.end && Date.parse(e.end) >= now) ??
      events.find((e) => !e.cancelled) ??
      events[0]!;
    await takeInvite(next, 'ics', { others: events.filter((e) => e !== next).slice(0, 20) });
    return true;
  });
}

/** One import with `importing` on while it runs; whatever it throws becomes the import's error. */
async function runImport(run: () => Promise<boolean>): Promise<boolean> {
  importing.value = true;
  try {
    return await run();
  } catch (e) {
    importError.value = failure(e);
    return false;
  } finally {
    importing.value = false;
  }
}

function failure(e: unknown): Localized {
  const detail = e instanceof Error ? e.message : String(e);
  return {
    'zh-CN': `无法读取这份邀请（${detail}）。`,
    en: `This invite could not be read (${detail}).`,
  };
}
