import { escapeXml, XML_DECLARATION } from "./xml";

/*
 * RSS 2.0 (https://www.rssboard.org/rss-specification). Dates are RFC 822 in Vietnam time: readers
 * show them as written, and the agency's times are Vietnamese wall-clock times.
 */

export type RssItem = {
  title: string;
  /** Absolute URL of the article. */
  link: string;
  /** Absolute article URL as well: it never changes for a post, so it is a permalink GUID. */
  guid: string;
  pubDate: Date;
  /** The lead (sapo). */
  description: string;
  category?: string;
};

export type RssChannel = {
  title: string;
  link: string;
  description: string;
  /** The feed's own URL, for `atom:link rel="self"`. */
  selfUrl: string;
  /** When the channel's content last changed; without it, the newest item's date. */
  lastBuildDate?: Date;
  items: RssItem[];
  /** The language of the site the feed is from; Vietnamese when not given. */
  language?: "vi" | "en";
};

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const pad2 = (n: number) => String(n).padStart(2, "0");

/** `Thu, 31 Dec 2020 17:12:00 +0700`: RFC 822 (with a four-digit year, as RFC 1123 and every reader expect). */
export function toRfc822(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid Date");
  // Vietnam is UTC+7 all year (no daylight saving since 1975), so shifting by a fixed offset is exact.
  const t = new Date(instant.getTime() + VN_OFFSET_MS);
  return `${DAYS[t.getUTCDay()]}, ${pad2(t.getUTCDate())} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} ${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())} +0700`;
}

function element(name: string, text: string, indent: string): string {
  return `${indent}<${name}>${escapeXml(text)}</${name}>`;
}

function itemXml(item: RssItem): string {
  const lines = [
    "    <item>",
    element("title", item.title, "      "),
    element("link", item.link, "      "),
    `      <guid isPermaLink="true">${escapeXml(item.guid)}</guid>`,
    element("pubDate", toRfc822(item.pubDate), "      "),
    element("description", item.description, "      "),
  ];
  if (item.category) lines.push(element("category", item.category, "      "));
  lines.push("    </item>");
  return lines.join("\n");
}

/** The whole feed document. Every text value is escaped; nothing is passed through as markup. */
export function buildRss(channel: RssChannel): string {
  const newest = channel.items.reduce<Date | null>((latest, item) => (!latest || item.pubDate > latest ? item.pubDate : latest), null);
  const lastBuildDate = channel.lastBuildDate ?? newest;
  const lines = [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    "  <channel>",
    element("title", channel.title, "    "),
    element("link", channel.link, "    "),
    element("description", channel.description, "    "),
    element("language", channel.language ?? "vi", "    "),
    `    <atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
  ];
  if (lastBuildDate) lines.push(element("lastBuildDate", toRfc822(lastBuildDate), "    "));
  for (const item of channel.items) lines.push(itemXml(item));
  lines.push("  </channel>", "</rss>", "");
  return lines.join("\n");
}

export const RSS_CONTENT_TYPE = "application/rss+xml; charset=utf-8";
