import { NotFoundMessage } from "@/components/site/NotFoundMessage";

export const metadata = { title: "Không tìm thấy trang" };

/** A missing article, category or page inside the public layout (header and footer come from it). */
export default function PublicNotFound() {
  return <NotFoundMessage />;
}
