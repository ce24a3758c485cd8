import { Logger } from '@nestjs/common';
import { type AppConfig, ConfigError, createDataDir } from '@registry/core';
import { calculateJwkThumbprint, type CryptoKey, importJWK, type JWK } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The key that signs now, and the public keys that verify (current first, then retired ones). */
export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  publicKeys: JWK[];
}

/** Injection token of the SigningKeys. */
export const SIGNING_KEYS = Symbol('SIGNING_KEYS');

export const SIGNING_KEY_FILE_NAME = 'signing-key.json';

/**
 * The signing key of this process, from configuration (SIGNING_KEY or SIGNING_KEY_FILE). With neither, the
 * embedded database keeps a key generated on first start next to its data, so signatures survive restarts; a
 * throw-away in-memory database gets a throw-away key. Server deployments must configure the key: every
 * instance behind a load balancer has to sign with the same one.
 */
export async function loadSigningKeys(config: AppConfig, logger = new Logger('Signing')): Promise<SigningKeys> {
  let privateJwk = config.signingKey;
  if (!privateJwk) {
    if (config.databaseUrl) {
      throw new ConfigError(
        'Invalid configuration:\n- SIGNING_KEY or SIGNING_KEY_FILE must be set when DATABASE_URL is: every instance must sign ' +
          'published passports with the same Ed25519 key (a private JWK; see "History, integrity and signatures" in README.md)',
      );
    }
    privateJwk = config.dataDir.startsWith('memory://') ? generateSigningJwk() : keptSigningJwk(config.dataDir, logger);
  }
  const kid = privateJwk.kid ?? (await calculateJwkThumbprint(privateJwk));
  const current: JWK = { kty: 'OKP', crv: 'Ed25519', x: privateJwk.x, kid, alg: 'EdDSA', use: 'sig' };
  const retired = config.signingPublicKeys
    .filter((jwk) => jwk.kid !== kid)
    .map((jwk): JWK => ({ kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: jwk.kid, alg: 'EdDSA', use: 'sig' }));
  const privateKey = (await importJWK({ ...privateJwk, kid }, 'EdDSA')) as CryptoKey;
  return { kid, privateKey, publicKeys: [current, ...retired] };
}

/** A new Ed25519 key pair as a private JWK, its kid the RFC 7638 thumbprint computed later. */
export function generateSigningJwk(): JWK {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'jwk' }) as JWK;
}

/** The key kept in `<dataDir>/signing-key.json`, created (readable by the owner only) when it does not exist. */
function keptSigningJwk(dataDir: string, logger: Logger): JWK {
  const file = join(dataDir, SIGNING_KEY_FILE_NAME);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    createDataDir(dataDir);
    const jwk = generateSigningJwk();
    // 'wx' never overwrites: a key another process wrote meanwhile wins, and is read below.
    try {
      writeFileSync(file, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
      logger.log(`generated a signing key in ${file}; back it up with the database`);
    } catch (writeError) {
      if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError;
    }
    text = readFileSync(file, 'utf8');
  }
  try {
    const jwk = JSON.parse(text) as JWK;
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.d !== 'string' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 private JWK');
    return jwk;
  } catch (error) {
    throw new ConfigError(`Invalid signing key file ${file}: ${(error as Error).message}. Restore it from a backup, or set SIGNING_KEY_FILE.`);
  }
}
