import { ArticleRoute, articleRouteMetadata } from "@/components/site/views/ArticleRoute";

type Props = { params: Promise<{ slug: string }> };

export const generateMetadata = async ({ params }: Props) => articleRouteMetadata((await params).slug, "vi");

export default async function ArticlePage({ params }: Props) {
  return <ArticleRoute slug={(await params).slug} language="vi" />;
}
