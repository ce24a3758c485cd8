import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Violation } from '@registry/core';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { documentLimitViolations } from './composition-limits';
import { chemistryRuleViolations } from './chemistry-rules';
import { compositionRuleViolations } from './composition-rules';
import type { ClusterCode, CompositionDocument } from './composition.types';
import { sortByDocumentOrder } from './json-pointer';
import { schemaViolations } from './schema-violations';

/** Optional injection token: the folder holding composition.v1.schema.json (else env SCHEMAS_DIR, else found upwards). */
export const COMPOSITION_SCHEMAS_DIR = 'COMPOSITION_SCHEMAS_DIR';

const COMPOSITION_SCHEMA = 'composition.v1.schema.json';
const CLUSTER_SCHEMAS: Record<ClusterCode, string> = {
  WIND_PARK: 'clusters/wind-park.v1.schema.json',
  SOLAR_PV: 'clusters/solar-pv.v1.schema.json',
  BATTERY: 'clusters/battery.v1.schema.json',
  HEAT_AS_A_SERVICE: 'clusters/heat-as-a-service.v1.schema.json',
  HIGH_TECH_EQUIPMENT: 'clusters/high-tech-equipment.v1.schema.json',
};
/** Cluster schemas of documents of schemaVersion 1.2 (older documents keep the one they were registered against). */
const CLUSTER_SCHEMAS_1_2: Partial<Record<ClusterCode, string>> = {
  BATTERY: 'clusters/battery.v2.schema.json',
};
/** Schemas the others refer to by $ref. */
const SHARED_SCHEMAS = ['common/permanent-magnet.v1.schema.json'];

/** Validates composition documents against schemas/ (compiled once, here) and the semantic rules. */
@Injectable()
export class CompositionValidator {
  private readonly validateDocument: ValidateFunction;
  private readonly clusterValidators = new Map<string, ValidateFunction>();
  private readonly clusterValidators1_2 = new Map<string, ValidateFunction>();

  constructor(@Optional() @Inject(COMPOSITION_SCHEMAS_DIR) schemasDir?: string) {
    const dir = schemasDir ?? (process.env.SCHEMAS_DIR || findSchemasDir());
    if (!existsSync(join(dir, COMPOSITION_SCHEMA))) throw new Error(`No ${COMPOSITION_SCHEMA} in the schemas folder ${dir}`);
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    const read = (file: string): object => JSON.parse(readFileSync(join(dir, file), 'utf8')) as object;

    for (const file of SHARED_SCHEMAS) ajv.addSchema(read(file));
    this.validateDocument = ajv.compile(read(COMPOSITION_SCHEMA));
    for (const [cluster, file] of Object.entries(CLUSTER_SCHEMAS)) {
      this.clusterValidators.set(cluster, ajv.compile(read(file)));
    }
    for (const [cluster, file] of Object.entries(CLUSTER_SCHEMAS_1_2)) {
      this.clusterValidators1_2.set(cluster, ajv.compile(read(file)));
    }
  }

  /**
   * Every violation of the document, in document order: the schema's (the document's, then its clusterData's against
   * the cluster's schema, battery.v2 for a 1.2 battery document), the rules' that are safe on a partly invalid document and, once the shape is valid, the
   * mass rules'. A document over a size limit (composition-limits.ts) gets only those violations: it is refused before
   * the schema runs. An empty list means the document is valid. Throws for an unknown cluster, a programming error.
   */
  validate(document: unknown, cluster: string): Violation[] {
    let validateCluster = this.clusterValidators.get(cluster);
    if (validateCluster === undefined) throw new Error(`Unknown cluster "${cluster}"`);
    if (isObject(document) && document.schemaVersion === '1.2') validateCluster = this.clusterValidators1_2.get(cluster) ?? validateCluster;
    const overLimits = documentLimitViolations(document);
    if (overLimits.length > 0) return overLimits;

    const violations: Violation[] = [];
    if (!this.validateDocument(document)) {
      violations.push(...schemaViolations(document, this.validateDocument.errors ?? [], ''));
    }
    const clusterData = isObject(document) ? document.clusterData : undefined;
    if (isObject(clusterData) && !validateCluster(clusterData)) {
      violations.push(...schemaViolations(clusterData, validateCluster.errors ?? [], '/clusterData'));
    }
    const schemaValid = violations.length === 0;
    violations.push(...compositionRuleViolations(document, schemaValid));
    // The chemistry checks read formulas and fractions of well-formed materials only.
    if (schemaValid) violations.push(...chemistryRuleViolations(document as CompositionDocument));
    return sortByDocumentOrder(document, violations);
  }
}

/** The nearest schemas/ folder upwards: the code runs from libs/composition/src and from dist/libs/composition/src. */
function findSchemasDir(): string {
  // Jest runs the sources as ES modules, where __dirname does not exist.
  const start = typeof __dirname === 'undefined' ? process.cwd() : __dirname;
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'schemas', COMPOSITION_SCHEMA))) return join(dir, 'schemas');
    if (dirname(dir) === dir) throw new Error(`No schemas/${COMPOSITION_SCHEMA} found above ${start}; set SCHEMAS_DIR`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
