import { notFound, permanentRedirect } from "next/navigation";
import { Breadcrumb } from "@/components/site/Breadcrumb";
import { PostList } from "@/components/posts/PostList";
import { getCategoryLookup, getCategoryPosts, type CategoryLookup } from "@/lib/dal/public/posts";
import { isSlugLike } from "@/lib/routing/page-param";

export const categoryHref = (slug: string, page: number) => (page === 1 ? `/chuyen-muc/${slug}` : `/chuyen-muc/${slug}/trang/${page}`);

/** What a category address shows: the category, a redirect from an old slug (after a rename), or nothing. */
export async function lookupCategory(slug: string): Promise<CategoryLookup> {
  return isSlugLike(slug) ? getCategoryLookup(slug) : { kind: "missing" };
}

/** The category itself, or null for an address that redirects or does not exist (used for metadata). */
export async function findCategory(slug: string) {
  const found = await lookupCategory(slug);
  return found.kind === "category" ? found.category : null;
}

export async function CategoryListing({ slug, page }: { slug: string; page: number }) {
  const found = await lookupCategory(slug);
  // Old links (bookmarks, search engines) follow a renamed category, page number included.
  if (found.kind === "redirect") permanentRedirect(categoryHref(found.slug, page));
  if (found.kind === "missing") notFound();
  const { category } = found;
  const result = await getCategoryPosts(category.id, page);
  if (page > result.pageCount) notFound();
  return (
    <>
      <Breadcrumb items={[{ label: "Trang chủ", href: "/" }, { label: category.name }]} />
      <h1 className="mt-3 text-3xl font-bold">
        {category.name}
        {page > 1 && <span className="text-xl font-normal text-muted"> – trang {page}</span>}
      </h1>
      {category.description && <p className="mt-2 text-muted">{category.description}</p>}
      <PostList result={result} hrefFor={(p) => categoryHref(category.slug, p)} emptyText="Chuyên mục này chưa có bài viết." />
    </>
  );
}
