// Slash commands run one tool without the model (issue 7), so the assistant answers with the
// same cards while Ollama is down or a model is missing. Parsing only: the agent runs the call.
import type { ToolContext } from '../../tools/index';

export interface SlashCommandHelp {
  usage: string;
  description: string;
  /** the tool it runs; the command is offered only when that tool is registered */
  tool: string | null;
}

export const slashCommands: readonly SlashCommandHelp[] = [
  {
    usage: '/forecast <product> [horizon] [day|week|month]',
    description: 'demand forecast of a product (all locations)',
    tool: 'forecast_demand',
  },
  {
    usage: '/anomalies [product, category or location]',
    description: 'anomalies of the last 90 days',
    tool: 'detect_anomalies',
  },
  {
    usage: '/inventory <product> [location]',
    description: 'inventory policy and order suggestion',
    tool: 'optimize_inventory',
  },
  {
    usage: '/inspect [product] (with a photo attached)',
    description: 'packaging inspection of the attached photos',
    tool: 'inspect_packaging',
  },
  {
    usage: '/summary [YYYY-MM] [category or location]',
    description: 'the monthly S&OP summary (default: last closed month)',
    tool: 'sop_summary',
  },
  { usage: '/help', description: 'this list', tool: null },
];

export type SlashCommand =
  | { kind: 'help' }
  | { kind: 'tool'; command: string; tool: string; input: Record<string, unknown> }
  | { kind: 'unavailable'; command: string; tool: string }
  | { kind: 'invalid'; command: string; message: string };

const grainWords: Record<string, 'day' | 'week' | 'month'> = {
  day: 'day',
  days: 'day',
  dia: 'day',
  dias: 'day',
  día: 'day',
  días: 'day',
  diario: 'day',
  week: 'week',
  weeks: 'week',
  semana: 'week',
  semanas: 'week',
  semanal: 'week',
  month: 'month',
  months: 'month',
  mes: 'month',
  meses: 'month',
  mensual: 'month',
};

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

function forecastInput(argument: string): Record<string, unknown> | string {
  const words = argument.split(/\s+/).filter(Boolean);
  let grain: string | undefined;
  let horizon: number | undefined;
  const last = words.at(-1);
  if (last !== undefined && grainWords[fold(last)]) {
    grain = grainWords[fold(last)];
    words.pop();
  }
  const number = words.at(-1);
  // A trailing whole number is the horizon unless it is part of the name ("500 g" keeps its unit).
  if (number !== undefined && /^\d+$/.test(number) && words.length > 1) {
    horizon = Number(number);
    words.pop();
  }
  if (words.length === 0)
    return 'give a product: /forecast <product> [horizon] [day|week|month], e.g. /forecast GRA-005 12 week';
  return {
    product: words.join(' '),
    ...(horizon === undefined ? {} : { horizon }),
    ...(grain ? { grain } : {}),
  };
}

/** detect_anomalies scope: a location or region, a category, else a product. */
function anomalyScope(argument: string, context: ToolContext): Record<string, unknown> {
  const wanted = fold(argument);
  if (wanted === '') return {};
  const locations = context.catalog.locations();
  if (
    locations.some((location) =>
      [location.code, location.name, location.region].some((name) => fold(name) === wanted),
    )
  )
    return { location: argument };
  if (context.catalog.products().some((product) => fold(product.category) === wanted))
    return { category: argument };
  return { product: argument };
}

/**
 * optimize_inventory { product, location? }: the longest run of trailing words (up to four) that
 * names a location code, name or region is the location; the words before it the product.
 */
function inventoryInput(argument: string, context: ToolContext): Record<string, unknown> | string {
  const words = argument.split(/\s+/).filter(Boolean);
  const names = new Set(
    context.catalog
      .locations()
      .flatMap((location) => [location.code, location.name, location.region])
      .map(fold),
  );
  for (let size = Math.min(4, words.length - 1); size >= 1; size -= 1) {
    const location = words.slice(-size).join(' ');
    if (names.has(fold(location))) {
      return { product: words.slice(0, -size).join(' '), location };
    }
  }
  if (words.length === 0)
    return 'give a product: /inventory <product> [location], e.g. /inventory GRA-005 Arequipa';
  return { product: words.join(' ') };
}

/** sop_summary { month?, category? | location? }: a leading YYYY-MM is the month. */
function summaryInput(argument: string, context: ToolContext): Record<string, unknown> {
  const words = argument.split(/\s+/).filter(Boolean);
  const month =
    words[0] !== undefined && /^\d{4}-\d{2}$/.test(words[0]) ? words.shift() : undefined;
  const scope = words.length === 0 ? {} : anomalyScope(words.join(' '), context);
  // sop_summary has no product scope: a name that is not a category is taken as a location.
  const { product, ...rest } = scope as { product?: string };
  return {
    ...(month === undefined ? {} : { month }),
    ...rest,
    ...(product === undefined ? {} : { location: product }),
  };
}

/** Parses "/name args"; undefined when the message is not a slash command. */
export function parseSlashCommand(
  message: string,
  registered: ReadonlySet<string>,
  context: ToolContext,
): SlashCommand | undefined {
  const match = /^\/([a-z]+)\b\s*([\s\S]*)$/i.exec(message.trim());
  if (!match) return undefined;
  const command = `/${(match[1] as string).toLowerCase()}`;
  const argument = (match[2] as string).trim();
  const help = slashCommands.find((entry) => entry.usage.split(' ')[0] === command);
  if (!help)
    return {
      kind: 'invalid',
      command,
      message: `unknown command ${command}; type /help for the list`,
    };
  if (help.tool === null) return { kind: 'help' };
  if (!registered.has(help.tool)) return { kind: 'unavailable', command, tool: help.tool };
  switch (command) {
    case '/forecast': {
      const input = forecastInput(argument);
      return typeof input === 'string'
        ? { kind: 'invalid', command, message: input }
        : { kind: 'tool', command, tool: help.tool, input };
    }
    case '/anomalies':
      return { kind: 'tool', command, tool: help.tool, input: anomalyScope(argument, context) };
    case '/inventory': {
      const input = inventoryInput(argument, context);
      return typeof input === 'string'
        ? { kind: 'invalid', command, message: input }
        : { kind: 'tool', command, tool: help.tool, input };
    }
    case '/inspect':
      if ((context.attachments ?? []).length === 0)
        return {
          kind: 'invalid',
          command,
          message: 'attach a photo of the pack, then send /inspect [product]',
        };
      return {
        kind: 'tool',
        command,
        tool: help.tool,
        input: argument === '' ? {} : { sku: argument },
      };
    case '/summary':
      return { kind: 'tool', command, tool: help.tool, input: summaryInput(argument, context) };
    default:
      return { kind: 'unavailable', command, tool: help.tool };
  }
}

/** The /help text, listing which commands work in this installation. */
export function helpText(registered: ReadonlySet<string>): string {
  const lines = slashCommands.map((entry) => {
    const available = entry.tool === null || registered.has(entry.tool);
    return `- \`${entry.usage}\`: ${entry.description}${available ? '' : ' (not available in this version)'}`;
  });
  return `Commands that work without the language model:\n${lines.join('\n')}`;
}
