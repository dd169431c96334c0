import type { SeedPage } from "@/lib/dal/posts/seed-pages";

/*
 * The English versions of the sample pages (Giới thiệu, Liên hệ), each linked to its Vietnamese
 * original on the first start. Sample text, and it says so, like the Vietnamese pages.
 */

const text = (value: string) => ({ type: "text", text: value });
const p = (value: string) => ({ type: "paragraph", content: [text(value)] });
const h2 = (value: string) => ({ type: "heading", attrs: { level: 2 }, content: [text(value)] });
const doc = (...content: object[]) => ({ type: "doc", content });
const SAMPLE_NOTE = p("This is sample text. Replace it with the agency's official information under Admin › Pages.");

export const ENGLISH_PAGES: Array<SeedPage & { translationOf: string }> = [
  {
    path: "about",
    translationOf: "gioi-thieu",
    title: "About us",
    lead: "The Intellectual Property Office of Viet Nam is an agency of the Ministry of Science and Technology responsible for industrial property.",
    body: doc(
      SAMPLE_NOTE,
      p("The Office grants industrial property rights for inventions, industrial designs, trademarks, geographical indications and layout designs of semiconductor integrated circuits, and helps organisations and individuals protect their rights."),
    ),
  },
  {
    path: "contact",
    translationOf: "lien-he",
    title: "Contact",
    lead: "The Office's address, telephone and working hours.",
    body: doc(
      SAMPLE_NOTE,
      h2("Head office"),
      p("386 Nguyen Trai, Thanh Xuan, Ha Noi, Viet Nam."),
      h2("Working hours"),
      p("Monday to Friday, 8:00–12:00 and 13:00–17:00 (Vietnam time, GMT+7)."),
    ),
  },
];
