import { applyMigrations, MIGRATIONS_DIR } from '@registry/core';
import { emptyDatabase } from '../support/empty-database';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MIGRATION = readdirSync(MIGRATIONS_DIR).find((name) => name.endsWith('_gs1_company_prefixes_and_idempotency_keys'))!;

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
      await expect(db.exec(`UPDATE "Passport" SET "serialNumber" = 'S-1' WHERE id = '00000000-0000-4000-8000-00000000000b'`)).rejects.toThrow(
        /Passport_gtin_serialNumber_batchNumber_key/,
      );
    } finally {
      await drop();
    }
  });
});
