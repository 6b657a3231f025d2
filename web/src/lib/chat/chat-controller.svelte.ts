// The chat page's state as a rune class: the socket, the reducer's state, batching of stream
// events per animation frame (so thousands of tokens do not re-render per token), loading a stored
// conversation, and reloading it after a reconnect so the visible state resumes.
import { ApiError, request } from '../api/client';
import { deleteMessagesFrom, fetchConversationImage } from '../api/conversations';
import { askForToken, authHeaders, getToken } from '../auth-token';
import { ChatSocket, socketUrl, type ConnectionState } from './chat-socket';
import { fromHistory, type ConversationDetail } from './history';
import { readImage } from './images';
import {
  applyEvent,
  beginSend,
  dropLastExchange,
  isRunning,
  lastUserTurn,
  requestStop,
} from './reducer';
import {
  emptyChat,
  type ChatState,
  type ImageAttachment,
  type SocketEvent,
  type UserTurn,
} from './types';

export interface ChatControllerOptions {
  /** the conversation shown changed (a new one started, or one was loaded) */
  onConversation?: (id: string | undefined) => void;
  /** a run ended: the list of conversations may have changed */
  onRunEnd?: () => void;
  /** words for the messages the controller makes itself */
  text: {
    connectionLost: () => string;
    notConnected: () => string;
    tokenPrompt: () => string;
    loadFailed: (reason: string) => string;
    replaceFailed: (reason: string) => string;
  };
}

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

const frame = (callback: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => callback());
  else setTimeout(callback, 16);
};

export class ChatController {
  chat = $state.raw<ChatState>(emptyChat());
  connection = $state<ConnectionState>('connecting');
  /** tools the server has (for slash hints); undefined until known */
  tools = $state.raw<ReadonlySet<string> | undefined>(undefined);
  notice = $state<string | undefined>(undefined);
  running = $derived(isRunning(this.chat));

  private readonly socket: ChatSocket;
  private queue: { event: SocketEvent; at: number }[] = [];
  private flushScheduled = false;
  private stopSentFor: string | undefined;
  private loadToken = 0;
  private tokenAsked = false;
  private disposed = false;
  private replacing = false;

  constructor(private readonly options: ChatControllerOptions) {
    this.socket = new ChatSocket({
      url: () => socketUrl(window.location, getToken()),
      onEvent: (event) => this.enqueue(event),
      onState: (state) => this.connectionChanged(state),
      onReconnect: () => {
        const id = this.chat.conversationId;
        if (id !== undefined) void this.load(id);
      },
      onFailedOpen: (attempt) => {
        if (attempt === 0) void this.checkToken();
      },
    });
  }

  /** Loads the tool list first (a 401 there asks for the token once), then opens the socket. */
  async start(): Promise<void> {
    await this.loadTools();
    if (!this.disposed) this.socket.connect();
  }

  dispose(): void {
    this.disposed = true;
    this.socket.close();
  }

  /** Shows a stored conversation (or a new, empty one for undefined). */
  async load(id: string | undefined): Promise<void> {
    const token = ++this.loadToken;
    this.notice = undefined;
    if (id === undefined) {
      this.chat = emptyChat();
      return;
    }
    if (id === this.chat.conversationId && this.running) return;
    try {
      const detail = (await request(
        `/api/conversations/${encodeURIComponent(id)}`,
      )) as ConversationDetail;
      if (token !== this.loadToken) return;
      this.queue = [];
      this.chat = fromHistory(detail);
    } catch (error) {
      if (token !== this.loadToken) return;
      const reason = error instanceof Error ? error.message : String(error);
      this.notice = this.options.text.loadFailed(reason);
      if (error instanceof ApiError && error.status === 404) {
        this.chat = emptyChat();
        this.options.onConversation?.(undefined);
      }
    }
  }

  /** Sends a message (with images as base64); false when it could not be sent. */
  send(text: string, images: ImageAttachment[] = []): boolean {
    if (this.running || this.replacing || (text.trim() === '' && images.length === 0)) return false;
    const request = {
      message: text,
      ...(this.chat.conversationId === undefined
        ? {}
        : { conversationId: this.chat.conversationId }),
      ...(images.length === 0 ? {} : { images: images.map((image) => image.base64) }),
    };
    if (!this.socket.sendChat(request)) {
      this.notice = this.options.text.notConnected();
      return false;
    }
    this.notice = undefined;
    this.chat = beginSend(this.chat, { text, images }, performance.now());
    return true;
  }

  /** Cancels the run (once its id is known; an early stop is sent on run-start). */
  stop(): void {
    const runId = this.chat.activeRunId;
    if (runId !== undefined) {
      this.stopSentFor = runId;
      this.socket.sendStop(runId);
    } else this.chat = requestStop(this.chat);
  }

  /**
   * Asks again with the last user message (its photos too, fetched back for a reloaded one), after
   * removing that exchange on the server, so the model's history holds only the new answer.
   */
  async regenerate(): Promise<boolean> {
    const last = lastUserTurn(this.chat);
    if (!last || this.running || this.replacing) return false;
    let images: ImageAttachment[];
    try {
      images = await this.attachmentsOf(last);
    } catch (error) {
      this.notice = this.options.text.replaceFailed(reasonOf(error));
      return false;
    }
    return this.replaceLast(last.text, images);
  }

  /**
   * Edit-and-resend: removes the last exchange (on the server, then on the page) and sends this
   * message in its place. False when nothing was sent.
   */
  async replaceLast(text: string, images: ImageAttachment[] = []): Promise<boolean> {
    if (this.running || this.replacing || (text.trim() === '' && images.length === 0)) return false;
    if (this.connection !== 'open') {
      this.notice = this.options.text.notConnected();
      return false;
    }
    const id = this.chat.conversationId;
    const last = lastUserTurn(this.chat);
    if (id !== undefined && last !== undefined) {
      this.replacing = true;
      try {
        const seq = last.seq ?? (await this.lastUserSeq(id));
        if (seq !== undefined) await deleteMessagesFrom(id, seq);
      } catch (error) {
        this.notice = this.options.text.replaceFailed(reasonOf(error));
        return false;
      } finally {
        this.replacing = false;
      }
      if (this.chat.conversationId !== id) return false;
      this.chat = dropLastExchange(this.chat);
    }
    return this.send(text, images);
  }

  /** A message's photos as attachments: the live ones, or a reloaded one's fetched back. */
  async attachmentsOf(turn: UserTurn): Promise<ImageAttachment[]> {
    const id = this.chat.conversationId;
    if (turn.images.length > 0 || !turn.imageHashes?.length || id === undefined) return turn.images;
    return Promise.all(
      turn.imageHashes.map(async (hash, index) => {
        const blob = await fetchConversationImage(id, hash);
        return readImage(new File([blob], `foto-${index + 1}`, { type: blob.type }));
      }),
    );
  }

  /** The seq of the conversation's last user message, as the server stored it. */
  private async lastUserSeq(id: string): Promise<number | undefined> {
    const detail = (await request(
      `/api/conversations/${encodeURIComponent(id)}`,
    )) as ConversationDetail;
    return detail.messages.filter((message) => message.role === 'user').at(-1)?.seq;
  }

  private enqueue(event: SocketEvent): void {
    this.queue.push({ event, at: performance.now() });
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    frame(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    let state = this.chat;
    const before = state.conversationId;
    let ended = false;
    for (const { event, at } of batch) {
      state = applyEvent(state, event, at);
      if (event.type === 'run-end' || event.type === 'error') ended = true;
    }
    this.chat = state;
    if (state.stopRequested && state.activeRunId && this.stopSentFor !== state.activeRunId) {
      this.stopSentFor = state.activeRunId;
      this.socket.sendStop(state.activeRunId);
    }
    if (state.conversationId !== before) this.options.onConversation?.(state.conversationId);
    if (ended) this.options.onRunEnd?.();
  }

  private connectionChanged(state: ConnectionState): void {
    this.connection = state;
    if (state === 'closed' && this.running) {
      this.enqueue({
        type: 'error',
        code: 'disconnected',
        message: this.options.text.connectionLost(),
      });
    }
  }

  /** A socket that cannot open may lack the token: ask for it on a 401 and reconnect at once. */
  private async checkToken(): Promise<void> {
    if (this.tokenAsked) return;
    try {
      const response = await fetch('/api/tools', { headers: authHeaders() });
      if (response.status !== 401) return;
      this.tokenAsked = true;
      if (askForToken(this.options.text.tokenPrompt())) {
        this.tokenAsked = false;
        this.socket.reconnectNow();
        void this.loadTools();
      }
    } catch {
      // the server is down: the socket keeps retrying
    }
  }

  private async loadTools(): Promise<void> {
    try {
      const body = (await request('/api/tools')) as { tools?: { name: string }[] } | undefined;
      if (Array.isArray(body?.tools)) this.tools = new Set(body.tools.map((tool) => tool.name));
    } catch {
      // unknown: all hints are offered
    }
  }
}
