import { HomeView, homeMetadata } from "@/components/site/views/HomeView";

export const generateMetadata = () => homeMetadata("en");

/** The English site's home page. */
export default function EnglishHomePage() {
  return <HomeView language="en" />;
}
