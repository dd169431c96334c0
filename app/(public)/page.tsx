import { HomeListing } from "./home-listing";

export default function HomePage() {
  return <HomeListing page={1} />;
}
