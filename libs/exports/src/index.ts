// Pure parts first (the CLI reads exports with them, without Nest), then the module.
export { csvField, csvRow, parseCsv, spreadsheetSafe, CsvReader, type CsvValue } from './csv';
export { MATERIAL_COLUMNS, type ExportedRevision, type ExportManifest, type ManifestLine, type PassportExportLine } from './export.types';
export { checkManifestSignature, manifestPayload, MANIFEST_SIGNATURE_TYPE } from './manifest';
export { verifyMaterialsExport, verifyPassportExport, type ExportProblem, type ExportVerification } from './verify-export';
export { buildCredential, gs1DigitalLink, CREDENTIAL_SIGNATURE_TYPE, UNTP_DPP_CONTEXT, VC_CONTEXT, type ProductPassportCredential } from './credential.builder';
export { ExportsModule } from './exports.module';
