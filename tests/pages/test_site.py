"""What every page the site generates (pages/site.py) has in common: Vietnamese, no font from another
host, product pages out of the navigation, and the date its information was last confirmed.

"Thông tin tính đến ngày …" says when the information was last confirmed, never when the site was built:
a site rebuilt in 2036 from 2025 data must not call its information current in 2036.

The day comes from the file's `verified:` field, else from the day the file was last committed (where
Git history exists), else the line is left out. Certificates are still judged on the build date.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import os
import pkgutil
import re
import subprocess

import jinja2
from conftest import text_of
from jinja2 import meta, nodes

import ocop.pages
from ocop.pages.context import REDIRECT_TEMPLATE, RedirectView
from ocop.pages.product_page import ProductView
from ocop.pages.render import environment

FISH_SAUCE = "products/nam-quyen/nuoc-mam-nam-quyen.yml"
PRODUCER = "products/nam-quyen/producer.yml"
IN_2036 = str(int(dt.datetime(2036, 6, 1, 12, tzinfo=dt.timezone(dt.timedelta(hours=7))).timestamp()))
PAGES = ("san-pham/nuoc-mam-nam-quyen/", "co-so/nam-quyen/", "san-pham/")


def _append(project, relative: str, text: str) -> None:
    path = project.root / relative
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _git(project, *args: str, when: str | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Kiểm thử", GIT_AUTHOR_EMAIL="kiem-thu@example.invalid",
               GIT_COMMITTER_NAME="Kiểm thử", GIT_COMMITTER_EMAIL="kiem-thu@example.invalid")
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", *args], cwd=project.root, env=env, check=True, capture_output=True)


def _as_of(project, page: str) -> str | None:
    text = text_of(project.page(page))
    return text.split("Thông tin tính đến ngày ", 1)[1].split(".", 1)[0] if "Thông tin tính đến ngày" in text else None


def test_without_a_date_or_history_the_line_is_left_out_not_the_build_date(project):
    result = project.build(env={"SOURCE_DATE_EPOCH": IN_2036})
    assert result.code == 0, result.text
    for page in PAGES + ("co-so/huan-hong/",):
        text = text_of(project.page(page))
        assert "Thông tin tính đến ngày" not in text, page
        assert "2036" not in text, page


def test_the_verified_date_of_the_files_is_shown(project):
    _append(project, FISH_SAUCE, "verified: 15/05/2025\n")
    _append(project, PRODUCER, "verified: 2025-06-20\n")
    _append(project, FISH_SAUCE, "batches:\n  - code: L1\n    produced: 01/05/2025\n")
    result = project.build(env={"SOURCE_DATE_EPOCH": IN_2036})
    assert result.code == 0, result.text
    assert _as_of(project, "san-pham/nuoc-mam-nam-quyen/") == "15/05/2025"
    assert _as_of(project, "san-pham/nuoc-mam-nam-quyen/lo/L1/") == "15/05/2025"
    assert _as_of(project, "co-so/nam-quyen/") == "20/06/2025"  # the producer's file and its products', the latest
    assert _as_of(project, "san-pham/") == "15/05/2025"  # the latest of the listed products
    assert _as_of(project, "san-pham/nem-huan-hong/") is None
    assert _as_of(project, "co-so/huan-hong/") is None


def test_the_last_commit_date_is_shown_where_git_history_exists(project):
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "Dữ liệu", when="2025-04-10T09:00:00+07:00")
    _append(project, PRODUCER, "representative: Người đại diện thử\n")
    _git(project, "commit", "-q", "-a", "-m", "Người đại diện", when="2025-08-01T23:30:00+07:00")
    result = project.build(env={"SOURCE_DATE_EPOCH": IN_2036})
    assert result.code == 0, result.text
    assert _as_of(project, "san-pham/nuoc-mam-nam-quyen/") == "10/04/2025"
    assert _as_of(project, "co-so/nam-quyen/") == "01/08/2025"  # a Vietnam day, not the UTC one (16:30 UTC)
    assert _as_of(project, "san-pham/") == "10/04/2025"

    # The file's own date wins over its commit's.
    _append(project, FISH_SAUCE, "verified: 02/01/2025\n")
    _git(project, "commit", "-q", "-a", "-m", "Ngày xác nhận", when="2025-09-09T09:00:00+07:00")
    assert project.build_in_process(env={"SOURCE_DATE_EPOCH": IN_2036}).code == 0
    assert _as_of(project, "san-pham/nuoc-mam-nam-quyen/") == "02/01/2025"


def test_certificates_are_still_judged_on_the_build_date(project):
    text = (project.root / FISH_SAUCE).read_text(encoding="utf-8")
    (project.root / FISH_SAUCE).write_text(
        text.replace("  stars: 3\n", "  stars: 3\n  date: 01/06/2024\n") + "verified: 15/05/2025\n", encoding="utf-8"
    )
    assert project.build_in_process(env={"SOURCE_DATE_EPOCH": IN_2036}).code == 0
    page = text_of(project.page("san-pham/nuoc-mam-nam-quyen/"))
    assert "Thông tin tính đến ngày 15/05/2025." in page
    assert "đã hết hiệu lực từ ngày" in page


def test_product_pages_stay_out_of_the_navigation(built):
    """A long navigation makes MkDocs quadratic: products are reached from the catalogue only."""
    html = built.page("")
    links = re.findall(r'<a href="([^"]*)"[^>]*class="md-(?:nav|tabs)__link', html)
    assert "san-pham/" in links and "co-so/" in links
    assert not [link for link in links if "nuoc-mam-nam-quyen" in link or "co-so/nam-quyen" in link]


def test_site_is_vietnamese_and_needs_no_other_host_for_fonts(built):
    html = built.page("")
    assert '<html lang="vi"' in html
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


# What a page says when it has nothing to say: a section without content is left out, never announced.
PLACEHOLDERS = re.compile(
    r"đang (được )?cập nhật|sẽ được cập nhật|cập nhật sau|đang (được )?xây dựng|đang hoàn thiện|sắp ra mắt"
    r"|coming soon|being updated|under construction|to be added|lorem ipsum|\bTODO\b|\bTBD\b",
    re.IGNORECASE,
)


def test_no_published_page_announces_content_to_come(built):
    """/du-lich/ said "Nội dung đang được cập nhật." under two headings: an empty section is left out."""
    pages = sorted(built.site.rglob("*.html"))
    assert len(pages) > 20
    found = {
        page.relative_to(built.site).as_posix(): match.group(0)
        for page in pages
        if (match := PLACEHOLDERS.search(page.read_text(encoding="utf-8")))
    }
    assert found == {}
    tourism = text_of(built.page("du-lich/"))
    assert "Lễ hội trên địa bàn xã" not in tourism and "Sản phẩm OCOP làm quà" in tourism


# Each page kind is made by one builder (pages/<kind>_page.py) whose template receives one frozen view
# (TEMPLATE, VIEW), and reads `view.x` only for a field x of that view: a field renamed in the code and not
# in the template (or the reverse) fails here, naming both, before any page is built.
def _templates_read(env: jinja2.Environment, name: str) -> tuple[set[str], set[str]]:
    """The fields of `view` a template and the templates it includes read, and any other name it takes
    from the page's context (besides `lang` and `translated`, which every page gets)."""
    tree = env.parse(env.loader.get_source(env, name)[0])
    fields = {node.attr for node in tree.find_all(nodes.Getattr) if isinstance(node.node, nodes.Name) and node.node.name == "view"}
    # Jinja counts a name set inside one branch of an `if` as read from the context by the other branches.
    targets = [node.target for node in tree.find_all((nodes.Assign, nodes.AssignBlock))]
    assigned = {name.name for target in targets for name in [target, *target.find_all(nodes.Name)] if isinstance(name, nodes.Name)}
    others = meta.find_undeclared_variables(tree) - assigned - {"view", "lang", "translated"}
    for include in tree.find_all(nodes.Include):
        more_fields, more_others = _templates_read(env, include.template.value)
        fields, others = fields | more_fields, others | more_others
    return fields, others


def _view_problems(env: jinja2.Environment, template: str, view: type) -> list[str]:
    problems = []
    if not (dataclasses.is_dataclass(view) and view.__dataclass_params__.frozen):
        problems.append(f"{view.__name__} is not a frozen dataclass")
    fields, others = _templates_read(env, template)
    names = {field.name for field in dataclasses.fields(view)}
    problems += [f"{template} reads view.{field}, which {view.__name__} has not" for field in sorted(fields - names)]
    problems += [f"{template} reads {name} from the context, not from its view" for name in sorted(others)]
    return problems


def test_each_page_template_reads_only_the_fields_of_its_view():
    env = environment()
    pairs = {REDIRECT_TEMPLATE: RedirectView}
    for module in pkgutil.iter_modules(ocop.pages.__path__):
        if module.name.endswith("_page"):
            builder = importlib.import_module(f"ocop.pages.{module.name}")
            pairs[builder.TEMPLATE] = builder.VIEW
    assert len(pairs) == 11, pairs  # product, print, batch, producer, catalogue, directory, outlets, fairs, stamp, check; /Q/
    problems = [problem for template, view in pairs.items() for problem in _view_problems(env, template, view)]
    assert not problems, "\n".join(problems)
    # Every template that reads a view is one of those (or included by one): a new page kind comes with its pair.
    readers = {name for name in env.list_templates() if not name.startswith("_") and "view." in env.loader.get_source(env, name)[0]}
    assert readers - {"product-retired.md.j2", "where-to-buy.md.j2", "product-print.md.j2"} == set(pairs)
    # And the check sees a mistake: a field the view lacks, a name taken from the context.
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({"wrong.md.j2": "{{ view.nmae }} {{ name }}"}), env.loader])
    assert _view_problems(env, "wrong.md.j2", ProductView) == [
        "wrong.md.j2 reads view.nmae, which ProductView has not",
        "wrong.md.j2 reads name from the context, not from its view",
    ]
