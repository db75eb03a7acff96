// Wires the chat page: language switch, composer, buttons, "near me" and the long poll.

import { ApiError, ChatClient, Cursor, TokenStore } from "./api.js";
import { STRINGS, applyStrings, t } from "./i18n.js";
import * as view from "./render.js";

const LANG_KEY = "ocopbot.lang";
const POLL_SECONDS = 25;

const $ = (id) => document.getElementById(id);
const log = $("log");
const input = $("text");
const status = $("status");
const client = new ChatClient(
  "api/chat/",
  new TokenStore(window.localStorage),
  new Cursor(window.sessionStorage),
);
let lang = readLang();
let queue = Promise.resolve();

function readLang() {
  try { return localStorage.getItem(LANG_KEY) === "en" ? "en" : "vi"; } catch { return "vi"; }
}

const strings = () => STRINGS[lang];

function show(node) {
  log.append(node);
  node.scrollIntoView({ block: "end" });
}

function showReplies(replies) {
  for (const reply of replies) show(view.botMessage(reply, strings(), actions));
}

function explain(error) {
  if (!(error instanceof ApiError)) return t(lang, "offline");
  if (error.code === "text_too_long") return t(lang, "too_long", { max: error.body.max_chars });
  if (error.status === 429) return t(lang, "rate_limited", { seconds: error.retryAfter || 1 });
  return t(lang, "failed");
}

/**
 * Sends one message; messages go out one at a time so replies stay in order.
 * Resolves to the error the visitor was shown, or null.
 */
function send(body, echo) {
  if (echo) show(view.userMessage(echo, strings()));
  const done = queue.then(async () => {
    const pending = view.typing(strings());
    show(pending);
    try {
      showReplies(await client.send({ ...body, lang }));
      return null;
    } catch (error) {
      console.warn("chat send failed", error);
      show(view.notice(explain(error)));
      return error;
    } finally {
      pending.remove();
    }
  });
  queue = done;
  return done;
}

function nearMe() {
  if (!("geolocation" in navigator)) {
    show(view.notice(t(lang, "geo_unsupported")));
    return;
  }
  status.textContent = t(lang, "locating");
  navigator.geolocation.getCurrentPosition(
    (position) => {
      status.textContent = "";
      const { latitude: lat, longitude: lon } = position.coords;
      send({ location: { lat, lon } }, t(lang, "my_location"));
    },
    (error) => {
      status.textContent = "";
      show(view.notice(t(lang, error.code === error.PERMISSION_DENIED ? "geo_denied" : "geo_failed")));
    },
    { enableHighAccuracy: false, timeout: 15000, maximumAge: 60000 },
  );
}

const actions = {
  press: (button) => send({ payload: button.payload, echo: button.title }, button.title),
  nearMe,
};

function applyLang() {
  applyStrings(document, lang);
  const toggle = $("lang");
  toggle.textContent = t(lang, "switch_to");
  toggle.setAttribute("aria-label", t(lang, "switch_label"));
  toggle.lang = lang === "vi" ? "en" : "vi";
}

function switchLang() {
  lang = lang === "vi" ? "en" : "vi";
  try { localStorage.setItem(LANG_KEY, lang); } catch { /* this visit only */ }
  applyLang();
  send({ text: `/lang ${lang}` }, null); // the engine switches its replies too
}

async function pollForever() {
  let backoff = 1;
  for (;;) {
    try {
      showReplies(await client.poll(POLL_SECONDS));
      backoff = 1;
    } catch (error) {
      console.warn("chat poll failed", error);
      await new Promise((resolve) => setTimeout(resolve, backoff * 1000));
      backoff = Math.min(backoff * 2, 30);
    }
  }
}

$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  input.focus();
  send({ text }, text).then((error) => {
    // Refused as too long: give the text back so it can be shortened, not retyped.
    if (error && error.code === "text_too_long" && !input.value) input.value = text;
  });
});
$("near").addEventListener("click", nearMe);
$("lang").addEventListener("click", switchLang);
$("new-chat").addEventListener("click", newConversation);

/** Shows the conversation kept by the server; false if there is none to show. */
async function restore() {
  let entries;
  try {
    entries = await client.history();
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    await newConversation(); // the server forgot this session: start a fresh one
    return true;
  }
  for (const entry of entries) {
    if (entry.role === "user") {
      show(view.userMessage(entry.location ? t(lang, "my_location") : entry.text || "", strings()));
    } else {
      show(view.botMessage(entry, strings(), actions));
    }
  }
  return entries.length > 0;
}

async function newConversation() {
  log.replaceChildren();
  try {
    await client.newSession(); // a new chat on the server: the old one stays behind
    await send({ text: "/start" }, null);
  } catch (error) {
    show(view.notice(explain(error)));
  }
  input.focus();
}

async function start() {
  applyLang();
  try {
    if (await client.ensureSession()) {
      await send({ text: "/start" }, null); // a first visit: the bot introduces itself
    } else if (!(await restore())) {
      show(view.botMessage({ text: t(lang, "welcome_back") }, strings(), actions));
    }
  } catch (error) {
    show(view.notice(explain(error)));
  }
  pollForever();
}

start();
