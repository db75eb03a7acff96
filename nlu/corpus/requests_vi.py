"""Vietnamese request clauses by intent. {p} product, {q} amount + unit, {l} place."""

from __future__ import annotations

INFO = [
    "{p} để được bao lâu", "{p} mở ra rồi bảo quản sao", "{p} cất tủ lạnh hay để ngoài",
    "{p} hạn dùng bao lâu", "{p} có chất bảo quản không", "{p} làm từ gì",
    "{p} thành phần gồm những gì", "{p} được sản xuất ở đâu", "{p} xuất xứ từ đâu",
    "{p} do ai làm ra", "{p} làm thủ công hay máy móc", "{p} quy trình làm ra sao",
    "{p} ăn với gì ngon", "{p} chế biến món gì", "{p} nấu thế nào", "{p} dùng ra sao",
    "{p} pha như thế nào", "{p} uống lúc nào tốt", "{p} mỗi ngày dùng bao nhiêu là đủ",
    "{p} trẻ nhỏ dùng được không", "{p} bà bầu ăn được không", "{p} người già dùng có sao không",
    "{p} người tiểu đường ăn được không", "{p} có an toàn không", "{p} có độc không",
    "{p} đạt OCOP mấy sao", "{p} có chứng nhận gì không", "{p} có tem truy xuất không",
    "{p} vị thế nào", "{p} có mặn không", "{p} có cay không", "{p} có tanh không",
    "{p} ngọt hay đắng", "{p} thơm không", "{p} có ngon không", "{p} có tốt không",
    "{p} to cỡ nào", "{p} một hộp nặng bao nhiêu gam", "{p} màu gì", "{p} nhìn thế nào",
    "{p} bao nhiêu độ", "{p} nồng độ cồn bao nhiêu", "{p} uống có say không",
    "{p} có tác dụng gì", "{p} tốt cho sức khỏe không", "{p} chữa được bệnh gì không",
    "{p} với {r} khác nhau thế nào", "{p} với {r} loại nào ngon hơn", "{p} hay {r} tốt hơn",
    "so sánh giúp mình {p} và {r}", "{p} có giống {r} không",
    "{p} mang lên máy bay được không", "{p} đóng gói có kỹ không", "{p} là loại gì vậy",
    "{p} có gì đặc biệt", "{p} tại sao lại nổi tiếng", "{p} có phải hàng thật không",
    "thông tin về {p}", "giới thiệu giúp mình về {p}", "kể mình nghe về {p}",
    "{p} là gì thế", "{p} ăn sống được không", "{p} rã đông thế nào", "{p} hấp bao lâu",
    "cách bảo quản {p}", "cách dùng {p}", "cách ăn {p}", "công dụng của {p}",
    "hướng dẫn mình cách nấu {p}", "{p} có hợp làm quà biếu không",
    "{p} lấy nguyên liệu ở đâu", "{p} lấy nguồn từ đâu", "{p} nuôi ở vùng nào",
    "{p} trồng ở đâu", "{p} được đánh bắt ở đâu", "{p} có phải hàng địa phương không",
]
PRICE = [
    "{p} giá bao nhiêu", "{p} bao nhiêu tiền", "{p} bán sao", "{p} giá thế nào",
    "giá {p} bao nhiêu", "{p} bao nhiêu một {u}", "{p} bao nhiêu 1 {u}", "{p} một {u} giá bao nhiêu",
    "{p} giá cả ra sao", "báo giá {p}", "cho xin giá {p}", "{p} giá sỉ bao nhiêu",
    "{p} mua nhiều có bớt không", "{p} có khuyến mãi không", "{p} đang giảm giá không",
    "{p} có đắt không", "{p} mắc không", "{p} rẻ nhất bao nhiêu", "{p} loại ngon giá sao",
    "phí ship {p} về Hà Nội bao nhiêu", "{p} gửi vào Sài Gòn hết bao nhiêu tiền",
    "mua {q} {p} hết bao nhiêu", "{q} {p} thì bao nhiêu tiền", "{p} tính tiền sao",
    "{p} giá niêm yết bao nhiêu", "{p} giờ bán bao nhiêu rồi", "{p} bao tiền",
]
SEARCH = [
    "có món gì làm quà không", "gợi ý giúp mình vài món đặc sản", "có sản phẩm nào 5 sao không",
    "bên mình có những gì", "có đặc sản gì của {l}", "{l} có món gì ngon", "có {c} không",
    "có loại {c} nào ngon không", "bán những loại {c} gì", "có {c} nào dưới 300k không",
    "tư vấn giúp em món quà biếu sếp", "có món nào để được lâu không", "có đồ gì nhẹ mang đi xa",
    "có quà gì cho người già không", "mua gì làm quà cho trẻ con", "có gì ăn vặt không",
    "danh sách sản phẩm OCOP", "có những sản phẩm nào đạt 4 sao", "món nào bán chạy nhất",
    "có đặc sản nào mang lên máy bay được", "có gì làm quà Tết không", "shop có bán {c} không",
    "gợi ý quà tầm 500k", "có quà nào khoảng 200 nghìn", "có {c} nào rẻ rẻ không",
    "đặc sản Quảng Ninh có gì", "món gì nổi tiếng nhất ở đây", "có gì độc lạ không",
]
SHOP = [
    "mua {p} ở đâu", "chỗ nào bán {p}", "{p} bán ở đâu", "ở {l} mua {p} chỗ nào",
    "cửa hàng nào ở {l} có {p}", "có điểm bán nào gần {l} không", "ở {l} có cửa hàng OCOP không",
    "{p} có bán ở siêu thị không", "{p} có trên Shopee không", "địa chỉ cửa hàng ở đâu",
    "shop có cửa hàng ở {l} không", "mình ghé trực tiếp được không, địa chỉ ở đâu",
    "gần chỗ mình có chỗ nào bán không", "tới đâu để mua {p}", "ra chợ nào thì có {p}",
]
TOUR = [
    "đi {l} chơi gì", "{l} có gì để tham quan", "gợi ý lịch trình đi {l}",
    "đi {l} mùa nào đẹp", "{l} có lễ hội gì", "có tour tham quan làng nghề không",
    "có chỗ nào cho trẻ con chơi", "đi đâu ngắm cảnh đẹp", "có điểm check in nào đẹp",
    "có chỗ nào trải nghiệm hái chè không", "nên đi {l} mấy ngày", "ở {l} có chợ đêm không",
    "đi {l} thì xem gì", "gợi ý điểm du lịch ở {l}", "mấy giờ lễ hội bắt đầu",
    "{l} năm nay có tổ chức không", "lễ hội năm nay tổ chức vào ngày nào",
    "có được vào xem người ta làm không", "có tham quan cơ sở sản xuất được không",
    "lễ hội ở {l} diễn ra tháng mấy", "{l} có mở cửa cho khách vào xem không",
]
ORDER = [
    "cho mình đặt {q} {p}", "lấy {q} {p}", "chốt {q} {p}", "em lấy {q} {p}",
    "đặt {q} {p}", "mua {q} {p}", "order {q} {p}", "lên đơn {q} {p}", "chốt đơn {q} {p}",
    "gửi mình {q} {p}", "ship cho mình {q} {p}", "em muốn đặt {q} {p}", "mình mua {q} {p}",
    "lấy cho chị {q} {p}", "cho anh {q} {p}", "để cho em {q} {p}", "em đặt {q} {p} với",
    "cho em đặt hàng {p}", "mình muốn mua {p}", "đặt mua {p}", "lấy {p} nhé",
    "cho chị lấy {p}", "em chốt {p}", "mình đặt luôn {p}", "em mua {p} được không",
    "giữ cho em {q} {p}", "bán cho mình {q} {p}", "gói cho mình {q} {p}",
]
DELIVERY = [
    "giao về số 12 Trần Phú, Cẩm Phả", "sđt 0915 222 333", "số điện thoại 0983111444",
    "người nhận là chị Hoa", "gửi cod nhé", "ship cod về Hải Phòng", "thanh toán khi nhận",
    "giao giờ hành chính", "giao trước 5 giờ chiều", "gửi qua bưu điện", "chuyển khoản trước",
    "nhận hàng ở Hạ Long", "giao tới khách sạn Mường Thanh", "địa chỉ 45 Nguyễn Văn Cừ",
    "liên hệ 0356 789 123", "gửi xe khách giúp em", "giao cho anh Nam", "em ck luôn nhé",
    "mai giao được không", "giao trong hôm nay nhé", "đóng gói cẩn thận giúp", "gửi về Quận 7",
    "gọi trước khi giao", "nhà ở ngõ 20 Lê Thánh Tông",
]
STATUS = [
    "đơn hàng của em đến đâu rồi", "đơn {o} giao chưa", "kiểm tra đơn {o} giúp mình",
    "bao giờ hàng tới", "sao chưa thấy giao hàng", "đơn của mình đang ở đâu",
    "hàng gửi đi chưa", "mã vận đơn là gì", "tra cứu đơn hàng", "đơn hôm qua đã xác nhận chưa",
    "đơn {o} sao lâu thế", "mấy ngày nữa thì nhận được hàng", "shipper đến chưa",
]
CANCEL = [
    "hủy đơn giúp mình", "hủy đơn {o}", "thôi không lấy nữa, hủy giúp em", "cho em hủy đơn",
    "bỏ đơn hàng vừa đặt", "đừng gửi hàng nữa", "em muốn hủy đơn {o}", "hủy giúp chị đơn hôm qua",
    "không mua nữa đâu, hủy đi", "xóa đơn giúp mình",
]
HANDOFF = [
    "cho em gặp nhân viên", "mình muốn nói chuyện với người thật", "gọi cho em được không",
    "cho mình xin số hotline", "chuyển máy cho nhân viên tư vấn", "có ai trực không, gặp người",
    "mình muốn khiếu nại", "cần người hỗ trợ trực tiếp", "cho em nói chuyện với chủ shop",
    "cho mình chat với chủ cửa hàng", "có ai là người thật không",
]
HELP = [
    "bot này làm được gì", "hướng dẫn mình dùng với", "mình nên hỏi gì", "có những chức năng gì",
    "dùng trang này thế nào", "mình không biết bắt đầu từ đâu", "bot hỗ trợ những gì",
]
INFORM = [
    "địa chỉ của em là 15 Hạ Long, Bãi Cháy", "số điện thoại mình 0912 888 777",
    "tên em là Hương", "gửi về Hoàng Mai, Hà Nội nhé", "người nhận chị Mai 0977 123 456",
    "mình ở phường Hồng Gai", "em thanh toán chuyển khoản", "giao buổi sáng giúp em",
    "sđt 0388 456 789, tên Minh", "địa chỉ khu 3 phường Cao Xanh", "em ở Cẩm Phả",
    "nhận hàng tại khách sạn Novotel", "trả tiền mặt khi nhận hàng", "tên người nhận Lê Văn An",
]
