// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/** The survey page `/s/:token`: rendering, answering once, 404/410, CSRF, limits and headers. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { csrfOf, EXPIRES, formBody, type SurveyWorld, surveyWorld } from './surveys.fixtures';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const GOOD = { fair: 4, clarity: 5, plan: 3, respected: 5, nps: 9 };

async function open(w: SurveyWorld, kind: 'employee' | 'manager' = 'employee') {
  const s = await w.recorded(w.A.token, 'a1');
  const link = await w.linkOf(w.A.token, s.id, kind);
  const page = await w.call('GET', link.path, { headers: { 'accept-language': 'en' } });
  return { s, ...link, page, csrf: csrfOf(page.text) };
}

function post(w: SurveyWorld, path: string, fields: Record<string, string | number>, headers = {}) {
  return w.call('POST', path, { body: formBody(fields), headers: { ...FORM, ...headers } });
}

describe('GET /s/:token', () => {
  it('renders the employee form in the language asked for, with every item and a switch', async () => {
    const w = await surveyWorld();
    const { path, page } = await open(w);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/i);
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain('How did the conversation go?');
    expect(page.text).toContain('About your coaching check-in on 2 March');
    for (const name of ['fair', 'clarity', 'plan', 'respected']) {
      for (let v = 1; v <= 5; v++) expect(page.text).toContain(`name="${name}" value="${v}"`);
      expect(page.text).not.toContain(`name="${name}" value="0"`);
    }
    for (let v = 0; v <= 10; v++) expect(page.text).toContain(`name="nps" value="${v}"`);
    expect(page.text.match(/<fieldset/g)).toHaveLength(5);
    expect(page.text.match(/<legend>/g)).toHaveLength(5);
    expect(page.text).toContain('<textarea id="comment" name="comment"');
    expect(page.text).toContain('never shown one by one'); // guidePack.survey.privacy
    expect(page.text).toContain('href="?lang=zh-CN"');
    expect(page.text).not.toMatch(/<script|<img|<link|https?:\/\/(?!tandem)/i);

    const zh = await w.call('GET', path, { headers: { 'accept-language': 'zh-TW,zh;q=0.9,en;q=0.8' } });
    expect(zh.text).toContain('<html lang="zh-CN">');
    expect(zh.text).toContain('这次面谈，感觉怎么样？');
    expect(zh.text).toContain('任何人都看不到单份答卷');
    const en = await w.call('GET', `${path}?lang=en`, { headers: { 'accept-language': 'zh-CN' } });
    expect(en.text).toContain('<html lang="en">');
    const fr = await w.call('GET', path, { headers: { 'accept-language': 'fr-FR, en;q=0.5' } });
    expect(fr.text).toContain('<html lang="en">');
  });

  it('renders the manager form with the manager items', async () => {
    const w = await surveyWorld();
    const { page } = await open(w, 'manager');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Looking back on your conversation');
    for (const name of ['consensus', 'plan', 'prepared'])
      expect(page.text).toContain(`name="${name}" value="5"`);
    expect(page.text).not.toContain('name="fair"');
    expect(page.text).not.toContain('name="nps"');
  });

  it('never uses the link up, and sends the hygiene headers and a strict CSP', async () => {
    const w = await surveyWorld();
    const { path, page } = await open(w);
    const before = JSON.stringify(w.surveys());
    for (let i = 0; i < 5; i++) expect((await w.call('GET', path)).status).toBe(200);
    expect((await w.app.request(path, { method: 'HEAD' })).status).toBe(200);
    expect(JSON.stringify(w.surveys())).toBe(before);
    expect(w.responses()).toHaveLength(0);

    const h = page.headers;
    expect(h.get('cache-control')).toBe('no-store');
    expect(h.get('referrer-policy')).toBe('no-referrer');
    expect(h.get('x-robots-tag')).toContain('noindex');
    const csp = h.get('content-security-policy')!;
    expect(csp).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'$/,
    );
    // The hash is the hash of the page's one style sheet.
    const css = /<style>([\s\S]*?)<\/style>/.exec(page.text)![1]!;
    const hash = createHash('sha256').update(css, 'utf8').digest('base64');
    expect(csp).toContain(`'sha256-${hash}'`);
    expect(page.text.match(/<style>/g)).toHaveLength(1);
    expect(page.text).not.toMatch(/ style="/);
  });

  it('unknown → 404 page; malformed → 404 page; expired → 410 page', async () => {
    const w = await surveyWorld();
    const { path } = await open(w);
    const unknown = await w.call('GET', `/s/${'A'.repeat(32)}`, { headers: { 'accept-language': 'en' } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/text\/html/);
    expect(unknown.text).toContain('We can’t find this survey');
    expect(unknown.headers.get('cache-control')).toBe('no-store');
    expect((await w.call('GET', '/s/short')).status).toBe(404);
    w.setNow(EXPIRES);
    const expired = await w.call('GET', path, { headers: { 'accept-language': 'zh-CN' } });
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('这份问卷已经截止');
    expect(expired.text).toContain('2026年4月8日');
    expect(expired.text).not.toContain('<form');
  });
});

describe('POST /s/:token', () => {
  it('a form post stores the answer once, without token, address or time; then 410', async () => {
    const w = await surveyWorld();
    w.setNow('2026-03-10T15:42:17.123Z');
    const { path, token, csrf, s, item } = await open(w);
    const r = await post(
      w,
      path,
      { csrf, lang: 'en', ...GOOD, comment: '  Helpful talk.\r\nThanks!  ' },
      { 'user-agent': 'UA-UNIQUE-1', 'accept-language': 'zh-CN' },
    );
    expect(r.status).toBe(200);
    expect(r.text).toContain('Thank you!');
    expect(r.text).toContain('<html lang="en">');
    expect(r.headers.get('cache-control')).toBe('no-store');
    const [resp] = w.responses();
    expect(w.responses()).toHaveLength(1);
    expect(resp).toEqual({
      id: expect.any(String),
      surveyId: item.surveyId,
      sessionId: s.id,
      kind: 'employee',
      answers: { ...GOOD, comment: 'Helpful talk.\nThanks!' },
    });
    expect(resp!.id).not.toBe(item.surveyId);
    const stored = JSON.stringify(resp);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain('UA-UNIQUE-1');
    expect(stored).not.toMatch(/2026-03-10/);
    // The survey keeps the day it was answered, not the second.
    expect(w.surveys().find((x) => x.id === item.surveyId)!.answeredAt).toBe('2026-03-10T00:00:00.000Z');

    const again = await post(w, path, { csrf, lang: 'en', ...GOOD });
    expect(again.status).toBe(410);
    expect(again.text).toContain('This link has already been used');
    const reopen = await w.call('GET', path, { headers: { 'accept-language': 'en' } });
    expect(reopen.status).toBe(410);
    expect(reopen.text).toContain('This link has already been used');
    expect(w.responses()).toHaveLength(1);
  });

  it('a JSON post stores the answer; a second one gets a JSON 410', async () => {
    const w = await surveyWorld();
    const { path } = await open(w, 'manager');
    const r = await w.call('POST', path, {
      json: { consensus: 4, plan: 5, prepared: 2, comment: 'more prep' },
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ ok: true });
    expect(w.responses()[0]).toMatchObject({
      kind: 'manager',
      answers: { consensus: 4, plan: 5, prepared: 2, comment: 'more prep' },
    });
    const again = await w.call('POST', path, { json: { consensus: 4, plan: 5, prepared: 2 } });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('survey_used');
  });

  it('two racing answers on one link store one response', async () => {
    const w = await surveyWorld();
    const { path } = await open(w);
    const out = await Promise.all(Array.from({ length: 10 }, () => w.call('POST', path, { json: GOOD })));
    expect(out.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(410)]);
    expect(w.responses()).toHaveLength(1);
  });

  it('JSON: invalid answers are 400 with field paths, unknown links 404, expired 410', async () => {
    const w = await surveyWorld();
    const { path } = await open(w);
    const bad = await w.call('POST', path, {
      json: { fair: 6, clarity: 'x', plan: 3, respected: 4, extra: 1 },
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.details.map((d: any) => d.path).sort();
    expect(paths).toEqual(['clarity', 'extra', 'fair', 'nps']);
    expect(
      (await w.call('POST', path, { body: '{', headers: { 'content-type': 'application/json' } })).status,
    ).toBe(400);
    const unknown = await w.call('POST', `/s/${'B'.repeat(32)}`, { json: GOOD });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    w.setNow(EXPIRES);
    const expired = await w.call('POST', path, { json: GOOD });
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('survey_expired');
    expect(w.responses()).toHaveLength(0);
  });

  it('an invalid form re-renders with errors by each field and keeps what was typed (400)', async () => {
    const w = await surveyWorld();
    const { path, csrf } = await open(w);
    const comment = '<b>不要</b> lose "this" & that';
    const r = await post(w, path, { csrf, lang: 'zh-CN', fair: 2, plan: 9, nps: 10, comment });
    expect(r.status).toBe(400);
    expect(r.text).toContain('还有 3 处需要处理');
    // Errors sit in the fieldset of their item.
    for (const id of ['clarity', 'plan', 'respected']) {
      const fs = new RegExp(
        `<fieldset id="q-${id}" class="bad" aria-describedby="err-${id}" aria-invalid="true">[\\s\\S]*?id="err-${id}"[\\s\\S]*?</fieldset>`,
      );
      expect(r.text).toMatch(fs);
    }
    expect(r.text).toMatch(/<fieldset id="q-fair" class="">/);
    // What was chosen stays chosen; what was typed stays typed (escaped).
    expect(r.text).toContain('name="fair" value="2" checked');
    expect(r.text).toContain('name="nps" value="10" checked');
    expect(r.text.match(/ checked/g)).toHaveLength(2);
    expect(r.text).toContain('&lt;b&gt;不要&lt;/b&gt; lose &quot;this&quot; &amp; that</textarea>');
    expect(r.text).not.toContain('<b>不要</b>');
    expect(w.responses()).toHaveLength(0);
    // A fresh CSRF token: the corrected form goes through.
    const ok = await post(w, path, { csrf: csrfOf(r.text), lang: 'zh-CN', ...GOOD, comment });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('谢谢你！');
    expect(w.responses()[0]!.answers).toMatchObject({ comment });
  });

  it('a comment over 2000 characters is an error by the comment, the text kept', async () => {
    const w = await surveyWorld();
    const { path, csrf } = await open(w);
    const long = '长'.repeat(2001);
    const r = await post(w, path, { csrf, lang: 'en', ...GOOD, comment: long });
    expect(r.status).toBe(400);
    expect(r.text).toContain('id="err-comment"');
    expect(r.text).toContain(`${long}</textarea>`);
  });

  it('CSRF: a missing or wrong token, or another site, is 403 and stores nothing', async () => {
    const w = await surveyWorld();
    const { path, csrf } = await open(w);
    const fields = { lang: 'en', ...GOOD };
    const missing = await post(w, path, fields);
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('Your answer was not saved');
    const wrong = await post(w, path, { ...fields, csrf: `${csrf.split('.')[0]}.${'A'.repeat(43)}` });
    expect(wrong.status).toBe(403);
    // A token for another survey does not fit this one.
    const s2 = await w.recorded(w.A.token, 'a2');
    const other = await w.linkOf(w.A.token, s2.id);
    const otherCsrf = csrfOf((await w.call('GET', other.path)).text);
    expect((await post(w, path, { ...fields, csrf: otherCsrf })).status).toBe(403);
    // Right token, but the post comes from another site.
    for (const headers of [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'https://sub.tandem.example' },
    ]) {
      expect((await post(w, path, { ...fields, csrf }, headers)).status).toBe(403);
    }
    const json = await w.call('POST', path, { json: GOOD, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(json.status).toBe(403);
    expect(json.body.error.code).toBe('cross_site');
    // Other body types are refused outright.
    const text = await w.call('POST', path, {
      body: JSON.stringify(GOOD),
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    expect(w.responses()).toHaveLength(0);
    // Same origin as a browser sends it with no-referrer (Origin: null) and the right token: fine.
    const ok = await post(w, path, { ...fields, csrf }, { origin: 'null', 'sec-fetch-site': 'same-origin' });
    expect(ok.status).toBe(200);
    expect(w.responses()).toHaveLength(1);
  });

  it('a form left open over a day asks to send again, keeping the answers (403)', async () => {
    const w = await surveyWorld();
    const { path, csrf } = await open(w);
    w.setNow('2026-03-03T09:00:01.000Z');
    const r = await post(w, path, { csrf, lang: 'en', ...GOOD, comment: 'kept' });
    expect(r.status).toBe(403);
    expect(r.text).toContain('This page was open for a long time');
    expect(r.text).toContain('name="fair" value="4" checked');
    expect(r.text).toContain('kept</textarea>');
    expect(w.responses()).toHaveLength(0);
    const ok = await post(w, path, { csrf: csrfOf(r.text), lang: 'en', ...GOOD });
    expect(ok.status).toBe(200);
  });

  it('a deleted session closes its survey (410)', async () => {
    const w = await surveyWorld();
    const { path, s } = await open(w);
    await w.call('DELETE', `/api/v1/sessions/${s.id}`, { token: w.A.token });
    const r = await w.call('GET', path, { headers: { 'accept-language': 'en' } });
    expect(r.status).toBe(410);
    expect(r.text).toContain('no longer open');
    expect((await w.call('POST', path, { json: GOOD })).body.error.code).toBe('survey_closed');
  });

  it('an answer can come in before sendAfter (the clock is before it) if the link was sent early', async () => {
    const w = await surveyWorld();
    const { path } = await open(w);
    expect((await w.call('POST', path, { json: GOOD })).status).toBe(201);
  });
});

describe('limits on /s/*', () => {
  it('rate limit per link (any address) and per address (any link): 429 with Retry-After', async () => {
    const w = await surveyWorld({ rateLimitPerMinute: 600 });
    const { path } = await open(w);
    // Per link: 20 a minute, whichever address asks.
    let last = 0;
    for (let i = 0; i < 21; i++) {
      const r = await w.call('GET', path, { address: `198.51.100.${i}` });
      last = r.status;
      if (i < 19) expect(r.status).toBe(200);
    }
    expect(last).toBe(429);
    const limited = await w.call('GET', path, {
      address: '198.51.100.200',
      headers: { 'accept-language': 'en' },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.text).toContain('Too many tries');
    const json = await w.call('POST', path, { json: GOOD, address: '198.51.100.201' });
    expect(json.status).toBe(429);
    expect(json.body.error.code).toBe('rate_limited');
    // Per address: 120 a minute across links (guessing links is slow).
    const addr = '203.0.113.7';
    let status = 0;
    for (let i = 0; i < 121; i++) {
      status = (await w.call('GET', `/s/${String(i).padStart(32, 'x')}`, { address: addr })).status;
      if (i < 120) expect(status).toBe(404);
    }
    expect(status).toBe(429);
    // A minute later the link works again.
    w.setNow('2026-03-02T09:01:01.000Z');
    expect((await w.call('GET', path, { address: '198.51.100.1' })).status).toBe(200);
  });

  it('the limits follow configuration: smaller ones bite sooner, 0 turns one off', async () => {
    const w = await surveyWorld({
      rateLimitPerMinute: 600,
      surveyRateLimitPerLink: 3,
      surveyRateLimitPerAddress: 0,
    });
    const { path } = await open(w);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await w.call('GET', path, { address: '198.51.100.9' })).status);
    expect(statuses).toEqual([200, 200, 429, 429]); // open() asked once already
    // No per-address limit: 200 guesses from one address are all plain 404s.
    for (let i = 0; i < 200; i++) {
      const r = await w.call('GET', `/s/${String(i).padStart(32, 'y')}`, { address: '203.0.113.8' });
      expect(r.status).toBe(404);
    }
    const off = await surveyWorld({ rateLimitPerMinute: 600, surveyRateLimitPerLink: 0 });
    const link = await open(off);
    for (let i = 0; i < 30; i++) expect((await off.call('GET', link.path)).status).toBe(200);
  });

  it('a body over the survey limit is 413, before anything is parsed', async () => {
    const w = await surveyWorld();
    const { path, csrf } = await open(w);
    const r = await post(w, path, { csrf, ...GOOD, comment: 'x'.repeat(70_000) });
    expect(r.status).toBe(413);
    expect(w.responses()).toHaveLength(0);
  });
});
