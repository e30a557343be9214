/** The first HR user, made on an empty store so that someone can sign in and import the roster. */
import { randomUUID } from 'node:crypto';
import type { User } from '../../shared/schemas';
import type { Store } from '../storage/types';
import { generateToken, hashToken } from './tokens';

export const BOOTSTRAP_EMAIL = 'hr@tandem.local';

export type BootstrapResult = {
  created: boolean;
  /** Only when the token was generated here: print it once, it is not stored. */
  token?: string;
  user?: User;
};

export async function bootstrap(
  store: Store,
  options: { token?: string; clock: () => Date },
): Promise<BootstrapResult> {
  return store.write(async (tx) => {
    const users = await tx.find('users');
    if (users.length > 0) return { created: false };
    const token = options.token ?? generateToken();
    const user: User = {
      id: randomUUID(),
      name: 'HR admin',
      email: BOOTSTRAP_EMAIL,
      role: 'hr',
      department: null,
      createdAt: options.clock().toISOString(),
    };
    await tx.put('users', { ...user, tokenHash: hashToken(token) });
    return options.token ? { created: true, user } : { created: true, token, user };
  });
}
