/**
 * Every interface word of the Vietnamese public site. The English site's dictionary (../en) has
 * the same keys (its type is this one's), and the public components take the dictionary of the
 * page's language, so there is one set of components for both sites.
 */
import { formatDateLine, formatVietnamDate } from "@/lib/vi/date-line";
import { viReader } from "./reader";

export const vi = {
  languageName: "Tiếng Việt",
  /** The switcher's link to the other site, and what it says to screen readers. */
  switchTo: { label: "English", description: "Xem trang này bằng tiếng Anh" },
  dateLine: formatDateLine,
  date: formatVietnamDate,
  number: (n: number) => n.toLocaleString("vi-VN"),
  site: {
    description: (name: string) => `Tin tức, hoạt động và thông báo của ${name}.`,
    skipToContent: "Bỏ qua, đến nội dung chính",
    mainMenu: "Trình đơn chính",
    menuButton: "Trình đơn",
    searchRegion: "Tìm kiếm trên trang",
    search: "Tìm kiếm",
    searchPlaceholder: "Từ khoá…",
    externalLink: " (trang ngoài)",
    languages: "Ngôn ngữ",
  },
  footer: {
    address: "Địa chỉ",
    phone: "Điện thoại",
    hotline: "Đường dây nóng",
    email: "Thư điện tử",
    workingHours: "Giờ làm việc",
    information: "Thông tin",
    categories: "Chuyên mục",
    links: "Liên kết",
    timeZone: "Thời gian trên trang là giờ Việt Nam (GMT+7).",
  },
  feeds: {
    latest: (site: string) => `Tin mới – ${site}`,
    category: (name: string, site: string) => `Chuyên mục ${name} – ${site}`,
    categoryDescription: (name: string, site: string) => `Tin ${name} của ${site}.`,
  },
  breadcrumb: { label: "Đường dẫn trang", home: "Trang chủ" },
  pagination: { label: "Phân trang", previous: "Trang trước", next: "Trang sau", page: "Trang " },
  home: {
    title: (site: string) => `Trang chủ – ${site}`,
    featured: "Tin nổi bật",
    latest: "Tin mới",
    empty: "Chưa có bài viết nào.",
    older: "Xem thêm tin cũ hơn",
    allOfCategory: (name: string) => `Xem tất cả tin ${name}`,
    aside: "Thông báo và liên kết",
    announcements: "Thông báo",
    noAnnouncements: "Chưa có thông báo.",
    allAnnouncements: "Xem tất cả thông báo",
    links: "Liên kết",
    listingTitle: "Tin tức mới nhất",
    listingPageTitle: (page: number | string) => `Tin tức – trang ${page}`,
  },
  pageSuffix: (page: number | string) => ` – trang ${page}`,
  category: {
    empty: "Chuyên mục này chưa có bài viết.",
    notFound: "Không tìm thấy chuyên mục",
  },
  article: {
    notFound: "Không tìm thấy bài viết",
    related: "Tin liên quan",
    noRelated: "Chưa có tin khác trong chuyên mục này.",
    printAddress: "Địa chỉ bài viết:",
    corrections: "Đính chính",
    correctionOn: "Đính chính ngày",
    citedDocuments: "Văn bản liên quan",
  },
  page: {
    updated: "Cập nhật lần cuối:",
    children: "Trong mục này",
    printAddress: "Địa chỉ trang:",
  },
  notFound: {
    title: "Không tìm thấy trang",
    text: "Trang bạn tìm không tồn tại hoặc đã được gỡ. Có thể đường dẫn bị gõ sai, hoặc bài viết đã được chuyển sang địa chỉ khác.",
    home: "Về Trang chủ",
  },
  search: {
    title: "Tìm kiếm",
    titleFor: (q: string) => `Tìm kiếm: ${q}`,
    form: "Tìm và lọc bài viết",
    keywords: "Từ khoá",
    hint: "Gõ có dấu hay không dấu đều được; đặt cụm từ trong dấu ngoặc kép để tìm đúng cụm đó.",
    category: "Chuyên mục",
    all: "Tất cả",
    from: "Từ ngày",
    to: "Đến ngày",
    submit: "Tìm kiếm",
    prompt: "Nhập từ khoá để tìm bài viết, ví dụ: hội nghị tổng kết.",
    needsLetters: "Từ khoá cần có ít nhất một chữ hoặc số. Ví dụ: hội nghị tổng kết.",
    inCategory: (name: string) => ` trong chuyên mục ${name}`,
    none: (quoted: string) => `Không tìm thấy bài viết nào cho ${quoted}`,
    tryThese: "Bạn có thể thử:",
    withoutFilters: "Tìm lại không dùng bộ lọc chuyên mục và ngày",
    otherWords: "Dùng từ khoá khác, ngắn hơn hoặc ít từ hơn.",
    noQuotes: "Bỏ dấu ngoặc kép để tìm từng từ thay vì cả cụm.",
    spelling: "Kiểm tra chính tả; gõ không dấu cũng được, ví dụ: hoi nghi.",
    found: (count: string, quoted: string, lowerBound: boolean) => `Tìm thấy ${lowerBound ? "hơn " : ""}${count} bài viết cho ${quoted}`,
    pageOf: (page: number, pageCount: number) => ` (trang ${page}/${pageCount})`,
    standingPage: "Trang thông tin",
    problems: {
      category: "Không có chuyên mục này; đang tìm trong tất cả chuyên mục.",
      from: "“Từ ngày” không phải một ngày hợp lệ; bộ lọc này bị bỏ qua.",
      to: "“Đến ngày” không phải một ngày hợp lệ; bộ lọc này bị bỏ qua.",
      order: "“Từ ngày” đang sau “Đến ngày”, nên không có bài viết nào khớp.",
    },
  },
  reader: viReader,
};

export type Dictionary = typeof vi;
