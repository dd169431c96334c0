import { HomeView, homeMetadata } from "@/components/site/views/HomeView";

export const generateMetadata = () => homeMetadata("vi");

/** The Vietnamese site's home page. */
export default function HomePage() {
  return <HomeView language="vi" />;
}
