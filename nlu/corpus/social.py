"""Long social messages: greetings with a story but no request, thanks, goodbyes, details."""

from __future__ import annotations

GREET_LONG = [
    "chào shop, mình là khách ở {l}, mới biết đến trang",
    "dạ em chào ad, em mới theo dõi page",
    "xin chào, mình là du khách đang ở {l}",
    "chào bạn, bạn mình giới thiệu trang này",
    "hello shop, chúc shop buổi tối vui vẻ",
    "em chào anh chị, em là khách mới ạ",
    "hi, I'm new here and just arrived in {l}",
    "hello, a friend told me about this page",
    "chào ad ơi, lâu lắm mới vào lại",
    "alo alo, shop còn làm việc không ạ",
    "hi, we're a family of four from Singapore",
    "hello, I'm Anna, a student from Germany",
    "hey there, two backpackers from Canada here",
    "good evening, we're visitors from Japan",
    "em chào shop, em muốn hỏi chút thông tin ạ",
    "chào chị, em cần tư vấn một chút",
    "dạ chào anh chị, mình muốn hỏi vài điều về sản phẩm bên mình",
    "alo ad, cho em hỏi một chút về đặc sản",
    "chào shop, mình là khách du lịch từ Đà Nẵng",
    "alo shop, mình cần tư vấn chút",
    "chào ad, em cần hỏi chút việc",
    "hello, need some advice",
]
THANKS_LONG = [
    "cảm ơn shop nhiều nha, lần sau ra {l} mình lại ủng hộ",
    "dạ em cảm ơn ad đã tư vấn nhiệt tình",
    "ok cảm ơn bạn, mình hiểu rồi",
    "cảm ơn shop, hàng nhận rồi, ngon lắm",
    "thanks shop nhiều, tư vấn có tâm quá",
    "thank you so much, that was really helpful",
    "great, thanks a lot for your help",
    "cám ơn chị nhé, để em bàn với nhà đã",
    "cảm ơn nhé, thông tin hữu ích quá",
    "thanks ad, mình nhận được hàng rồi nha",
    "cảm ơn bạn đã trả lời",
    "cảm ơn bạn đã tư vấn giúp mình",
    "much obliged, thanks",
    "cảm ơn em đã giải thích kỹ",
    "thanks for explaining",
]
GOODBYE_LONG = [
    "thôi em đi đây, hẹn shop lần sau nhé",
    "ok mình off đây, chào shop",
    "bye shop, mai mình nhắn lại",
    "that's all for now, bye",
    "chào shop nhé, mình đi ngủ đây",
    "tạm biệt ad, chúc shop buôn may bán đắt",
    "ok bye, see you tomorrow",
]
AFFIRM_LONG = [
    "dạ đúng rồi ạ, shop cứ gửi giúp em",
    "ok chốt vậy nha shop",
    "vâng đúng rồi, xác nhận giúp em",
    "yes that's right, go ahead",
    "chuẩn rồi shop ơi, gửi đi",
    "ừ đúng, làm vậy đi",
]
DENY_LONG = [
    "dạ không phải đâu ạ, em chưa muốn đặt",
    "thôi không cần đâu shop, cảm ơn",
    "no, that's not what I meant",
    "không đúng rồi, không phải cái đó",
    "chưa đâu shop, để em nghĩ thêm",
]
