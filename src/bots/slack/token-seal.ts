// Slack tokens at rest: sealed with AES-256-GCM under SLACK_TOKEN_KEY, so a copy of the database alone does not
// let anyone act as Concord in a workspace. Several keys may be given: the first seals, every one opens.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

const PREFIX = 'sealed:v1:';
/** GCM's full tag; a shorter one would be easier to forge. */
const TAG_BYTES = 16;

interface Key {
  /** Names the key in sealed values so opening picks it and resealing knows what is current. Not secret. */
  id: string;
  key: Buffer;
}

export class TokenSealError extends Error {}

export class TokenSeal {
  private readonly keys: Key[];

  /** `secrets`: at least one string of 32 characters or more; the first seals. */
  constructor(secrets: readonly string[]) {
    if (!secrets.length) throw new Error('TokenSeal needs at least one key');
    this.keys = secrets.map((secret) => {
      const key = Buffer.from(hkdfSync('sha256', secret, 'concord', 'slack installation tokens', 32));
      return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
    });
  }

  static isSealed(value: string): boolean {
    return value.startsWith(PREFIX);
  }

  seal(plain: string): string {
    const { id, key } = this.keys[0]!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(id));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${id}:${[iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join(':')}`;
  }

  /** Whether `value` is sealed under the key that seals now (plain values are not). */
  isCurrent(value: string): boolean {
    return value.startsWith(`${PREFIX}${this.keys[0]!.id}:`);
  }

  /** The plain text of a sealed value; a value stored before sealing was turned on comes back as it is. */
  open(value: string): string {
    if (!TokenSeal.isSealed(value)) return value;
    const [id, iv, tag, body] = value.slice(PREFIX.length).split(':');
    const key = this.keys.find((k) => k.id === id);
    if (!key || !iv || !tag || body === undefined) throw new TokenSealError(`sealed under key ${id}, which is not among SLACK_TOKEN_KEY's keys`);
    try {
      const authTag = Buffer.from(tag, 'base64url');
      if (authTag.length !== TAG_BYTES) throw new Error('short tag');
      const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(key.id));
      decipher.setAuthTag(authTag);
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new TokenSealError(`sealed value under key ${id} has been altered`);
    }
  }
}
