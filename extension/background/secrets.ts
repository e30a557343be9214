/**
 * The service token's home: the extension's own IndexedDB, which lives under the extension's
 * origin. Content scripts run in web pages' origins and cannot open it; `storage.local`, by
 * contrast, is readable from content scripts by default in Chrome and Firefox (only
 * `storage.session` is limited to trusted contexts, and it is wiped when the browser closes, which
 * would sign the manager out every day). So: token in IndexedDB, read only by the background,
 * which is the only context that talks to the service. Extension pages hand a new token over by
 * message and never read it back.
 */

export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string | null): Promise<void>;
}

const DB = 'tandem-secrets';
const STORE = 'secrets';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function tx<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const t = db.transaction(STORE, mode);
        const req = fn(t.objectStore(STORE));
        t.oncomplete = () => {
          db.close();
          resolve(req.result as T);
        };
        t.onerror = () => {
          db.close();
          reject(t.error);
        };
      }),
  );
}

export function memorySecrets(): SecretStore {
  const m = new Map<string, string>();
  return {
    get: async (n) => m.get(n) ?? null,
    set: async (n, v) => {
      if (v === null) m.delete(n);
      else m.set(n, v);
    },
  };
}

export function indexedDbSecrets(): SecretStore {
  if (typeof indexedDB === 'undefined') return memorySecrets();
  return {
    get: async (name) => (await tx<string | undefined>('readonly', (s) => s.get(name))) ?? null,
    set: async (name, value) => {
      await tx('readwrite', (s) => (value === null ? s.delete(name) : s.put(value, name)));
    },
  };
}
