import { NotFoundMessage } from "@/components/site/NotFoundMessage";
import PublicLayout from "./(public)/layout";

export const metadata = { title: "Không tìm thấy trang" };

/** An address no route matches: shown with the public site's header and footer. */
export default function NotFound() {
  return (
    <PublicLayout>
      <NotFoundMessage />
    </PublicLayout>
  );
}
