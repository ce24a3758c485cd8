import { applyMigrations, MIGRATIONS_DIR } from '@registry/core';
import { emptyDatabase } from '../support/empty-database';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('migrations', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'migrations-'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('applies the project migrations once and records them like Prisma Migrate', async () => {
    const { db, drop } = await emptyDatabase();
    try {
      const first = await applyMigrations(db, MIGRATIONS_DIR);
      expect(first.applied.length).toBeGreaterThan(0);
      const second = await applyMigrations(db, MIGRATIONS_DIR);
      expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });
      const rows = await db.query<{ migration_name: string; checksum: string }>('SELECT migration_name, checksum FROM "_prisma_migrations"');
      expect(rows.map((r) => r.migration_name).sort()).toEqual(first.applied);
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
      const tables = await db.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'Passport'",
      );
      expect(tables).toHaveLength(1);
    } finally {
      await drop();
    }
  });

  it('rolls a failing migration back whole and applies nothing after it', async () => {
    const dir = join(scratch, 'migrations');
    mkdirSync(join(dir, '001_good'), { recursive: true });
    mkdirSync(join(dir, '002_bad'), { recursive: true });
    mkdirSync(join(dir, '003_later'), { recursive: true });
    writeFileSync(join(dir, '001_good', 'migration.sql'), 'CREATE TABLE good (id int);');
    // A function body with semicolons, then a statement that fails: nothing of this file may remain.
    writeFileSync(
      join(dir, '002_bad', 'migration.sql'),
      `CREATE TABLE half (id int);
       CREATE FUNCTION twice(x int) RETURNS int AS $$ BEGIN RETURN x * 2; END; $$ LANGUAGE plpgsql;
       SELECT * FROM no_such_table;`,
    );
    writeFileSync(join(dir, '003_later', 'migration.sql'), 'CREATE TABLE later (id int);');
    const { db, drop } = await emptyDatabase();
    try {
      await expect(applyMigrations(db, dir)).rejects.toThrow(/no_such_table/);
      const tables = await db.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('good', 'half', 'later')",
      );
      expect(tables.map((t) => t.table_name)).toEqual(['good']);
      const recorded = await db.query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations"');
      expect(recorded.map((r) => r.migration_name)).toEqual(['001_good']);
    } finally {
      await drop();
    }
  });

  it('refuses to continue when an applied migration was edited afterwards', async () => {
    const dir = join(scratch, 'migrations');
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const { db, drop } = await emptyDatabase();
    try {
      const { applied } = await applyMigrations(db, dir);
      writeFileSync(join(dir, applied[0], 'migration.sql'), '-- edited\nSELECT 1;');
      await expect(applyMigrations(db, dir)).rejects.toThrow(`Migration ${applied[0]} was changed after it was applied`);
    } finally {
      await drop();
    }
  });
});
