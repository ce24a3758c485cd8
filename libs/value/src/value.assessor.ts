import { Injectable } from '@nestjs/common';
import type { CompositionDocument, FlattenedComposition } from '@registry/composition';
import { RegistryError, type Violation } from '@registry/core';
import { assessCircularity } from './circularity/circularity.assessment';
import { assessReuseValue } from './reuse-value/reuse-value.assessment';
import { valueInputViolations } from './value-inputs.rules';
import type { ValueAssessment } from './value.types';

/**
 * Computes the figures stored with each passport revision: the Material Circularity Indicator and the economic reuse
 * value. Deterministic and without I/O: the same document and date always give the same figures.
 */
@Injectable()
export class ValueAssessor {
  /** Inconsistent value inputs of a schema-valid document (JSON pointers), to report with the other violations. */
  violations(document: CompositionDocument): Violation[] {
    return valueInputViolations(document);
  }

  /**
   * The figures of a schema-valid document and its flattened form, valued on `valuationDate`. Throws a BAD_USER_INPUT
   * RegistryError listing the violations when the value inputs are inconsistent.
   */
  assess(document: CompositionDocument, flattened: FlattenedComposition, valuationDate: Date): ValueAssessment {
    const violations = valueInputViolations(document);
    if (violations.length > 0) throw RegistryError.invalid('The value inputs of the composition are inconsistent', violations);
    return {
      circularity: assessCircularity(document, flattened),
      reuseValue: assessReuseValue(document, flattened, valuationDate),
    };
  }
}
