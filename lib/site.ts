/**
 * Who publishes this site, as the start-time settings say (SITE_NAME, SITE_PARENT). An admin's
 * site settings in the database win (lib/dal/site/profile.ts); these are the first start's values
 * and what a database without settings shows. Modules that never reach the database (the
 * two-factor issuer) use them as they are.
 */
export function siteDefaults() {
  return {
    name: process.env.SITE_NAME || "Cục Sở hữu trí tuệ",
    parent: process.env.SITE_PARENT || "Bộ Khoa học và Công nghệ",
    address: "386 Nguyễn Trãi, Thanh Xuân, Hà Nội",
  };
}

/** The English site's publisher until an admin saves its profile (SITE_NAME_EN, SITE_PARENT_EN). */
export function englishSiteDefaults() {
  return {
    name: process.env.SITE_NAME_EN || "Intellectual Property Office of Viet Nam",
    parent: process.env.SITE_PARENT_EN || "Ministry of Science and Technology",
    address: "386 Nguyen Trai, Thanh Xuan, Ha Noi, Viet Nam",
  };
}

export const site = {
  ...siteDefaults(),
  description: "Tin tức, hoạt động và thông báo của Cục Sở hữu trí tuệ.",
};

/** A one-line description of the site for feeds and search engines. */
export const siteDescription = (name: string) => `Tin tức, hoạt động và thông báo của ${name}.`;

/** The absolute origin of the public site (links in feeds, sitemaps and shared cards). */
export function siteUrl(): string {
  return (process.env.SITE_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, "");
}
