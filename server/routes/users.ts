/** Users: HR creates accounts (the token is shown once); anyone signed in can see themselves. */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { NewUser, type User } from '../../shared/schemas';
import { generateToken, hashToken } from '../auth/tokens';
import { currentUser, publicUser, requireRole, requireUser } from '../middleware/auth';
import { readJson } from '../middleware/body';
import type { AppEnv, Deps } from '../middleware/env';
import { ApiError, invalidInput } from '../middleware/errors';

export function usersRouter({ store, clock }: Deps) {
  return new Hono<AppEnv>()
    .post('/users', requireRole('hr'), async (c) => {
      const parsed = NewUser.safeParse(readJson(c));
      if (!parsed.success) throw invalidInput(parsed.error);
      const token = generateToken();
      const user: User = {
        id: randomUUID(),
        ...parsed.data,
        department: parsed.data.department ?? null,
        createdAt: clock().toISOString(),
      };
      await store.write(async (tx) => {
        if ((await tx.find('users', { email: user.email })).length > 0) {
          throw new ApiError(409, 'email_taken', `A user with the email ${user.email} already exists.`);
        }
        await tx.put('users', { ...user, tokenHash: hashToken(token) });
      });
      return c.json({ user, token }, 201);
    })
    .get('/me', requireUser, (c) => c.json({ user: publicUser(currentUser(c)) }));
}
