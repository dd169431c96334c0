import { SearchView, searchMetadata } from "@/components/site/views/SearchView";
import type { RawSearchParams } from "@/lib/search/params";

type Props = { searchParams: Promise<RawSearchParams> };

export const generateMetadata = ({ searchParams }: Props) => searchMetadata(searchParams, "en");

export default function EnglishSearchPage({ searchParams }: Props) {
  return <SearchView searchParams={searchParams} language="en" />;
}
