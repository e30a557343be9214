import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../storage/memory';
import { bootstrap } from './bootstrap';
import { generateToken, hashToken, parseBearer, tokenMatches } from './tokens';

const clock = () => new Date('2026-03-02T09:00:00.000Z');

describe('tokens', () => {
  it('are 256 random bits, base64url, prefixed, stored as SHA-256 hex', () => {
    const a = generateToken();
    expect(a).toMatch(/^tdm_[A-Za-z0-9_-]{43}$/);
    expect(new Set(Array.from({ length: 100 }, generateToken)).size).toBe(100);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenMatches(a, hashToken(a))).toBe(true);
    expect(tokenMatches(`${a}x`, hashToken(a))).toBe(false);
    expect(tokenMatches(a, 'not-hex')).toBe(false);
  });
  it('parses only well-formed bearer headers', () => {
    expect(parseBearer('Bearer tdm_abc-_')).toBe('tdm_abc-_');
    expect(parseBearer('bearer tdm_abc')).toBe('tdm_abc');
    for (const h of [
      'Bearer',
      'Bearer ',
      'Basic abc',
      'Bearer a b',
      'Bearer <script>',
      `Bearer ${'x'.repeat(600)}`,
    ]) {
      expect(parseBearer(h), h).toBeNull();
    }
  });
});

describe('bootstrap', () => {
  it('creates one hr user on an empty store, returning a generated token once; idempotent', async () => {
    const store = createMemoryStore();
    const first = await bootstrap(store, { clock });
    expect(first.created).toBe(true);
    expect(first.user).toMatchObject({ role: 'hr', email: 'hr@tandem.local', name: 'HR admin' });
    const stored = await store.read((tx) => tx.find('users'));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(hashToken(first.token!));
    expect(JSON.stringify(stored)).not.toContain(first.token!);
    expect(await bootstrap(store, { clock })).toEqual({ created: false });
    expect(await store.read((tx) => tx.find('users'))).toHaveLength(1);
  });
  it('uses a given token and does not echo it back', async () => {
    const store = createMemoryStore();
    const token = 'a-configured-bootstrap-token-0123456789';
    const r = await bootstrap(store, { token, clock });
    expect(r.created).toBe(true);
    expect(r.token).toBeUndefined();
    const [u] = await store.read((tx) => tx.find('users'));
    expect(tokenMatches(token, u!.tokenHash)).toBe(true);
  });
});
