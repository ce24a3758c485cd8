import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/auth';
import { auditActorOf, isUuid, RegistryError, type Violation } from '@registry/core';
import type { LifecycleEvent, Passport } from '@registry/prisma-client';
import type { RecordLifecycleEventInput } from './dto/record-lifecycle-event.input';
import { LifecycleRepository, type NewLifecycleEvent } from './lifecycle.repository';

/** COROP regions of CBS: CR01 to CR40. */
export const COROP = /^CR(0[1-9]|[1-3][0-9]|40)$/;
const MAX_COMPONENT_KEYS = 100;
const MAX_TEXT = 2000;
/** Clocks differ: an event may be stated up to five minutes ahead of the registry's. */
const CLOCK_SKEW_MS = 5 * 60_000;

@Injectable()
export class LifecycleService {
  constructor(private readonly lifecycle: LifecycleRepository) {}

  /**
   * Records an event in a product's life: by its owner, the organization responsible for it, or any SERVICE_PROVIDER
   * or RECYCLER key (ESPR Art. 11: repairers', refurbishers' and recyclers' access). RECYCLED ends the product's life.
   */
  async record(caller: Principal, input: RecordLifecycleEventInput): Promise<{ event: LifecycleEvent; passport: Passport }> {
    const violations = this.checkInput(input);
    if (violations.length > 0) throw RegistryError.invalid('The lifecycle event was not recorded: the input is invalid', violations);
    const passport = await this.visiblePassport(caller, input.passportId);
    if (!this.mayRecord(caller, passport)) {
      throw RegistryError.forbidden(
        `Lifecycle events of passport ${passport.id} are recorded by its owner, the organization responsible for it, or SERVICE_PROVIDER and RECYCLER keys`,
        { requiredRoles: ['SERVICE_PROVIDER', 'RECYCLER'] },
      );
    }
    const componentKeys = [...new Set(input.componentKeys ?? [])];
    const known = await this.lifecycle.existingComponentKeys(passport.id, componentKeys);
    const unknown = componentKeys.map((key, index) => ({ key, index })).filter(({ key }) => !known.has(key));
    if (unknown.length > 0) {
      throw RegistryError.invalid(
        'The lifecycle event was not recorded: the input is invalid',
        unknown.map(({ key, index }) => ({
          path: `componentKeys/${index}`,
          message: `passport ${passport.id} has no component "${key}"`,
          keyword: 'component',
        })),
      );
    }
    return this.append(passport, {
      passportId: passport.id,
      type: input.type,
      occurredAt: input.occurredAt,
      corop: input.corop ?? null,
      componentKeys,
      note: input.note ?? null,
      evidenceUrl: input.evidenceUrl ?? null,
      fromOrganizationId: null,
      toOrganizationId: null,
      actorKeyId: caller.apiKeyId,
      actor: auditActorOf(caller),
    });
  }

  /**
   * Hands the product over to another economic operator (battery regulation Art. 77): by its owner or the
   * organization responsible now. Both parties are recorded in a RESPONSIBILITY_TRANSFERRED event.
   */
  async transferResponsibility(caller: Principal, passportId: string, toOrganizationId: string): Promise<{ event: LifecycleEvent; passport: Passport }> {
    if (!isUuid(toOrganizationId)) throw RegistryError.invalidField('toOrganizationId', 'is not an organization id', 'uuid');
    const passport = await this.visiblePassport(caller, passportId);
    const responsible = passport.responsibleOrganizationId ?? passport.manufacturerId;
    if (!caller.platformAdmin && caller.organizationId !== responsible && caller.organizationId !== passport.manufacturerId) {
      throw RegistryError.forbidden(`Only the owner of passport ${passport.id} or the organization responsible for it can transfer the responsibility`, {
        requiredTier: 'OWNER',
      });
    }
    if (!(await this.lifecycle.organizationExists(toOrganizationId))) throw RegistryError.notFound('Organization', toOrganizationId);
    if (toOrganizationId === responsible) {
      throw RegistryError.invalidField('toOrganizationId', 'is the organization responsible for the product already', 'different');
    }
    return this.append(passport, {
      passportId: passport.id,
      type: 'RESPONSIBILITY_TRANSFERRED',
      occurredAt: new Date(),
      corop: null,
      componentKeys: [],
      note: null,
      evidenceUrl: null,
      fromOrganizationId: responsible,
      toOrganizationId,
      actorKeyId: caller.apiKeyId,
      actor: auditActorOf(caller),
    });
  }

  private async append(passport: Passport, event: NewLifecycleEvent): Promise<{ event: LifecycleEvent; passport: Passport }> {
    this.assertOpen(passport);
    const written = await this.lifecycle.append(event);
    if (written) return written;
    // It ended (or went back to a draft, which cannot happen today) between our read and our write.
    this.assertOpen((await this.lifecycle.findPassport(passport.id)) ?? passport);
    throw RegistryError.conflict(`Passport ${passport.id} changed meanwhile: try again`, {});
  }

  private assertOpen(passport: Passport): void {
    if (passport.status === 'DRAFT') {
      throw RegistryError.conflict(`Passport ${passport.id} is a DRAFT: publish it before recording its life`, { status: passport.status });
    }
    if (passport.endedAt) {
      throw RegistryError.conflict(`Passport ${passport.id} has ended: the product was recycled on ${passport.endedAt.toISOString()}`, {
        endedAt: passport.endedAt.toISOString(),
      });
    }
  }

  /** Drafts are their owner's: for anyone else they do not exist. */
  private async visiblePassport(caller: Principal, id: string): Promise<Passport> {
    const passport = isUuid(id) ? await this.lifecycle.findPassport(id) : null;
    if (!passport || (passport.status === 'DRAFT' && !caller.platformAdmin && caller.organizationId !== passport.manufacturerId)) {
      throw RegistryError.notFound('Passport', id);
    }
    return passport;
  }

  private mayRecord(caller: Principal, passport: Passport): boolean {
    if (caller.platformAdmin) return true;
    if (caller.organizationId && (caller.organizationId === passport.manufacturerId || caller.organizationId === passport.responsibleOrganizationId))
      return true;
    return caller.role === 'SERVICE_PROVIDER' || caller.role === 'RECYCLER';
  }

  private checkInput(input: RecordLifecycleEventInput): Violation[] {
    const violations: Violation[] = [];
    if (input.type === 'RESPONSIBILITY_TRANSFERRED') {
      violations.push({ path: 'type', message: 'is written by transferResponsibility, not recorded', keyword: 'enum' });
    }
    if (!(input.occurredAt instanceof Date) || Number.isNaN(input.occurredAt.getTime())) {
      violations.push({ path: 'occurredAt', message: 'must be a date and time', keyword: 'format' });
    } else if (input.occurredAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      violations.push({ path: 'occurredAt', message: 'must not be in the future', keyword: 'maximum' });
    }
    if (input.corop != null && !COROP.test(input.corop))
      violations.push({ path: 'corop', message: 'must be a COROP region code, CR01 to CR40', keyword: 'pattern' });
    if (input.type === 'INSTALLED' && input.corop == null) {
      violations.push({ path: 'corop', message: 'is required for INSTALLED: it is where the product is', keyword: 'required' });
    }
    if ((input.componentKeys?.length ?? 0) > MAX_COMPONENT_KEYS) {
      violations.push({ path: 'componentKeys', message: `must list at most ${MAX_COMPONENT_KEYS} components`, keyword: 'maxItems' });
    }
    if (input.note != null && input.note.length > MAX_TEXT)
      violations.push({ path: 'note', message: `must be at most ${MAX_TEXT} characters`, keyword: 'maxLength' });
    if (input.evidenceUrl != null && !isHttpUrl(input.evidenceUrl)) {
      violations.push({ path: 'evidenceUrl', message: `must be an http or https URL of at most ${MAX_TEXT} characters`, keyword: 'format' });
    }
    return violations;
  }
}

function isHttpUrl(value: string): boolean {
  if (value.length > MAX_TEXT) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
