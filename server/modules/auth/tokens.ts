/** Random secrets for session cookies, CSRF tokens and API tokens; only SHA-256 hashes are stored. */
import { createHash, randomBytes } from 'node:crypto';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const API_TOKEN_PREFIX = 'crp_';
export const newApiToken = () => API_TOKEN_PREFIX + randomToken(30);
