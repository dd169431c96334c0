/** Who publishes this site; shown in the header, footer, titles and feeds. */
export const site = {
  name: process.env.SITE_NAME || "Cục Sở hữu trí tuệ",
  parent: process.env.SITE_PARENT || "Bộ Khoa học và Công nghệ",
  description: "Tin tức, hoạt động và thông báo của Cục Sở hữu trí tuệ.",
  address: "386 Nguyễn Trãi, Thanh Xuân, Hà Nội",
};

/** The absolute origin of the public site (links in feeds, sitemaps and shared cards). */
export function siteUrl(): string {
  return (process.env.SITE_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, "");
}
