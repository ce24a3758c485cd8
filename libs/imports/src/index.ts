export { ImportsModule } from './imports.module';
export { ImportService } from './import.service';
export { ImportProcessor, MAX_IMPORT_ATTEMPTS } from './import.processor';
export { importContentHash, type ImportedContent } from './import-content-hash';
export { fromExportLine, readImportRow } from './import-row';
export { ndjsonRows, type NdjsonRow } from './ndjson-rows';
export { csvColumns } from './workbook';
