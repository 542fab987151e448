"""A copy of the example site as a tourist meets it: a photo on the fish sauce, a short QR address,
and a text that has no English version yet. Built once per test session, served on localhost.

(The photo is a drawn test picture and the story a test sentence: they exist only in this copy.)
"""
from __future__ import annotations

import pytest

from conftest import copy_project, serve
from test_images import draw_photo

STORY = "Câu chuyện thử nghiệm, chưa có bản tiếng Anh."


@pytest.fixture(scope="session")
def tourist_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("tourist") / "project")
    draw_photo(project.products / "nam-quyen" / "chai.jpg")
    fish_sauce = project.products / "nam-quyen" / "nuoc-mam-nam-quyen.yml"
    text = fish_sauce.read_text(encoding="utf-8")
    assert "\ncode: NM\n" in text  # the short address a tourist scans
    fish_sauce.write_text(text + "photos:\n  - file: chai.jpg\n    alt: Ảnh thử nghiệm\n", encoding="utf-8")
    nem = project.products / "huan-hong" / "nem-huan-hong.yml"
    nem.write_text(nem.read_text(encoding="utf-8") + f"story: {STORY}\n", encoding="utf-8")
    result = project.build()
    assert result.code == 0, result.text
    with serve(project.site) as address:
        project.address = address
        yield project
