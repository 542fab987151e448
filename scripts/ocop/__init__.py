"""Trang thông tin OCOP xã Quảng Trung: dữ liệu YAML → mô hình đã kiểm tra → trang, mã QR → MkDocs.

Data flow, one module a stage:

    reader      YAML text → plain data with the line of every field (and no surprises: no tags, aliases)
    models      plain data → typed, validated Producer / Product / Certification
    catalogue   all files of products/ → one checked Catalogue (references, unique slugs, photos)
    qr          an address → QR code bytes (SVG, PNG), cached by what they encode
    render      models → Markdown through the Jinja templates in templates/
    images      a photo → the widths and formats a phone chooses from, cached on disk
    prepare     what a first build lacks in the cache (photos, codes, label sheets), made on every core
    site        Catalogue → every generated file of the site (pages, QR codes, photos)
    sitecheck   the built site → every broken link, image or printed address, before anyone sees it
    plugin, cli the two thin faces: the MkDocs plugin and the `ocop` command
"""
