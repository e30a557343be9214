// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/**
 * The content pack download against the real service app in process: conditional requests,
 * the organisation's pack stored in two keys, a pack that fails validation ignored with its
 * problems kept and the last good pack left in place, and HR's reset back to the built-in pack.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultGuide } from '../../shared/content';
import { GUIDE_KEYS, type StoredGuide } from '../store/guide';
import type { Fetch } from './api';
import { refreshGuide } from './guide';
import { BASE, inProcessService } from './service.fixtures';

beforeEach(() => {
  fakeBrowser.reset();
});

const read = async () =>
  (await fakeBrowser.storage.local.get([GUIDE_KEYS.guide, GUIDE_KEYS.examples])) as Record<string, any>;

function orgPack() {
  const pack = structuredClone(defaultGuide);
  pack.version = '2026.3';
  pack.examples[0]!.text = { 'zh-CN': '橙子项目的复盘会上……', en: 'At the Orange project retro…' };
  pack.steps[0]!.title = { 'zh-CN': '写下一句话目标', en: 'Write the one-line goal' };
  return pack;
}

/** Counts requests and what they asked with. */
function counting(fetchFn: Fetch) {
  const seen: { inm: string | null; status: number }[] = [];
  const f: Fetch = async (input, init) => {
    const res = await fetchFn(input, init);
    seen.push({ inm: new Headers(init?.headers).get('if-none-match'), status: res.status });
    return res;
  };
  return { f, seen };
}

describe('content pack download', () => {
  it('keeps the built-in pack until HR sets one, then stores it; unchanged packs cost a 304', async () => {
    const svc = await inProcessService();
    const { f, seen } = counting(svc.fetchFn);
    expect(await refreshGuide(f, BASE, svc.manager)).toBe('built-in');
    let got = await read();
    expect(got[GUIDE_KEYS.guide]).toMatchObject({ url: BASE, source: 'built-in' });
    expect(got[GUIDE_KEYS.guide].core).toBeUndefined();
    expect(got[GUIDE_KEYS.examples]).toBeUndefined();

    expect(await refreshGuide(f, BASE, svc.manager)).toBe('unchanged');
    expect(seen[1]).toEqual({ inm: got[GUIDE_KEYS.guide].etag, status: 304 });

    expect((await svc.call('PUT', '/api/v1/guide', svc.hr, orgPack())).status).toBe(200);
    expect(await refreshGuide(f, BASE, svc.manager)).toBe('organisation');
    got = await read();
    const g = got[GUIDE_KEYS.guide] as StoredGuide;
    expect(g).toMatchObject({ source: 'organisation', version: '2026.3' });
    expect(g.core!.steps[0]!.title.en).toBe('Write the one-line goal');
    expect(g.core).not.toHaveProperty('examples');
    expect(g.core).not.toHaveProperty('survey');
    expect(got[GUIDE_KEYS.examples][0].text.en).toBe('At the Orange project retro…');
    expect(await refreshGuide(f, BASE, svc.manager)).toBe('unchanged');
    expect(seen.at(-1)!.status).toBe(304);

    // HR goes back to the built-in pack: the organisation's is dropped here too.
    await svc.call('DELETE', '/api/v1/guide', svc.hr);
    expect(await refreshGuide(f, BASE, svc.manager)).toBe('built-in');
    got = await read();
    expect(got[GUIDE_KEYS.guide].core).toBeUndefined();
    expect(got[GUIDE_KEYS.examples]).toBeUndefined();
  });

  it('ignores a pack that fails validation, says why, and keeps the last good one', async () => {
    const svc = await inProcessService();
    await svc.call('PUT', '/api/v1/guide', svc.hr, orgPack());
    expect(await refreshGuide(svc.fetchFn, BASE, svc.manager)).toBe('organisation');
    const good = (await read())[GUIDE_KEYS.guide] as StoredGuide;

    // A service of another version sends a pack this extension's schema does not accept.
    const broken: Fetch = async () => {
      const pack: any = orgPack();
      delete pack.steps[3].title.en;
      return new Response(JSON.stringify({ source: 'organisation', pack }), {
        headers: { 'content-type': 'application/json', etag: '"other"' },
      });
    };
    expect(await refreshGuide(broken, BASE, svc.manager)).toBe('rejected');
    const after = (await read())[GUIDE_KEYS.guide] as StoredGuide;
    expect(after.core).toEqual(good.core);
    expect(after.etag).toBe(good.etag);
    expect(after.rejected!.issues).toEqual(['steps.3.title.en: Required']);
    expect((await read())[GUIDE_KEYS.examples][0].text.en).toBe('At the Orange project retro…');

    // The next good answer clears the note.
    await svc.call('PUT', '/api/v1/guide', svc.hr, { ...orgPack(), version: '2026.4' });
    expect(await refreshGuide(svc.fetchFn, BASE, svc.manager)).toBe('organisation');
    const fixed = (await read())[GUIDE_KEYS.guide] as StoredGuide;
    expect(fixed.rejected).toBeUndefined();
    expect(fixed.version).toBe('2026.4');
  });

  it('a pack from another service is not sent an ETag of this one, and an unreachable service throws', async () => {
    const svc = await inProcessService();
    await refreshGuide(svc.fetchFn, BASE, svc.manager);
    const { f, seen } = counting(svc.fetchFn);
    await refreshGuide(f, 'http://other.test', svc.manager);
    expect(seen[0]!.inm).toBeNull();
    svc.setDown(true);
    await expect(refreshGuide(svc.fetchFn, BASE, svc.manager)).rejects.toMatchObject({ kind: 'network' });
  });
});
