// promptfoo's `{{var}}` templating in assertion values: `{{ message }}` and `{{ a.b }}` are
// replaced by the case's variables. promptfoo renders with Nunjucks; we implement only variable
// substitution (no filters, tags or expressions) and reject what we do not implement.

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;
const namePattern = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\.\d+)*$/;

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

function lookup(vars: Readonly<Record<string, unknown>>, path: string): unknown {
  let current: unknown = vars;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The text with every `{{ name }}` replaced; a TemplateError names an unknown or unsupported placeholder. */
export function renderTemplate(text: string, vars: Readonly<Record<string, unknown>>): string {
  return text.replace(placeholderPattern, (whole, expression: string) => {
    if (!namePattern.test(expression))
      throw new TemplateError(
        `${whole} is not a variable reference; only {{ name }} and {{ name.field }} are supported (no filters or expressions)`,
      );
    const value = lookup(vars, expression);
    if (value === undefined) {
      const known = Object.keys(vars).join(', ') || '(none)';
      throw new TemplateError(`${whole} names no variable of this test; its vars are: ${known}`);
    }
    return asText(value);
  });
}

/** Renders every string inside a value (strings in arrays and objects too). */
export function renderValue(value: unknown, vars: Readonly<Record<string, unknown>>): unknown {
  if (typeof value === 'string') return renderTemplate(value, vars);
  if (Array.isArray(value)) return value.map((item) => renderValue(item, vars));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, renderValue(item, vars)]),
    );
  return value;
}
