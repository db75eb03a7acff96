"""What people write around a request: stories, reasons, recipients, politeness, thanks.

None of these says what the person wants; the request clause does. The training corpus
wraps requests in them so the classifier learns to look past them.
"""

from __future__ import annotations

STORIES_VI = [
    "nhà em sắp có đám giỗ ông,",
    "tháng sau anh chị em trong họ về thăm quê nội ở Đầm Hà,",
    "em làm văn phòng ở Hà Nội, cuối năm công ty cho đi du lịch Quảng Ninh,",
    "bố mình hồi trẻ công tác ở Cô Tô nên rất nhớ món ở đó,",
    "mình vừa chuyển vào Sài Gòn sống,",
    "hôm nọ đi đám cưới đứa bạn ở Quảng Yên được ăn thử,",
    "em có cô bạn người Nhật sắp về nước, muốn tặng cô ấy cái gì đó,",
    "cả nhà mình năm nay ăn Tết ở Hòn Gai,",
    "chồng em uống rượu hơi yếu nên em hỏi kỹ,",
    "con em mới 2 tuổi, đang tập ăn dặm,",
    "mẹ chồng em khó tính lắm,",
    "bọn mình đi phượt cung Đông Bắc, đang ở Tiên Yên,",
    "đợt rồi xem tivi thấy giới thiệu sản phẩm này,",
    "em đang làm đề tài về sản phẩm OCOP của tỉnh,",
    "nhà mình kinh doanh quán ăn nhỏ,",
    "hôm nay là lần đầu mình nhắn cho shop,",
    "em ở nước ngoài mới về, muốn mua ít đồ quê mang sang,",
    "ông bà ngoại em yếu rồi, ăn uống phải kiêng,",
    "bạn thân em sắp sinh em bé,",
    "tuần trước mình có ghé gian hàng hội chợ của tỉnh,",
    "cơ quan mình đang chọn quà tặng đối tác,",
    "chị đi làm về muộn nên giờ mới nhắn được,",
    "nghe đồng nghiệp khen mãi,",
    "em là người Quảng Ninh nhưng đi làm xa,",
    "sáng nay đi chợ thấy người ta bán mà không dám mua,",
    "đoàn bọn chị có hơn chục người,",
    "ba má tui ở miền Tây chưa ăn bao giờ,",
    "nhà tui ở Cần Thơ,",
    "tụi em đang ở khách sạn gần cảng Tuần Châu,",
    "mình có đứa em họ mở tiệm tạp hóa,",
    "lần trước đặt bên khác bị giao nhầm hàng,",
    "đang ngồi xe về Hà Nội rồi,",
    "em tính mua làm quà cho thầy cô nhân ngày 20/11,",
    "nhà em ai cũng thích đồ biển,",
    "mình ăn chay nên hỏi kỹ chút,",
]
STORIES_EN = [
    "we just got back from a cruise on the bay,",
    "my wife and I are visiting from Australia,",
    "a friend brought some back for me last year,",
    "I'm staying in Ha Long for a few more days,",
    "we're a group of six travelling by motorbike,",
    "I'm buying gifts for my colleagues back in Korea,",
    "sorry for the late message,",
    "I saw this at the airport in Van Don,",
    "my grandmother is 90 and eats very little,",
    "I don't speak Vietnamese, sorry,",
    "first time in Vietnam here,",
    "our tour guide recommended your page,",
]
GREETINGS_VI = [
    "dạ chào ad,", "chào shop ạ,", "em chào chị ạ,", "alo shop ơi,", "chào bạn,", "xin chào,",
    "dạ em chào anh chị,", "hi shop,", "chào buổi tối shop,", "shop ơi,", "ad ơi,",
    "bạn ơi,", "chị chủ shop ơi,", "cho em hỏi xíu,", "cho mình hỏi chút,", "dạ,",
    "cho em hỏi với ạ,", "làm phiền shop chút,", "chào em,", "mình hỏi tí nha,",
]  # fmt: skip
GREETINGS_EN = ["hi,", "hello there,", "good morning,", "hey,", "hi shop,", "excuse me,",
                "hello again,", "sorry to bother you,"]  # fmt: skip
TAILS_VI = [
    "", "", "", " ạ", " nhé", " nha", " nha shop", " với ạ", " shop ơi", " vậy ạ",
    " ad nhé", " chị nhé", ", cảm ơn ạ", ", em cảm ơn nhiều", ", thanks shop", " nhen",
    " hen", " dzậy", " z", " á", " đó", ", trả lời giúp em với", ", shop tư vấn giúp nhé",
    ", mình cảm ơn trước", " ạ, em cảm ơn", " nhé, thanks", " :)", " ^^", "?", "??",
]  # fmt: skip
TAILS_EN = ["", "", "?", " please", ", thanks", ", thank you!", " :)", ", cheers",
            ", thanks in advance"]  # fmt: skip
