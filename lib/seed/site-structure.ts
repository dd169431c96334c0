import "server-only";
import type { Db } from "@/lib/dal/connection";
import { seedHomeLayout, seedMenu, seedPageTree, type SeedEntry } from "@/lib/dal/seed/site-structure";
import { seedSiteProfile } from "@/lib/dal/site/profile";

/** Related agencies' sites for the "Liên kết" list: real addresses a newcomer can follow. */
const RELATED_SITES: Array<{ label: string; url: string }> = [
  { label: "Cổng Thông tin điện tử Chính phủ", url: "https://chinhphu.vn" },
  { label: "Bộ Khoa học và Công nghệ", url: "https://most.gov.vn" },
  { label: "Cơ sở dữ liệu quốc gia về văn bản pháp luật", url: "https://vbpl.vn" },
  { label: "Cổng Dịch vụ công quốc gia", url: "https://dichvucong.gov.vn" },
];

/**
 * The site's structure on a first start: its settings from the start-time values, a header menu,
 * footer links, the "Liên kết" list and a home page layout, so a newcomer sees the whole site at
 * once. Each part is written only where none exists, and pages are found by their path
 * (`gioi-thieu`, `lien-he`, …): an entry whose page is missing is left out, so this may run before
 * or after the pages are seeded (after, the menus name them). Later starts never call it.
 */
export function seedSiteStructure(db: Db): { written: string[] } {
  const written: string[] = [];
  seedSiteProfile(db);
  const about = seedPageTree(db, "gioi-thieu");
  const header: SeedEntry[] = [
    { label: "Trang chủ", target: { kind: "url", url: "/" } },
    ...(about ? [{ label: about.title, target: { kind: "page" as const, id: about.id } }, ...about.children.map((child) => ({ label: child.title, depth: 1 as const, target: { kind: "page" as const, id: child.id } }))] : []),
    { categories: true },
    { page: "lien-he", label: "Liên hệ" },
  ];
  if (seedMenu(db, "header", header)) written.push("trình đơn đầu trang");
  const footer: SeedEntry[] = [
    { page: "gioi-thieu", label: "Giới thiệu" },
    { page: "lien-he", label: "Liên hệ" },
    { page: "tuyen-bo-kha-nang-tiep-can", label: "Tuyên bố về khả năng tiếp cận" },
    { label: "Tin mới qua RSS", target: { kind: "url", url: "/rss.xml" } },
  ];
  if (seedMenu(db, "footer", footer)) written.push("liên kết chân trang");
  if (seedMenu(db, "links", RELATED_SITES.map((site) => ({ label: site.label, target: { kind: "url", url: site.url } })))) written.push("danh sách Liên kết");
  if (seedHomeLayout(db)) written.push("bố cục trang chủ");
  return { written };
}
