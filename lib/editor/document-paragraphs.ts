/** The text of an editor document (its JSON), one string per block, for showing two versions side by side. */

type Node = { type?: unknown; text?: unknown; content?: unknown };

function inlineText(node: Node): string {
  if (typeof node.text === "string") return node.text;
  if (node.type === "hardBreak") return "\n";
  return Array.isArray(node.content) ? (node.content as Node[]).map(inlineText).join("") : "";
}

const hasInlineContent = (node: Node) => Array.isArray(node.content) && (node.content as Node[]).some((c) => typeof c.text === "string" || c.type === "hardBreak");

export function documentParagraphs(json: unknown): string[] {
  const blocks: string[] = [];
  const walk = (node: Node) => {
    if (!node || typeof node !== "object") return;
    if (hasInlineContent(node)) {
      const text = inlineText(node).trim();
      if (text) blocks.push(text);
      return;
    }
    if (Array.isArray(node.content)) (node.content as Node[]).forEach(walk);
  };
  walk(json as Node);
  return blocks;
}

/** The same, from the JSON string a form carries; anything unreadable shows as nothing rather than failing. */
export function bodyParagraphs(body: string | undefined): string[] {
  if (!body) return [];
  try {
    return documentParagraphs(JSON.parse(body));
  } catch {
    return [];
  }
}
