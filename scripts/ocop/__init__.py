"""Trang thông tin OCOP của một xã: dữ liệu YAML → mô hình đã kiểm tra → trang, mã QR → MkDocs.

The package's folders are its layers, in the order the data flows; a module imports only from its own
layer and those above it in this list (tests/engine/test_layers.py):

    model/   the officer's YAML files and posts → a checked Catalogue, News, Plan; every problem at once
    web/     where each thing is published: every address, what each QR code encodes, the names of a
             photo's renditions, the languages and their message catalogues
    media/   QR codes, photo renditions, label sheets and print files, cached in .cache/ocop/
    pages/   Catalogue and media → every generated page, through Jinja templates
    ops/     what the officer runs: reports, publishing, the site check, the preview, the editor
    engine/  the two faces, the MkDocs (ProperDocs) plugin and the `ocop` command; the only layer that
             knows MkDocs, ProperDocs or Material

ARCHITECTURE.md has a line for every module (tests/engine/test_layers.py keeps the two in step).
"""
