// The status banner's words in English and Spanish (language from U1's i18n state).
import { localTranslator } from '../../lib/i18n/i18n.svelte';

const en = {
  title: 'Assistant status',
  store: 'The data store is failing: {detail}',
  unreachable:
    'Ollama is not reachable at {host}. Install it from ollama.com and run “ollama serve”.',
  missing: 'The {role} model {model} is not pulled. Run:',
  incapable: 'The {role} model {model} cannot do its job: {detail}',
  lexical: 'Knowledge search is lexical only (no embedding model): {detail}',
  absent: 'Knowledge search is unavailable: {detail}',
  server: 'The Ayni server cannot be reached ({detail}). Retrying every 30 s.',
  slashStillWork: 'Slash commands still work without the model: type / in the message box.',
  copy: 'Copy command',
  copied: 'Copied',
  checkAgain: 'Check again',
  role_chat: 'chat',
  role_vision: 'vision',
  role_embed: 'embedding',
} as const;

type Key = keyof typeof en;

const es: Record<Key, string> = {
  title: 'Estado del asistente',
  store: 'El almacén de datos falla: {detail}',
  unreachable: 'Ollama no responde en {host}. Instálalo desde ollama.com y ejecuta «ollama serve».',
  missing: 'El modelo de {role} {model} no está descargado. Ejecuta:',
  incapable: 'El modelo de {role} {model} no sirve para su tarea: {detail}',
  lexical:
    'La búsqueda en la base de conocimiento es solo léxica (sin modelo de embeddings): {detail}',
  absent: 'La búsqueda en la base de conocimiento no está disponible: {detail}',
  server: 'No se puede conectar con el servidor de Ayni ({detail}). Se reintenta cada 30 s.',
  slashStillWork: 'Los comandos con / siguen funcionando sin el modelo: escribe / en el mensaje.',
  copy: 'Copiar comando',
  copied: 'Copiado',
  checkAgain: 'Comprobar de nuevo',
  role_chat: 'chat',
  role_vision: 'visión',
  role_embed: 'embeddings',
};

/** The current language's text for key, placeholders filled. */
export const t = localTranslator(en, es);

/** The role's name in the current language (the role key itself when unknown). */
export function roleName(role: string): string {
  return role === 'chat' || role === 'vision' || role === 'embed' ? t(`role_${role}`) : role;
}
