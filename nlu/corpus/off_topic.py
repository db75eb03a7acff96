"""Hard negatives: off-topic requests written like real ones, full of province words.

Weather, lodging, transport tickets, hospitals, SIM cards, gold and currency, cafés, jobs,
schools, public services. "{l}" is a place of the province.
"""

from __future__ import annotations

OFF_VI = [
    "dự báo thời tiết {l} ngày mai", "{l} hôm nay có mưa không", "{l} mấy hôm nay nắng không",
    "cuối tuần {l} có bão không", "nhiệt độ ở {l} bây giờ bao nhiêu độ",
    "khách sạn ở {l} giá bao nhiêu một đêm", "đặt phòng khách sạn ở {l}", "homestay giá rẻ ở {l}",
    "resort nào ở {l} có bể bơi", "nhà nghỉ gần {l} còn phòng không", "thuê căn hộ ở {l}",
    "vé tàu ra {l} bao nhiêu tiền", "lịch tàu cao tốc đi {l}", "xe limousine Hà Nội {l} mấy giờ",
    "vé xe khách đi {l} mua ở đâu", "vé máy bay đi {l}", "đặt vé du thuyền ở {l}",
    "taxi ở {l} số bao nhiêu", "thuê xe máy ở {l} giá sao", "grab ở {l} có không",
    "bệnh viện ở {l} ở đâu", "phòng khám nhi ở {l}", "nhà thuốc 24h ở {l}",
    "mua sim điện thoại ở {l} chỗ nào", "sim du lịch mua ở đâu", "nạp thẻ điện thoại ở đâu",
    "giá vàng ở {l} hôm nay", "tiệm vàng ở {l} nào uy tín", "đổi ngoại tệ ở {l}",
    "tỷ giá đô hôm nay", "cây ATM gần {l}", "ngân hàng ở {l} mấy giờ đóng cửa",
    "quán cà phê đẹp ở {l}", "quán karaoke ở {l}", "quán nhậu nào ở {l} ngon",
    "tuyển dụng ở {l}", "việc làm thêm ở {l}", "trường cấp 3 ở {l} điểm chuẩn bao nhiêu",
    "làm căn cước ở {l} ở đâu", "đăng ký xe máy ở {l}", "nộp phạt giao thông ở {l}",
    "giá đất ở {l} bao nhiêu", "mua chung cư ở {l}", "sửa điện thoại ở {l}",
    "cây xăng gần {l}", "giá xăng hôm nay", "lịch cắt nước ở {l}", "số điện thoại công an {l}",
    "kết quả xổ số hôm nay", "tỷ số bóng đá tối qua", "viết giúp mình bài văn",
    "giải giúp em bài toán", "dịch câu này sang tiếng Anh", "kể chuyện cười đi",
    "bạn tên là gì", "bạn có người yêu chưa", "mấy giờ rồi", "hôm nay thứ mấy",
    "mua laptop ở đâu rẻ", "điện thoại iphone giá bao nhiêu", "quần áo ở {l} mua chỗ nào",
    "tiệm cắt tóc ở {l}", "spa ở {l} nào tốt", "gym ở {l}", "chỗ rửa xe ở {l}",
    "đường từ Hà Nội đi {l} bao nhiêu km", "cao tốc Hạ Long Vân Đồn có thu phí không",
    "cho mình số tổng đài điện lực", "học lái xe ở {l} bao nhiêu tiền",
    "tra cứu điểm thi đại học", "lịch thi học kỳ ở {l}", "học phí trường mầm non ở {l}",
    "điểm chuẩn lớp 10 năm nay", "tra cứu phạt nguội ở {l}",
]
OFF_EN = [
    "weather in {l} tomorrow", "will it rain in {l} this weekend", "hotel in {l} with a pool",
    "book a room in {l}", "cheap hostel near {l}", "bus ticket from Hanoi to {l}",
    "ferry schedule to {l}", "flights to Van Don airport", "taxi number in {l}",
    "nearest hospital to {l}", "where to buy a SIM card", "exchange dollars in {l}",
    "gold price today", "good coffee shop in {l}", "bars in {l}", "rent a motorbike in {l}",
    "jobs in {l}", "what time is it", "tell me a joke", "who won the football",
    "how far is {l} from Hanoi", "ATM near {l}", "pharmacy open now", "best pho in Hanoi",
    "visa extension in Vietnam", "train to Sapa", "where can I buy a phone charger",
]
OFF_LEADS_VI = [
    "", "", "", "nhân tiện cho mình hỏi, ", "hỏi ngoài lề chút, ", "ad ơi cho hỏi, ",
    "mình sắp đi {l} chơi, ", "nhà mình đang ở {l}, ", "em mới chuyển ra {l} làm việc, ",
    "xin lỗi hỏi không liên quan, ", "tiện đây cho em hỏi, ", "shop biết không, ",
]  # fmt: skip
OFF_LEADS_EN = ["", "", "by the way, ", "off topic but ", "we're in {l} now, ",
                "quick question, "]  # fmt: skip
# Foods and goods that are not in the catalog: the request keeps its intent, no product.
FOREIGN_FOODS = [
    "nước mắm Cát Hải", "nem chua Lai Vung", "cà phê Sơn La", "bánh đậu xanh Hải Dương",
    "vải thiều Thanh Hà", "chè Mộc Châu", "mắm tép Hà Nội", "giò lụa Hà Nội",
    "bánh pía Sóc Trăng", "nước mắm Cửa Khe", "cốm làng Vòng", "kẹo dừa Bến Tre",
    "trà Shan tuyết Hà Giang", "bánh cáy Thái Bình", "mật ong Tây Bắc", "rượu Làng Vân",
    "nước mắm Vạn Vân", "thịt trâu gác bếp Điện Biên", "bánh gai Ninh Giang", "nho Ninh Thuận",
    "nem Lai Vung", "chả cá Lã Vọng", "mực khô Phan Rang", "hải sâm Khánh Hòa",
]
FOREIGN_TEMPLATES = [
    ("product_price", "{f} giá bao nhiêu"), ("product_price", "{f} bao nhiêu tiền một ký"),
    ("product_search", "shop có bán {f} không"), ("product_search", "bên mình có {f} không"),
    ("product_info", "{f} bảo quản thế nào"), ("order_create", "cho mình đặt 2 hộp {f}"),
    ("shop_search", "mua {f} ở đâu"),
]  # fmt: skip
