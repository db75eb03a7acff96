// Builds the chat log's DOM. Every string from people or the catalog goes in through
// textContent or attributes; nothing is ever parsed as HTML.

const URL_PATTERN = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Plain text with web links made clickable (safely: anchors with textContent). */
function linkified(text) {
  const box = el("p", "text");
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    box.append(text.slice(last, match.index));
    const link = el("a", "", match[0]);
    link.href = match[0];
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    box.append(link);
    last = match.index + match[0].length;
  }
  box.append(text.slice(last));
  return box;
}

function bubble(kind, speaker) {
  const item = el("li", `msg ${kind}`);
  item.append(el("span", "sr-only", `${speaker} `));
  return item;
}

export function userMessage(text, s) {
  const item = bubble("user", s.you);
  item.append(el("p", "text", text));
  return item;
}

export function notice(text) {
  const item = el("li", "msg notice", text);
  item.setAttribute("role", "alert");
  return item;
}

export function typing(s) {
  const item = el("li", "msg bot typing", s.typing);
  item.setAttribute("aria-hidden", "true");
  return item;
}

function mapLink(card) {
  const lat = Number(card.lat).toFixed(5);
  const lon = Number(card.lon).toFixed(5);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
}

function locationCard(card, s) {
  const box = el("div", "card");
  box.append(el("strong", "card-title", card.title));
  if (card.address) box.append(el("span", "card-address", card.address));
  const link = el("a", "card-link", `🗺️ ${s.open_map}`);
  link.href = mapLink(card);
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  box.append(link);
  return box;
}

/** One bot reply: text, optional image, location card and buttons. */
export function botMessage(reply, s, actions) {
  const item = bubble("bot", s.bot);
  if (reply.text) item.append(linkified(reply.text));
  if (typeof reply.image === "string" && /^(https?:\/\/|data:image\/png;base64,)/.test(reply.image)) {
    const image = el("img", "image");
    image.src = reply.image;
    image.alt = "";
    image.loading = "lazy";
    item.append(image);
  }
  if (reply.location) item.append(locationCard(reply.location, s));
  const buttons = Array.isArray(reply.buttons) ? reply.buttons : [];
  if (buttons.length || reply.request_location) {
    const row = el("div", "buttons");
    for (const button of buttons) {
      if (typeof button.url === "string" && /^https?:\/\//.test(button.url)) {
        const link = el("a", "choice link-choice", button.title);
        link.href = button.url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        row.append(link);
        continue;
      }
      const node = el("button", "choice", button.title);
      node.type = "button";
      node.addEventListener("click", () => actions.press(button));
      row.append(node);
    }
    if (reply.request_location) {
      const near = el("button", "choice near-choice", s.near_me);
      near.type = "button";
      near.addEventListener("click", () => actions.nearMe());
      row.append(near);
    }
    item.append(row);
  }
  return item;
}
