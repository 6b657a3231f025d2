// The data page's words in English and Spanish (language from U1's i18n state).
import { localTranslator, currentLocale } from '../../lib/i18n/i18n.svelte';

const en = {
  title: 'Data',
  importTitle: 'Import a CSV file',
  importHelp:
    'Columns: sales date,sku,location,units[,revenue,price,promo,stockout] · products sku,name,category[,…] · inventory date,sku,location,on_hand[,on_order] · supply sku,location,lead_time_days[,…]. Dates YYYY-MM-DD; “;” and decimal commas are accepted. A file with any invalid row imports nothing.',
  kind: 'Kind of data',
  kind_sales: 'Sales',
  kind_products: 'Products',
  kind_inventory: 'Inventory',
  kind_supply: 'Supply',
  file: 'CSV file',
  createMissing: 'Create unknown products and locations',
  upload: 'Upload',
  uploading: 'Uploading…',
  chooseFile: 'Choose a CSV file first.',
  imported:
    '{file}: {imported} of {read} rows imported; {products} products and {locations} locations created.',
  rejected: 'Nothing was imported.',
  problems: 'Problems, row by row',
  problemsShown: 'Showing the first {shown} of {count} problems.',
  row: 'Row',
  rowHelp: 'line number in the file (the header is line 1)',
  column: 'Column',
  value: 'Value',
  message: 'Message',
  fix: 'Fix',
  wholeRow: '(whole row)',
  warnings: 'Warnings',
  browseTitle: 'Products and sales',
  product: 'Product',
  location: 'Location',
  allLocations: 'All locations',
  grain: 'Period',
  grain_day: 'Day',
  grain_week: 'Week',
  grain_month: 'Month',
  from: 'From',
  to: 'To',
  salesChart: 'Units of {product} by {grain} at {location}',
  totals: '{units} units, S/ {revenue} over {periods} periods',
  partialPeriod:
    'The period from {period} has only {days} days of data so far: it is counted in the totals but not drawn.',
  noSales: 'No sales for this selection.',
  loading: 'Loading…',
  units: 'Units',
  failed: '{message}',
  noProducts: 'No products yet: import a products or sales file first.',
} as const;

type Key = keyof typeof en;

const es: Record<Key, string> = {
  title: 'Datos',
  importTitle: 'Importar un archivo CSV',
  importHelp:
    'Columnas: ventas date,sku,location,units[,revenue,price,promo,stockout] · productos sku,name,category[,…] · inventario date,sku,location,on_hand[,on_order] · abastecimiento sku,location,lead_time_days[,…]. Fechas AAAA-MM-DD; se aceptan “;” y comas decimales. Un archivo con alguna fila inválida no importa nada.',
  kind: 'Tipo de datos',
  kind_sales: 'Ventas',
  kind_products: 'Productos',
  kind_inventory: 'Inventario',
  kind_supply: 'Abastecimiento',
  file: 'Archivo CSV',
  createMissing: 'Crear productos y ubicaciones desconocidos',
  upload: 'Subir',
  uploading: 'Subiendo…',
  chooseFile: 'Primero elige un archivo CSV.',
  imported:
    '{file}: {imported} de {read} filas importadas; {products} productos y {locations} ubicaciones creados.',
  rejected: 'No se importó nada.',
  problems: 'Problemas, fila por fila',
  problemsShown: 'Se muestran los primeros {shown} de {count} problemas.',
  row: 'Fila',
  rowHelp: 'número de línea en el archivo (la cabecera es la línea 1)',
  column: 'Columna',
  value: 'Valor',
  message: 'Mensaje',
  fix: 'Solución',
  wholeRow: '(toda la fila)',
  warnings: 'Avisos',
  browseTitle: 'Productos y ventas',
  product: 'Producto',
  location: 'Ubicación',
  allLocations: 'Todas las ubicaciones',
  grain: 'Periodo',
  grain_day: 'Día',
  grain_week: 'Semana',
  grain_month: 'Mes',
  from: 'Desde',
  to: 'Hasta',
  salesChart: 'Unidades de {product} por {grain} en {location}',
  totals: '{units} unidades, S/ {revenue} en {periods} periodos',
  partialPeriod:
    'El periodo desde {period} tiene solo {days} días de datos hasta ahora: cuenta en los totales, pero no se dibuja.',
  noSales: 'Sin ventas para esta selección.',
  loading: 'Cargando…',
  units: 'Unidades',
  failed: '{message}',
  noProducts: 'Aún no hay productos: importa primero un archivo de productos o de ventas.',
};

/** The current language's text for key, placeholders filled. */
export const t = localTranslator(en, es);

/** The locale for numbers and dates in the current language. */
export const locale = currentLocale;
