/** Page number clamped into 1…pageCount (at least one page, even when empty), and its row offset. */
export function pageOf(total: number, requested: number | undefined, size: number): { page: number; pageCount: number; offset: number } {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.trunc(requested ?? 1) || 1), pageCount);
  return { page, pageCount, offset: (page - 1) * size };
}
