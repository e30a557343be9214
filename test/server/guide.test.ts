import { describe, expect, it } from 'vitest';
import { defaultGuide } from '../../shared/content';
import { world } from './helpers';
import { surveyWorld } from './surveys.fixtures';

/** An organisation's own pack: the built-in one with its own words for step 1. */
function orgPack() {
  const pack = structuredClone(defaultGuide);
  pack.steps[0]!.title = { 'zh-CN': '写下这次面谈的一句话目标', en: 'Write the one-sentence goal' };
  return pack;
}

describe('content pack route', () => {
  it('serves the built-in pack to anyone signed in, and refuses strangers', async () => {
    const w = await world();
    expect((await w.call('GET', '/api/v1/guide')).status).toBe(401);
    const r = await w.call('GET', '/api/v1/guide', { token: w.A.token });
    expect(r.status).toBe(200);
    expect(r.body.source).toBe('built-in');
    expect(r.body.pack.steps).toHaveLength(12);
  });

  it('lets HR replace it with a valid pack and go back to the built-in one', async () => {
    const w = await world();
    const put = await w.call('PUT', '/api/v1/guide', { token: w.hr, json: orgPack() });
    expect(put.status).toBe(200);
    const r = await w.call('GET', '/api/v1/guide', { token: w.B.token });
    expect(r.body.source).toBe('organisation');
    expect(r.body.updatedAt).toBe('2026-03-02T09:00:00.000Z');
    expect(r.body.pack.steps[0].title.en).toBe('Write the one-sentence goal');
    const del = await w.call('DELETE', '/api/v1/guide', { token: w.hr });
    expect(del.body.source).toBe('built-in');
    expect((await w.call('GET', '/api/v1/guide', { token: w.B.token })).body.source).toBe('built-in');
  });

  it('answers a matching If-None-Match with 304 and no body, and a changed pack with a new ETag', async () => {
    const w = await world();
    const first = await w.call('GET', '/api/v1/guide', { token: w.A.token });
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^(W\/)?".+"$/);
    expect(first.headers.get('cache-control')).toContain('no-cache');
    const same = await w.call('GET', '/api/v1/guide', {
      token: w.A.token,
      headers: { 'if-none-match': tag! },
    });
    expect(same.status).toBe(304);
    expect(same.text).toBe('');
    expect((await w.call('PUT', '/api/v1/guide', { token: w.hr, json: orgPack() })).status).toBe(200);
    const changed = await w.call('GET', '/api/v1/guide', {
      token: w.A.token,
      headers: { 'if-none-match': tag! },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.source).toBe('organisation');
    expect(changed.headers.get('etag')).not.toBe(tag);
  });

  it('rejects a broken pack with the exact path of what is wrong, and stores nothing', async () => {
    const w = await world();
    const before = w.snapshot();
    const pack = orgPack() as unknown as { steps: { title: Record<string, string> }[] };
    delete pack.steps[6]!.title.en;
    const r = await w.call('PUT', '/api/v1/guide', { token: w.hr, json: pack });
    expect(r.status).toBe(400);
    expect(r.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'steps.6.title.en' })]),
    );
    expect(w.snapshot()).toBe(before);
  });

  it('is HR’s to change: a manager gets 403 and nothing changes', async () => {
    const w = await world();
    const before = w.snapshot();
    expect((await w.call('PUT', '/api/v1/guide', { token: w.A.token, json: orgPack() })).status).toBe(403);
    expect((await w.call('DELETE', '/api/v1/guide', { token: w.A.token })).status).toBe(403);
    expect(w.snapshot()).toBe(before);
  });
});

describe('the survey page follows the content pack in use', () => {
  it('shows the organisation’s wording once HR sets a pack, and the built-in wording after a reset', async () => {
    const w = await surveyWorld();
    const s = await w.recorded(w.A.token, 'a1');
    const { path } = await w.linkOf(w.A.token, s.id);
    const pack = orgPack();
    pack.survey.employee[0]!.text = {
      'zh-CN': '我认可这次的评估结果。',
      en: 'I accept the result of this review.',
    };
    expect((await w.call('PUT', '/api/v1/guide', { token: w.hr, json: pack })).status).toBe(200);
    const page = await w.call('GET', `${path}?lang=en`);
    expect(page.text).toContain('I accept the result of this review.');
    expect(page.text).toContain('name="fair" value="5"');
    await w.call('DELETE', '/api/v1/guide', { token: w.hr });
    const again = await w.call('GET', `${path}?lang=en`);
    expect(again.text).not.toContain('I accept the result of this review.');
    expect(again.text).toContain(defaultGuide.survey.employee[0]!.text.en);
  });
});
