"""Trang thông tin OCOP xã Quảng Trung: dữ liệu YAML → mô hình đã kiểm tra → trang, mã QR → MkDocs.

The package's folders are its layers, in the order the data flows; a module imports only from its own
layer and those above it in this list (tests/engine/test_layers.py):

    model/   the officer's YAML files and posts → a checked Catalogue, News, Plan; every problem at once
    pages/   Catalogue → every generated page and address, through Jinja templates and message catalogues
    media/   QR codes, photo renditions, label sheets and print files, cached in .cache/ocop/
    ops/     what the officer runs: reports, publishing, the site check, the preview, the editor
    engine/  the two faces, the MkDocs (ProperDocs) plugin and the `ocop` command; the only layer that
             knows MkDocs, ProperDocs or Material

ARCHITECTURE.md has a line for every module (tests/engine/test_layers.py keeps the two in step).
"""
