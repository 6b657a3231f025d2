// The reports page's words in English and Spanish (language from U1's i18n state); the nav link's
// label too, so the app's shared strings stay untouched.
import { currentLocale, localTranslator } from '../../lib/i18n/i18n.svelte';

const en = {
  nav: 'Reports',
  title: 'S&OP reports',
  generateTitle: 'Generate a report',
  month: 'Month',
  category: 'Category',
  location: 'Location',
  allCategories: 'All categories',
  allLocations: 'All locations',
  language: 'Language of the narrative',
  generate: 'Generate report',
  generating: 'Generating the report… (computing the facts, then the narrative)',
  generated: 'Report for {month} generated.',
  listTitle: 'Stored reports',
  loading: 'Loading the reports…',
  none: 'No reports stored yet: generate one above.',
  scope: 'Scope',
  narrative: 'Narrative',
  created: 'Created',
  open: 'Open',
  openLabel: 'Open the report of {month}, {scope}, created {created}',
  opening: 'Opening the report…',
  source_model: 'model',
  source_template: 'template',
  close: 'Close the report',
  download: 'Download',
  downloadMd: 'Markdown',
  downloadHtml: 'HTML',
  downloadPdf: 'PDF',
  downloadLabel: 'Download as {format}',
  downloading: 'Preparing {format}…',
  noPdf: 'PDF needs Chromium on the server; download the HTML and print it instead.',
  fallback: 'Template narrative used: {reason}',
  failed: 'Failed: {message}',
} as const;

type Key = keyof typeof en;

const es: Record<Key, string> = {
  nav: 'Reportes',
  title: 'Reportes S&OP',
  generateTitle: 'Generar un reporte',
  month: 'Mes',
  category: 'Categoría',
  location: 'Ubicación',
  allCategories: 'Todas las categorías',
  allLocations: 'Todas las ubicaciones',
  language: 'Idioma de la narrativa',
  generate: 'Generar reporte',
  generating: 'Generando el reporte… (calculando los hechos y luego la narrativa)',
  generated: 'Reporte de {month} generado.',
  listTitle: 'Reportes guardados',
  loading: 'Cargando los reportes…',
  none: 'Aún no hay reportes guardados: genere uno arriba.',
  scope: 'Alcance',
  narrative: 'Narrativa',
  created: 'Creado',
  open: 'Abrir',
  openLabel: 'Abrir el reporte de {month}, {scope}, creado el {created}',
  opening: 'Abriendo el reporte…',
  source_model: 'modelo',
  source_template: 'plantilla',
  close: 'Cerrar el reporte',
  download: 'Descargar',
  downloadMd: 'Markdown',
  downloadHtml: 'HTML',
  downloadPdf: 'PDF',
  downloadLabel: 'Descargar en {format}',
  downloading: 'Preparando {format}…',
  noPdf: 'El PDF requiere Chromium en el servidor; descargue el HTML e imprímalo.',
  fallback: 'Se usó la narrativa de plantilla: {reason}',
  failed: 'Error: {message}',
};

export const rt = localTranslator(en, es);

/** A timestamp as a short date and time in the current language. */
export function createdText(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(currentLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(time);
}
