// The slash commands the server understands (assistant/agent/slash-commands.ts: they run one tool
// without the model, so they work while Ollama is down), as hints while the user types "/".
import type { Language } from '../i18n/strings';

export interface SlashHint {
  command: string;
  usage: Record<Language, string>;
  description: Record<Language, string>;
  /** the tool it runs (offered only when the server has it); null for /help */
  tool: string | null;
}

export const slashHints: readonly SlashHint[] = [
  {
    command: '/forecast',
    usage: {
      en: '/forecast <product> [horizon] [day|week|month]',
      es: '/forecast <producto> [horizonte] [día|semana|mes]',
    },
    description: {
      en: 'demand forecast of a product (all locations)',
      es: 'pronóstico de demanda de un producto (todas las sedes)',
    },
    tool: 'forecast_demand',
  },
  {
    command: '/anomalies',
    usage: {
      en: '/anomalies [product, category or location]',
      es: '/anomalies [producto, categoría o sede]',
    },
    description: {
      en: 'anomalies of the last 90 days',
      es: 'anomalías de los últimos 90 días',
    },
    tool: 'detect_anomalies',
  },
  {
    command: '/inventory',
    usage: { en: '/inventory <product> [location]', es: '/inventory <producto> [sede]' },
    description: {
      en: 'inventory policy and order suggestion',
      es: 'política de inventario y pedido sugerido',
    },
    tool: 'optimize_inventory',
  },
  {
    command: '/inspect',
    usage: { en: '/inspect (with a photo attached)', es: '/inspect (con una foto adjunta)' },
    description: {
      en: 'packaging inspection of the photo',
      es: 'inspección del empaque en la foto',
    },
    tool: 'inspect_packaging',
  },
  {
    command: '/summary',
    usage: { en: '/summary [month YYYY-MM]', es: '/summary [mes AAAA-MM]' },
    description: { en: 'the monthly S&OP summary', es: 'el resumen S&OP del mes' },
    tool: 'sop_summary',
  },
  {
    command: '/help',
    usage: { en: '/help', es: '/help' },
    description: { en: 'list the commands', es: 'lista los comandos' },
    tool: null,
  },
];

/**
 * Hints for what is typed: none unless the text is a "/word" being typed (no space yet); those whose
 * command starts with it, limited to the tools the server has (all when `tools` is unknown).
 */
export function matchingHints(text: string, tools: ReadonlySet<string> | undefined): SlashHint[] {
  const match = /^\/([a-z]*)$/i.exec(text.trimStart());
  if (!match) return [];
  const typed = `/${(match[1] ?? '').toLowerCase()}`;
  return slashHints.filter(
    (hint) =>
      hint.command.startsWith(typed) &&
      (hint.tool === null || tools === undefined || tools.has(hint.tool)),
  );
}
