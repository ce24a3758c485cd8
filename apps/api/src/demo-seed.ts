import { type INestApplication, Logger } from '@nestjs/common';
import { ApiKeyService, PLATFORM_ADMIN, type Principal } from '@registry/auth';
import { PrismaService, repositoryRoot } from '@registry/core';
import { LifecycleService } from '@registry/lifecycle';
import { OrganizationService } from '@registry/organizations';
import { PassportService, type RegisterPassport } from '@registry/passports';
import type { ApiKeyRole, LifecycleEventType, OrganizationKind } from '@registry/prisma-client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface DemoSeed {
  organizations: { name: string; kind: OrganizationKind; role: ApiKeyRole; corop: string; sbiCode: string; gs1CompanyPrefixes?: string[] }[];
  /** `compositionFile` is relative to prisma/seed: the demo shows the same example products the tests validate. */
  passports: (Omit<RegisterPassport, 'composition'> & { compositionFile: string })[];
  /** Recorded by the service provider on the passport with that serial number, so that installed regions show. */
  lifecycleEvents: { serialNumber: string; type: LifecycleEventType; occurredAt: string; corop?: string; note?: string }[];
}

/**
 * On a new embedded database, creates one organization of each kind with a key (printed once) and a few
 * passports per cluster from prisma/seed/ (with carbon footprints, a substance of concern and the battery's Annex XIII
 * data) and a few installations by the service provider, so that a newcomer can try queries at once.
 */
export async function seedDemoIfEmpty(app: INestApplication): Promise<void> {
  const prisma = app.get(PrismaService);
  if ((await prisma.organization.count()) > 0) return;
  const logger = new Logger('DemoSeed');
  const seedDir = join(repositoryRoot(), 'prisma', 'seed');
  const seed = JSON.parse(readFileSync(join(seedDir, 'demo.json'), 'utf8')) as DemoSeed;
  const organizations = app.get(OrganizationService);
  const apiKeys = app.get(ApiKeyService);
  const passports = app.get(PassportService);
  const lifecycle = app.get(LifecycleService, { strict: false });

  const lines: string[] = [];
  let manufacturer: Principal | null = null;
  let serviceProvider: Principal | null = null;
  for (const org of seed.organizations) {
    const created = await organizations.create(PLATFORM_ADMIN, org);
    const { secret, apiKey } = await apiKeys.create(PLATFORM_ADMIN, { organizationId: created.id, role: org.role, label: 'demo' });
    lines.push(`  ${org.kind.padEnd(16)} ${org.name.padEnd(28)} Authorization: Bearer ${secret}`);
    if (org.kind === 'MANUFACTURER' && !manufacturer) {
      manufacturer = { apiKeyId: apiKey.id, organizationId: created.id, organizationKind: 'MANUFACTURER', role: 'MANUFACTURER', platformAdmin: false };
    }
    if (org.kind === 'SERVICE_PROVIDER' && !serviceProvider) {
      serviceProvider = { apiKeyId: apiKey.id, organizationId: created.id, organizationKind: org.kind, role: org.role, platformAdmin: false };
    }
  }
  const bySerialNumber = new Map<string, string>();
  for (const { compositionFile, ...passport } of seed.passports) {
    const fixture = JSON.parse(readFileSync(join(seedDir, compositionFile), 'utf8')) as { document: Record<string, unknown> };
    const composition = fixture.document;
    const registered = await passports.register(manufacturer!, { ...passport, composition });
    if (passport.serialNumber) bySerialNumber.set(passport.serialNumber, registered.id);
  }
  for (const { serialNumber, occurredAt, ...event } of seed.lifecycleEvents) {
    await lifecycle.record(serviceProvider!, { ...event, passportId: bySerialNumber.get(serialNumber)!, occurredAt: new Date(occurredAt) });
  }
  logger.log(
    `Seeded a demo with ${seed.passports.length} passports and ${seed.lifecycleEvents.length} installations. These keys are shown once; keep them:\n${lines.join('\n')}\n` +
      '  Reset the demo by stopping the API and deleting the data folder.',
  );
}
