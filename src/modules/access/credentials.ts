import crypto from 'node:crypto';
import { hash } from '@node-rs/argon2';

/**
 * Secrets of access: tokens are random, only their SHA-256 is stored; passwords are hashed with
 * argon2id at the OWASP-recommended memory cost (@node-rs/argon2 defaults to the argon2id variant).
 */
export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
export const randomToken = (bytes = 32) => crypto.randomBytes(bytes).toString('base64url');
export const hashPassword = (p: string) => hash(p, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
/** Verifying against this when the account does not exist keeps the timing of both answers alike. */
export const DUMMY_HASH = hashPassword(randomToken());
