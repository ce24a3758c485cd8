import { applyMigrations, type Database, MIGRATIONS_DIR, openDatabase } from '@registry/core';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const MIGRATION = readdirSync(MIGRATIONS_DIR).find((name) => name.endsWith('_gs1_company_prefixes_and_idempotency_keys'))!;

/** A fresh, empty database: on the server named by TEST_DATABASE_URL, or an in-memory embedded one. */
async function emptyDatabase(): Promise<{ db: Database; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({ url: null, dataDir: 'memory://' });
    return { db, drop: () => db.close() };
  }
  const name = `registry_gs1_${randomBytes(4).toString('hex')}`;
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

describe('migration to registry-wide passport identities, on a database with data', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'gs1-migration-'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('stops with a message naming identities two manufacturers share, and applies once they are fixed', async () => {
    // The migrations before this one, then data as a registry of that time could hold it.
    for (const name of readdirSync(MIGRATIONS_DIR).filter((n) => n < MIGRATION)) cpSync(join(MIGRATIONS_DIR, name), join(scratch, name), { recursive: true });
    const { db, drop } = await emptyDatabase();
    try {
      await applyMigrations(db, scratch);
      await db.exec(`
        INSERT INTO "Organization" (id, name, kind) VALUES
          ('00000000-0000-4000-8000-000000000001', 'Brand owner', 'MANUFACTURER'),
          ('00000000-0000-4000-8000-000000000002', 'Impostor', 'MANUFACTURER');
        INSERT INTO "Passport" (id, "manufacturerId", cluster, granularity, gtin, "serialNumber", "productName", "totalMassKg", "updatedAt") VALUES
          ('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000001', 'HIGH_TECH_EQUIPMENT', 'ITEM', '08712345000011', 'S-1', 'Lamp', 0.1, now()),
          ('00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-000000000002', 'HIGH_TECH_EQUIPMENT', 'ITEM', '08712345000011', 'S-1', 'Lamp', 0.1, now()),
          ('00000000-0000-4000-8000-00000000000c', '00000000-0000-4000-8000-000000000001', 'HIGH_TECH_EQUIPMENT', 'ITEM', '08712345000011', 'S-2', 'Lamp', 0.1, now());`);
      cpSync(join(MIGRATIONS_DIR, MIGRATION), join(scratch, MIGRATION), { recursive: true });

      await expect(applyMigrations(db, scratch)).rejects.toThrow(
        'Passport identities must be unique across the registry, but several passports share one: GTIN 08712345000011 serial "S-1" batch "" (2 passports). Fix them, then migrate again.',
      );
      await db.exec(`UPDATE "Passport" SET "serialNumber" = 'S-1-B' WHERE id = '00000000-0000-4000-8000-00000000000b'`);
      expect((await applyMigrations(db, scratch)).applied).toEqual([MIGRATION]);
      // Organizations start without prefixes; the identity is now unique at the database level.
      expect(await db.query('SELECT * FROM "Gs1CompanyPrefix"')).toEqual([]);
      await expect(
        db.exec(`UPDATE "Passport" SET "serialNumber" = 'S-1' WHERE id = '00000000-0000-4000-8000-00000000000b'`),
      ).rejects.toThrow(/Passport_gtin_serialNumber_batchNumber_key/);
    } finally {
      await drop();
    }
  });
});
