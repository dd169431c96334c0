import type { PublicDocument } from "@/lib/dal/documents";
import { ATTACHMENT_TYPES } from "@/lib/attachments/kinds";
import type { ValidityStatus } from "@/lib/documents/status";

// schema.org's LegalForceStatus; "not yet effective" is not in force yet.
const LEGAL_FORCE: Record<ValidityStatus, string> = {
  not_yet_effective: "https://schema.org/NotInForce",
  in_force: "https://schema.org/InForce",
  partly_expired: "https://schema.org/PartiallyInForce",
  expired: "https://schema.org/NotInForce",
};

/** schema.org `Legislation` for a document's page: what search engines and legal aggregators read. */
export function legislationJsonLd(document: PublicDocument, origin: string): Record<string, unknown> {
  const url = `${origin}${document.href}`;
  const changes = [...document.relations.replaces, ...document.relations.amends].map((r) => ({ "@type": "Legislation", legislationIdentifier: r.number, url: `${origin}${r.href}` }));
  return {
    "@context": "https://schema.org",
    "@type": "Legislation",
    name: `${document.type} ${document.number}`,
    abstract: document.title,
    url,
    legislationIdentifier: document.number,
    legislationType: document.type,
    legislationDate: document.issuedOn,
    legislationJurisdiction: "VN",
    legislationPassedBy: { "@type": "Organization", name: document.issuer },
    ...(document.signer ? { legislationResponsible: { "@type": "Person", name: document.signer } } : {}),
    ...(document.status ? { legislationLegalForce: LEGAL_FORCE[document.status] } : {}),
    ...(document.effectiveFrom ? { temporalCoverage: `${document.effectiveFrom}/${document.effectiveUntil ?? ".."}` } : {}),
    ...(document.fields.length > 0 ? { keywords: document.fields.join(", ") } : {}),
    ...(changes.length > 0 ? { legislationChanges: changes } : {}),
    ...(document.nationalDatabaseUrl ? { sameAs: document.nationalDatabaseUrl } : {}),
    ...(document.files.length > 0
      ? { encoding: document.files.map((f) => ({ "@type": "MediaObject", name: f.label, contentUrl: `${origin}${f.href}`, encodingFormat: ATTACHMENT_TYPES[f.kind].mimeType, contentSize: `${f.bytes} B` })) }
      : {}),
    inLanguage: "vi",
  };
}
