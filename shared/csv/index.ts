// Backstride's CSV: the format and import types, the exporter and the importer (one module each).
export * from './types';
export * from './export';
export * from './import';
