/** The line under a list's filters: how many matched and which page this is, or why nothing is shown. */
export function FilterResultCount({ total, page, pageCount, noun, emptyText }: { total: number; page: number; pageCount: number; noun: string; emptyText: string }) {
  return <p className="mt-6">{total === 0 ? emptyText : `${total} ${noun}${pageCount > 1 ? `, trang ${page}/${pageCount}` : ""}.`}</p>;
}
