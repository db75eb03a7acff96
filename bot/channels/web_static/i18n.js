// The page's own words, in Vietnamese (default) and English. Bot replies come from the
// engine, which switches language when the page sends "/lang en" or "/lang vi".

export const STRINGS = {
  vi: {
    title: "Trợ lý OCOP Quảng Ninh",
    log: "Cuộc trò chuyện",
    input_label: "Tin nhắn",
    placeholder: "Hỏi về sản phẩm OCOP…",
    send: "Gửi",
    near_me: "📍 Gần tôi",
    switch_to: "EN",
    switch_label: "Switch to English (EN)",
    you: "Bạn:",
    bot: "Trợ lý:",
    typing: "Đang trả lời…",
    my_location: "📍 Vị trí của tôi",
    open_map: "Mở bản đồ",
    welcome_back: "Chào bạn quay lại! Hỏi mình về đặc sản OCOP Quảng Ninh nhé.",
    new_chat: "Cuộc trò chuyện mới",
    new_chat_label: "Bắt đầu cuộc trò chuyện mới (xoá lịch sử trên trang này)",
    locating: "Đang lấy vị trí của bạn…",
    geo_unsupported: "Trình duyệt này không hỗ trợ lấy vị trí.",
    geo_denied: "Bạn chưa cho phép truy cập vị trí. Hãy bật quyền vị trí hoặc gõ tên nơi bạn ở.",
    geo_failed: "Không lấy được vị trí. Bạn thử lại hoặc gõ tên nơi bạn ở nhé.",
    too_long: "Tin nhắn dài quá (tối đa {max} ký tự). Bạn rút gọn giúp mình nhé.",
    rate_limited: "Bạn gửi nhanh quá. Chờ {seconds} giây rồi gửi tiếp nhé.",
    offline: "Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại nhé.",
    failed: "Có lỗi khi gửi tin nhắn. Bạn thử lại nhé.",
  },
  en: {
    title: "Quảng Ninh OCOP assistant",
    log: "Conversation",
    input_label: "Message",
    placeholder: "Ask about OCOP products…",
    send: "Send",
    near_me: "📍 Near me",
    switch_to: "VI",
    switch_label: "Chuyển sang tiếng Việt (VI)",
    you: "You:",
    bot: "Assistant:",
    typing: "Replying…",
    my_location: "📍 My location",
    open_map: "Open map",
    welcome_back: "Welcome back! Ask me about Quảng Ninh's OCOP specialties.",
    new_chat: "New conversation",
    new_chat_label: "Start a new conversation (clears the history on this page)",
    locating: "Finding your location…",
    geo_unsupported: "This browser cannot share your location.",
    geo_denied: "Location access is off. Allow it, or type the name of where you are.",
    geo_failed: "Could not get your location. Try again, or type where you are.",
    too_long: "That message is too long (at most {max} characters). Please shorten it.",
    rate_limited: "You are sending too fast. Please wait {seconds} seconds.",
    offline: "Cannot reach the server. Check your connection and try again.",
    failed: "Something went wrong sending that. Please try again.",
  },
};

/** Returns the string `key` in `lang`, with {name} placeholders filled from `vars`. */
export function t(lang, key, vars = {}) {
  const text = (STRINGS[lang] || STRINGS.vi)[key] ?? STRINGS.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));
}

/** Fills every element marked with data-i18n, data-i18n-placeholder or data-i18n-aria. */
export function applyStrings(root, lang) {
  root.documentElement.lang = lang;
  root.title = t(lang, "title");
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(lang, el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) {
    el.placeholder = t(lang, el.dataset.i18nPlaceholder);
  }
  for (const el of root.querySelectorAll("[data-i18n-aria]")) {
    el.setAttribute("aria-label", t(lang, el.dataset.i18nAria));
  }
}
