import type { SeedPage } from "@/lib/dal/posts/seed-pages";

/*
 * The standing pages a new site starts with, so a newcomer sees the whole site at once. Their text
 * is sample text, and says so: the agency replaces it with its own in the editor.
 */

const text = (value: string) => ({ type: "text", text: value });
const p = (value: string) => ({ type: "paragraph", content: [text(value)] });
const h2 = (value: string) => ({ type: "heading", attrs: { level: 2 }, content: [text(value)] });
const list = (...items: string[]) => ({ type: "bulletList", content: items.map((item) => ({ type: "listItem", content: [p(item)] })) });
const doc = (...content: object[]) => ({ type: "doc", content });
const SAMPLE_NOTE = p("Đây là nội dung mẫu của trang. Hãy thay bằng thông tin chính thức của cơ quan trong mục Quản trị › Trang.");

export const SAMPLE_PAGES: SeedPage[] = [
  {
    path: "gioi-thieu",
    title: "Giới thiệu",
    lead: "Cục Sở hữu trí tuệ là cơ quan thuộc Bộ Khoa học và Công nghệ, thực hiện quản lý nhà nước về sở hữu công nghiệp.",
    body: doc(
      SAMPLE_NOTE,
      p("Cục thực hiện việc xác lập quyền sở hữu công nghiệp đối với sáng chế, kiểu dáng công nghiệp, nhãn hiệu, chỉ dẫn địa lý và thiết kế bố trí mạch tích hợp bán dẫn, đồng thời hỗ trợ tổ chức, cá nhân bảo vệ quyền của mình."),
      p("Các trang dưới đây giới thiệu chức năng, nhiệm vụ và cơ cấu tổ chức của Cục."),
    ),
    children: [
      {
        path: "gioi-thieu/chuc-nang-nhiem-vu",
        title: "Chức năng, nhiệm vụ",
        lead: "Những việc Cục được giao theo quy định hiện hành.",
        body: doc(
          SAMPLE_NOTE,
          h2("Chức năng"),
          p("Cục tham mưu, giúp Bộ trưởng quản lý nhà nước và tổ chức thực thi pháp luật về sở hữu trí tuệ trong lĩnh vực sở hữu công nghiệp."),
          h2("Nhiệm vụ"),
          list("Xây dựng và trình ban hành văn bản quy phạm pháp luật về sở hữu công nghiệp.", "Tiếp nhận, xử lý đơn và cấp văn bằng bảo hộ.", "Tuyên truyền, phổ biến và hợp tác quốc tế về sở hữu trí tuệ."),
        ),
      },
      {
        path: "gioi-thieu/co-cau-to-chuc",
        title: "Cơ cấu tổ chức",
        lead: "Lãnh đạo Cục và các đơn vị trực thuộc.",
        body: doc(
          SAMPLE_NOTE,
          h2("Lãnh đạo Cục"),
          p("Cục trưởng và các Phó Cục trưởng (họ tên, lĩnh vực phụ trách và thông tin liên hệ do cơ quan cập nhật)."),
          h2("Các đơn vị"),
          list("Văn phòng Cục", "Phòng Tổ chức cán bộ", "Phòng Thông tin", "Trung tâm Thẩm định sở hữu công nghiệp"),
        ),
      },
    ],
  },
  {
    path: "lien-he",
    title: "Liên hệ",
    lead: "Địa chỉ, điện thoại và giờ làm việc của Cục.",
    body: doc(
      SAMPLE_NOTE,
      h2("Trụ sở"),
      p("386 Nguyễn Trãi, Thanh Xuân, Hà Nội."),
      h2("Giờ làm việc"),
      p("Thứ Hai đến thứ Sáu, sáng 8:00–12:00, chiều 13:00–17:00."),
      h2("Đầu mối tiếp nhận"),
      p("Văn phòng Cục tiếp nhận thư từ, ý kiến góp ý và yêu cầu cung cấp thông tin của tổ chức, cá nhân."),
    ),
  },
  {
    path: "tuyen-bo-kha-nang-tiep-can",
    title: "Tuyên bố về khả năng tiếp cận",
    lead: "Cổng thông tin được làm để mọi người đọc được, kể cả người khiếm thị, người nhìn kém, người dùng bàn phím và người đọc chậm.",
    body: doc(
      h2("Tiêu chuẩn chúng tôi hướng tới"),
      p("Trang tin hướng tới mức AA của Hướng dẫn về khả năng tiếp cận nội dung web WCAG 2.2. Chế độ tương phản cao (nút “Tương phản” trên thanh công cụ) đạt mức AAA về độ tương phản của chữ."),
      h2("Cách chúng tôi kiểm tra"),
      list(
        "Mỗi lần thay đổi phần mềm, các trang công khai được kiểm tra tự động bằng axe-core ở chế độ thường, chế độ tương phản cao, khi phóng chữ 200%, trên màn hình rộng 320 px, chỉ dùng bàn phím và khi tắt JavaScript.",
        "Trước khi xuất bản, hệ thống nhắc biên tập viên các lỗi thường gặp: ảnh thiếu mô tả, tiêu đề nhảy cấp, liên kết không rõ nghĩa, bảng không có hàng tiêu đề.",
        "Mọi bài viết và trang đều có thể nghe đọc (nút “Đọc bài viết”), bằng giọng đọc của trình duyệt hoặc tệp âm thanh do máy chủ tạo.",
      ),
      h2("Những hạn chế đã biết"),
      list(
        "Một số bài viết cũ được chuyển từ hệ thống trước có ảnh với mô tả chưa đầy đủ; chúng tôi đang bổ sung dần.",
        "Tệp PDF của văn bản do cơ quan khác ban hành có thể là bản quét, chưa đọc được bằng trình đọc màn hình.",
        "Giọng đọc do máy chủ tạo là giọng tổng hợp, có thể đọc sai một số tên riêng.",
      ),
      h2("Báo cho chúng tôi khi gặp khó khăn"),
      p("Nếu bạn không đọc được, không nghe được hoặc không dùng được một phần nào của trang tin, xin báo cho Văn phòng Cục qua trang Liên hệ, ghi rõ địa chỉ trang và khó khăn gặp phải. Chúng tôi trả lời trong vòng 5 ngày làm việc và cung cấp thông tin bằng cách khác phù hợp với bạn trong thời gian sửa lỗi."),
    ),
  },
];
