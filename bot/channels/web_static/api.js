// The chat API client: keeps the session token, retries lost POSTs with the same id,
// starts a new session when the server no longer knows the token, acknowledges pushed
// messages by id so a lost poll response is answered again.

const TOKEN_KEY = "ocopbot.token";
const AFTER_KEY = "ocopbot.after";

/** An HTTP error the page can explain: status, the API's code and Retry-After seconds. */
export class ApiError extends Error {
  constructor(status, body, retryAfter) {
    super((body && body.error) || `HTTP ${status}`);
    this.status = status;
    this.code = (body && body.code) || "";
    this.body = body || {};
    this.retryAfter = retryAfter;
  }
}

/** localStorage when the browser allows it (blocked in some embeds), else memory. */
export class TokenStore {
  constructor(storage) {
    this.storage = storage;
    this.memory = null;
  }
  get() {
    try { return this.storage.getItem(TOKEN_KEY) || this.memory; } catch { return this.memory; }
  }
  set(token) {
    this.memory = token;
    try { this.storage.setItem(TOKEN_KEY, token); } catch { /* memory only */ }
  }
}

/**
 * The id of the last pushed message this tab received, sent as the next poll's `after`
 * (the server deletes what it acknowledges). sessionStorage: one per tab, kept across a
 * reload; memory when the browser blocks it.
 */
export class Cursor {
  constructor(storage) {
    this.storage = storage;
    this.memory = 0;
  }
  get() {
    try { return Number(this.storage.getItem(AFTER_KEY)) || this.memory; } catch { return this.memory; }
  }
  set(id) {
    this.memory = id;
    try { this.storage.setItem(AFTER_KEY, String(id)); } catch { /* memory only */ }
  }
}

export function newId() {
  if (globalThis.crypto && crypto.randomUUID) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class ChatClient {
  constructor(base, tokens, cursor = new Cursor(null)) {
    this.base = base;
    this.tokens = tokens;
    this.cursor = cursor;
    this.shown = new Set(); // ids of pushed messages the history already showed
    this.creating = null;
  }

  /** Makes sure there is a session; true if a new one had to be created. */
  async ensureSession() {
    if (this.tokens.get()) return false;
    await this.newSession();
    return true;
  }

  /** Starts a session; concurrent callers share one request. */
  newSession() {
    this.creating ??= this.request("POST", "session", null, false)
      .then((body) => {
        this.tokens.set(body.token);
        this.cursor.set(0); // a new chat: nothing of it received yet
        this.shown.clear();
      })
      .finally(() => { this.creating = null; });
    return this.creating;
  }

  /** Sends one message body and returns the replies; a lost request is retried. */
  async send(body) {
    const message = { id: newId(), ...body };
    for (let attempt = 0; ; attempt++) {
      try {
        return (await this.authed("POST", "messages", message)).replies;
      } catch (error) {
        if (error instanceof ApiError || attempt >= 2) throw error;
        await sleep(1000 * (attempt + 1)); // network failure: same id, so never twice
      }
    }
  }

  /** The conversation so far, oldest first: {role: "user"|"bot", ...}. */
  async history() {
    const entries = (await this.request("GET", "history", null, true)).messages;
    // A pushed message carries its id: if it also still waits for a poll (a reload came
    // before the poll acknowledged it), the poll must not show it a second time.
    for (const entry of entries) if (entry.id) this.shown.add(entry.id);
    return entries;
  }

  /**
   * One long poll: messages others sent to this chat, each shown once. The poll names
   * the last id received; the server keeps a message until a later poll names its id.
   */
  async poll(wait) {
    const token = this.tokens.get();
    const after = this.cursor.get();
    const { messages } = await this.authed("GET", `updates?wait=${wait}&after=${after}`, null);
    if (this.tokens.get() !== token) return []; // a new conversation began meanwhile
    // Oldest first; the server's ids win (after a move between mailboxes they may restart).
    if (messages.length) this.cursor.set(messages[messages.length - 1].id);
    return messages.filter((m) => !this.shown.has(m.id));
  }

  async authed(method, path, body) {
    try {
      return await this.request(method, path, body, true);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      await this.newSession(); // the server forgot us (or the token was cleared)
      return this.request(method, path, body, true);
    }
  }

  async request(method, path, body, auth) {
    const headers = {};
    if (body !== null) headers["Content-Type"] = "application/json";
    if (auth) headers.Authorization = `Bearer ${this.tokens.get()}`;
    const response = await fetch(this.base + path, {
      method,
      headers,
      body: body === null ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      throw new ApiError(response.status, data, Number(response.headers.get("Retry-After")) || 0);
    }
    return data;
  }
}
