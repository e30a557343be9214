/** Link tokens, survey ids, the form's CSRF token and language negotiation, without the app. */
import { describe, expect, it } from 'vitest';
import { Id } from '../../shared/schemas/common';
import { createMemoryStore } from '../storage/memory';
import { checkFormToken, formToken, LINK_TOKEN, linkToken, surveyIdFor, surveyKeysForWrite } from './links';
import { negotiateLang } from './messages';
import { PAGE_CSP, STYLE_HASH } from './render';

const NOW = new Date('2026-03-02T09:00:00.000Z');

async function keys() {
  const store = createMemoryStore();
  return store.write((tx) => surveyKeysForWrite(tx, NOW.toISOString()));
}

describe('survey links', () => {
  it('survey ids are stable UUIDs per session and kind', () => {
    const a = surveyIdFor('9b2f6f0e-3c1a-4c55-9a57-1d1d8f2b7c10', 'employee');
    expect(Id.safeParse(a).success).toBe(true);
    expect(surveyIdFor('9b2f6f0e-3c1a-4c55-9a57-1d1d8f2b7c10', 'employee')).toBe(a);
    expect(surveyIdFor('9b2f6f0e-3c1a-4c55-9a57-1d1d8f2b7c10', 'manager')).not.toBe(a);
  });

  it('tokens are 192 bits, recomputable with the secret, different per survey and per store', async () => {
    const k1 = await keys();
    const k2 = await keys();
    const t = linkToken(k1, 'survey-1');
    expect(t).toMatch(LINK_TOKEN);
    expect(Buffer.from(t, 'base64url')).toHaveLength(24);
    expect(linkToken(k1, 'survey-1')).toBe(t);
    expect(linkToken(k1, 'survey-2')).not.toBe(t);
    expect(linkToken(k2, 'survey-1')).not.toBe(t);
  });

  it('the secret is made once per store', async () => {
    const store = createMemoryStore();
    const a = await store.write((tx) => surveyKeysForWrite(tx, NOW.toISOString()));
    const b = await store.write((tx) => surveyKeysForWrite(tx, NOW.toISOString()));
    expect(a.link.equals(b.link)).toBe(true);
  });

  it('form tokens: bound to the survey, unforgeable, stale after a day', async () => {
    const k = await keys();
    const t = formToken(k, 's1', NOW);
    expect(checkFormToken(k, 's1', t, NOW)).toBe('ok');
    expect(checkFormToken(k, 's2', t, NOW)).toBe('invalid');
    expect(checkFormToken(await keys(), 's1', t, NOW)).toBe('invalid');
    expect(checkFormToken(k, 's1', undefined, NOW)).toBe('missing');
    expect(checkFormToken(k, 's1', 'garbage', NOW)).toBe('invalid');
    const [ts, mac] = t.split('.');
    expect(checkFormToken(k, 's1', `${Number(ts) + 1}.${mac}`, NOW)).toBe('invalid');
    expect(checkFormToken(k, 's1', t, new Date(NOW.getTime() + 86_400_000))).toBe('ok');
    expect(checkFormToken(k, 's1', t, new Date(NOW.getTime() + 86_401_000))).toBe('stale');
  });
});

describe('survey page language and policy', () => {
  it('negotiates zh-CN or en from Accept-Language, ?lang= first', () => {
    expect(negotiateLang('en-US,en;q=0.9')).toBe('en');
    expect(negotiateLang('zh-TW')).toBe('zh-CN');
    expect(negotiateLang('fr;q=1, en;q=0.2, zh;q=0.5')).toBe('zh-CN');
    expect(negotiateLang('en;q=0, zh;q=0.1')).toBe('zh-CN');
    expect(negotiateLang('de')).toBe('zh-CN');
    expect(negotiateLang(undefined)).toBe('zh-CN');
    expect(negotiateLang('zh-CN', 'en')).toBe('en');
    expect(negotiateLang('en', 'EN')).toBe('en');
    expect(negotiateLang('en', 'xx')).toBe('en');
  });

  it('the CSP allows nothing but the hashed style sheet and posts to itself', () => {
    expect(PAGE_CSP).toBe(
      `default-src 'none'; style-src ${STYLE_HASH}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    );
  });
});
