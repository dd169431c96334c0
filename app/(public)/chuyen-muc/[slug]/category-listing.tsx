import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/site/Breadcrumb";
import { PostList } from "@/components/posts/PostList";
import { getCategoryBySlug, getCategoryPosts } from "@/lib/dal/public-posts";
import { isSlugLike } from "@/lib/routing/page-param";

export const categoryHref = (slug: string, page: number) => (page === 1 ? `/chuyen-muc/${slug}` : `/chuyen-muc/${slug}/trang/${page}`);

export async function findCategory(slug: string) {
  return isSlugLike(slug) ? getCategoryBySlug(slug) : null;
}

export async function CategoryListing({ slug, page }: { slug: string; page: number }) {
  const category = await findCategory(slug);
  if (!category) notFound();
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
