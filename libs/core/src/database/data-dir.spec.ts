import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataDir } from './database';

describe('DATA_DIR', () => {
  it('is created readable by its owner only (mode 0700), missing parents included', () => {
    const root = mkdtempSync(join(tmpdir(), 'data-dir-'));
    try {
      const dataDir = join(root, 'registry', 'data');
      createDataDir(dataDir);
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(statSync(join(root, 'registry')).mode & 0o777).toBe(0o700);
      // Again on an existing directory: no error.
      expect(() => createDataDir(dataDir)).not.toThrow();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
