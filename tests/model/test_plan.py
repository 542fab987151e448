"""The targets of the commune's plan (products/_ke-hoach.yml): a mistake in them is named with file, line
and field by `ocop check`, `ocop report` and the build."""
from __future__ import annotations

import pytest


PLAN_MISTAKES = {
    "unknown-product": ("nem-huan-hong", "nem-huan-hongg", 11, "targets[0].keep[1]", "không có sản phẩm có địa chỉ trang 'nem-huan-hongg'"),
    "keep-and-new": ("    new: 1\n", "    new: 1\n    keep: [nem-huan-hong]\n", 12, "targets[1]", "một trong hai"),
    "stars-too-low": ("    stars: 3\n    new: 1", "    stars: 2\n    new: 1", 13, "targets[1].stars", "lớn hơn hoặc bằng 3"),
}


@pytest.mark.parametrize("case", PLAN_MISTAKES)
def test_plan_mistakes_are_explained(project, case):
    old, new, line, field, words = PLAN_MISTAKES[case]
    plan = project.products / "_ke-hoach.yml"
    text = plan.read_text(encoding="utf-8")
    assert old in text
    plan.write_text(text.replace(old, new, 1), encoding="utf-8")
    for command in ("check", "report"):
        result = project.ocop(command)
        assert result.code == 1 and "Traceback" not in result.text
        assert f"products/_ke-hoach.yml:{line}: trường '{field}'" in result.err and words in result.err, result.err
    # The build refuses what the check refuses: a published site is never built beside a broken plan.
    built = project.build()
    assert built.code != 0 and f"products/_ke-hoach.yml:{line}: trường '{field}'" in built.text
    assert not (project.site / "index.html").exists()
