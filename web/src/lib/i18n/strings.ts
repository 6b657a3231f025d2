// The interface's words in Spanish and English. English is the reference: every key of `en` must
// exist in `es` (the type enforces it). {name} placeholders are filled by translate().
export type Language = 'es' | 'en';
export const languages: readonly Language[] = ['es', 'en'];

export const en = {
  appName: 'Ayni',
  tagline: 'S&OP planning assistant',
  navChat: 'Chat',
  navData: 'Data',
  mainNav: 'Main',
  language: 'Language',
  languageName: 'English',
  message: 'Message',
  messagePlaceholder: 'Ask about sales, forecasts, anomalies… or type / for commands',
  /** the placeholder on a phone, where the long one is cut off */
  messagePlaceholderShort: 'Ask, or type / for commands',
  send: 'Send',
  stop: 'Stop',
  attachImage: 'Attach image',
  removeImage: 'Remove image {name}',
  dropImages: 'Drop images to attach them',
  imageTooLarge: '{name} is larger than 20 MB',
  imageWrongType: '{name} is not an image',
  tooManyImages: 'At most {count} images a message',
  regenerate: 'Regenerate',
  editLast: 'Edit and resend',
  copy: 'Copy',
  copied: 'Copied',
  you: 'You',
  assistant: 'Ayni',
  thinking: 'Reasoning',
  waiting: 'Waiting for the model…',
  stopped: 'Stopped',
  stepLimit: 'Stopped at the step limit: the answer may be incomplete',
  failed: 'The run failed',
  errorTitle: 'Error',
  slashStillWork:
    'Slash commands still work without the model: type / to see them (e.g. /forecast GRA-005).',
  commands: 'Commands',
  emptyChat: 'Ask a question about your sales, forecasts, anomalies or inventory.',
  toolRunning: 'running',
  toolOk: 'ok',
  toolError: 'error',
  toolArguments: 'Arguments',
  toolResult: 'Result',
  toolCandidates: 'Did you mean:',
  toolCutOff: 'cut off when the run ended',
  ungroundedTitle: 'not found in the tool results',
  ungroundedNote: 'Marked figures were not found in the tool results: check them.',
  sources: 'Sources',
  lines: 'lines {start}–{end}',
  warnings: 'Notices',
  details: 'Details',
  model: 'Model',
  noModel: 'none (slash command)',
  tokensPerSecond: 'tokens/s',
  timeToFirstToken: 'Time to first token',
  duration: 'Duration',
  tokens: 'Tokens (in/out)',
  toolsUsed: 'Tools used',
  none: 'none',
  connecting: 'Connecting to the server…',
  disconnected: 'Connection lost: reconnecting…',
  connectionLost: 'The connection to the server was lost during the answer.',
  notConnected: 'Not connected to the server yet: try again in a moment.',
  tokenPrompt: 'This server needs an API token (AYNI_API_TOKEN). Enter it:',
  loadFailed: 'Could not load the conversation: {reason}',
  replaceFailed: 'Could not replace the last message: {reason}',
  photoNumber: 'Photo {n}',
  conversations: 'Conversations',
  status: 'Status',
  skipToContent: 'Skip to content',
  json: 'JSON',
  expand: 'Show',
  collapse: 'Hide',
} as const;

export type StringKey = keyof typeof en;

export const es: Record<StringKey, string> = {
  appName: 'Ayni',
  tagline: 'Asistente de planificación S&OP',
  navChat: 'Chat',
  navData: 'Datos',
  mainNav: 'Principal',
  language: 'Idioma',
  languageName: 'Español',
  message: 'Mensaje',
  messagePlaceholder: 'Pregunta por ventas, pronósticos, anomalías… o escribe / para comandos',
  messagePlaceholderShort: 'Pregunta o escribe / para comandos',
  send: 'Enviar',
  stop: 'Detener',
  attachImage: 'Adjuntar imagen',
  removeImage: 'Quitar imagen {name}',
  dropImages: 'Suelta las imágenes para adjuntarlas',
  imageTooLarge: '{name} pesa más de 20 MB',
  imageWrongType: '{name} no es una imagen',
  tooManyImages: 'Como máximo {count} imágenes por mensaje',
  regenerate: 'Regenerar',
  editLast: 'Editar y reenviar',
  copy: 'Copiar',
  copied: 'Copiado',
  you: 'Tú',
  assistant: 'Ayni',
  thinking: 'Razonamiento',
  waiting: 'Esperando al modelo…',
  stopped: 'Detenido',
  stepLimit: 'Detenido en el límite de pasos: la respuesta puede estar incompleta',
  failed: 'La ejecución falló',
  errorTitle: 'Error',
  slashStillWork:
    'Los comandos con / funcionan sin el modelo: escribe / para verlos (p. ej. /forecast GRA-005).',
  commands: 'Comandos',
  emptyChat: 'Haz una pregunta sobre tus ventas, pronósticos, anomalías o inventario.',
  toolRunning: 'en curso',
  toolOk: 'ok',
  toolError: 'error',
  toolArguments: 'Argumentos',
  toolResult: 'Resultado',
  toolCandidates: '¿Quisiste decir?:',
  toolCutOff: 'interrumpida al terminar la ejecución',
  ungroundedTitle: 'no está en los resultados de las herramientas',
  ungroundedNote:
    'Las cifras marcadas no están en los resultados de las herramientas: verifícalas.',
  sources: 'Fuentes',
  lines: 'líneas {start}–{end}',
  warnings: 'Avisos',
  details: 'Detalles',
  model: 'Modelo',
  noModel: 'ninguno (comando /)',
  tokensPerSecond: 'tokens/s',
  timeToFirstToken: 'Tiempo al primer token',
  duration: 'Duración',
  tokens: 'Tokens (entrada/salida)',
  toolsUsed: 'Herramientas usadas',
  none: 'ninguna',
  connecting: 'Conectando con el servidor…',
  disconnected: 'Se perdió la conexión: reconectando…',
  connectionLost: 'Se perdió la conexión con el servidor durante la respuesta.',
  notConnected: 'Aún no hay conexión con el servidor: inténtalo en un momento.',
  tokenPrompt: 'Este servidor pide un token de API (AYNI_API_TOKEN). Ingrésalo:',
  loadFailed: 'No se pudo cargar la conversación: {reason}',
  replaceFailed: 'No se pudo reemplazar el último mensaje: {reason}',
  photoNumber: 'Foto {n}',
  conversations: 'Conversaciones',
  status: 'Estado',
  skipToContent: 'Saltar al contenido',
  json: 'JSON',
  expand: 'Mostrar',
  collapse: 'Ocultar',
};

export const dictionaries: Record<Language, Record<StringKey, string>> = { en, es };

/** The string for `key` in `language`, with {name} placeholders replaced. */
export function translate(
  language: Language,
  key: StringKey,
  params: Record<string, string | number> = {},
): string {
  return fillTemplate(dictionaries[language][key], params);
}

/** `template` with its {name} placeholders replaced (unknown names left as they are). */
export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The locale for numbers and dates in a language. */
export function localeOf(language: Language): string {
  return language === 'es' ? 'es-PE' : 'en-US';
}

/** The stored choice if valid, else the first browser language we speak, else Spanish. */
export function pickLanguage(
  stored: string | null | undefined,
  browserLanguages: readonly string[],
): Language {
  if (stored === 'es' || stored === 'en') return stored;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'es' || primary === 'en') return primary;
  }
  return 'es';
}
