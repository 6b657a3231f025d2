// The conversations sidebar's words in English and Spanish (language from U1's i18n state).
import { localTranslator } from '../../lib/i18n/i18n.svelte';

const en = {
  conversations: 'Conversations',
  newConversation: 'New conversation',
  search: 'Search conversations',
  searchPlaceholder: 'Search titles and messages',
  searchingMessages: 'Searching messages…',
  noMatch: 'No conversation matches “{query}”.',
  empty: 'No conversations yet.',
  loadFailed: 'Could not load the conversations: {message}',
  retry: 'Retry',
  today: 'Today',
  yesterday: 'Yesterday',
  week: 'Last 7 days',
  older: 'Older',
  actionsFor: 'Actions for “{title}”',
  rename: 'Rename',
  newTitle: 'New title',
  save: 'Save',
  cancel: 'Cancel',
  exportMarkdown: 'Export as Markdown',
  exportJson: 'Export as JSON',
  delete: 'Delete',
  confirmDelete: 'Delete “{title}” and all its messages?',
  confirm: 'Delete',
  messages: '{count} messages',
  showList: 'Show conversations',
  hideList: 'Hide conversations',
} as const;

type Key = keyof typeof en;

const es: Record<Key, string> = {
  conversations: 'Conversaciones',
  newConversation: 'Nueva conversación',
  search: 'Buscar conversaciones',
  searchPlaceholder: 'Buscar en títulos y mensajes',
  searchingMessages: 'Buscando en los mensajes…',
  noMatch: 'Ninguna conversación coincide con «{query}».',
  empty: 'Aún no hay conversaciones.',
  loadFailed: 'No se pudieron cargar las conversaciones: {message}',
  retry: 'Reintentar',
  today: 'Hoy',
  yesterday: 'Ayer',
  week: 'Últimos 7 días',
  older: 'Anteriores',
  actionsFor: 'Acciones para «{title}»',
  rename: 'Renombrar',
  newTitle: 'Nuevo título',
  save: 'Guardar',
  cancel: 'Cancelar',
  exportMarkdown: 'Exportar como Markdown',
  exportJson: 'Exportar como JSON',
  delete: 'Eliminar',
  confirmDelete: '¿Eliminar «{title}» y todos sus mensajes?',
  confirm: 'Eliminar',
  messages: '{count} mensajes',
  showList: 'Mostrar conversaciones',
  hideList: 'Ocultar conversaciones',
};

/** The current language's text for key, placeholders filled. */
export const t = localTranslator(en, es);
