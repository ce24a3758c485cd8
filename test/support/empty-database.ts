import { type Database, openDatabase } from '@registry/core';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A fresh, empty database: on the server named by TEST_DATABASE_URL, or an in-memory embedded one. */
export async function emptyDatabase(): Promise<{ db: Database; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({ url: null, dataDir: 'memory://' });
    return { db, drop: () => db.close() };
  }
  const name = `registry_scratch_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), dataDir: '' });
  return {
    db,
    drop: async () => {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
