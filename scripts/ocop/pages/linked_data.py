"""schema.org data about a product and its producer, for search engines (JSON-LD in each page's head).

Only facts the data holds are stated. `hasCertification` appears only while the certificate is known to
be valid: an expired certificate, or one whose decision date is unknown, is not claimed to a machine.
The pages carry these dictionaries in their front matter; `engine/theme/partials/ocop-share.html` prints
them inside <script> with every "<" escaped.
"""
from __future__ import annotations

from typing import Any

from ..model.certificate import CertificateStatus
from ..model.entries import ProducerEntry, ProductEntry
from ..model.producer import Producer

CONTEXT = "https://schema.org"


def organisation(producer: Producer, page_url: str) -> dict[str, Any]:
    """A producer with a place to visit is a LocalBusiness; otherwise, an Organization."""
    data: dict[str, Any] = {
        "@type": "LocalBusiness" if producer.address or producer.location else "Organization",
        "name": producer.name,
        "url": page_url,
    }
    if producer.address:
        address = {
            "@type": "PostalAddress",
            "streetAddress": producer.address.village,
            "addressLocality": producer.address.commune,
            "addressRegion": producer.address.province,
            "addressCountry": "VN",
        }
        data["address"] = {key: value for key, value in address.items() if value}
    if producer.location:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": producer.location.lat, "longitude": producer.location.lon}
    if producer.phone:
        data["telephone"] = producer.phone
    if producer.email:
        data["email"] = producer.email
    if producer.website:
        data["sameAs"] = producer.website
    return data


def certification(status: CertificateStatus) -> dict[str, Any]:
    cert = status.certification
    data: dict[str, Any] = {
        "@type": "Certification",
        "name": f"OCOP {cert.stars} sao",
        "certificationRating": {"@type": "Rating", "ratingValue": cert.stars, "bestRating": 5, "worstRating": 1},
        "certificationStatus": "https://schema.org/CertificationActive",
        "expires": status.valid_until.isoformat(),
    }
    if cert.decision:
        data["certificationIdentification"] = cert.decision
    if cert.issuer:
        data["issuedBy"] = {"@type": "Organization", "name": cert.issuer}
    if cert.date:
        data["validFrom"] = cert.date.isoformat()
    return data


def product_data(
    entry: ProductEntry, status: CertificateStatus, page_url: str, producer_url: str, images: list[str], description: str
) -> dict[str, Any]:
    producer = entry.producer.model
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Product",
        "name": entry.model.name,
        "description": description,
        "url": page_url,
        "category": " › ".join(entry.group_path),
        "brand": {"@type": "Brand", "name": producer.name},
        "manufacturer": organisation(producer, producer_url),
    }
    if images:
        data["image"] = images
    if status.is_valid:
        data["hasCertification"] = certification(status)
    return data


def producer_data(producer: ProducerEntry, page_url: str, images: list[str], description: str) -> dict[str, Any]:
    data = {"@context": CONTEXT, **organisation(producer.model, page_url), "description": description}
    if images:
        data["image"] = images
    return data
