export const EXPORT_FORMATS = ['md', 'html', 'csv', 'xlsx', 'json', 'yaml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
