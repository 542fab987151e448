"""The editor at /quan-tri/ (Sveltia CMS), as the officer meets it: `ocop serve`, Chromium, a project folder.

The CMS works on a folder the browser is given through `showDirectoryPicker`; here that picker answers
with a folder of the browser's own private file system (OPFS) holding a copy of the project, `.git`
included, and what the CMS writes there is copied back into the project to be checked and built.
"""
from __future__ import annotations

import base64
import json
import os
import re
import signal
import subprocess
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from conftest import (
    BIN,
    ROOT,
    copy_project,
    environment,
    free_port,
    full_tier_fixture,
    only_from,
    wait_until,
)
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

# The guide's pictures of the editor (scripts/ocop/pages/guide/trinh-soan-thao.md), taken on every run by the test
# that fills a product and a post on the guide's fictional site (xã Ví Dụ, scripts/guide_project.py: every
# commune ships the guide), into a folder of its own, and compared with the
# committed ones: same size, same labels and hints on screen (kept in each PNG as a text chunk; pixels
# differ with fonts and timing). OCOP_GUIDE_SCREENSHOTS=1 writes them into scripts/ocop/pages/guide/anh-trinh-soan-thao/
# (anh/ holds the site's pictures, made by scripts/guide-screenshots.py).
GUIDE_PICTURES = ROOT / "scripts" / "ocop" / "pages" / "guide" / "anh-trinh-soan-thao"
LABELS_CHUNK = "ocop-labels"

# What a picture shows that names something: field labels and hints, collections, entries, dialog titles.
VISIBLE_LABELS = """
() => [...document.querySelectorAll("h1, h2, h3, h4, p.hint, [role=treeitem], [role=row], [role=gridcell]")]
  .filter(e => e.checkVisibility() && (r => r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth)(e.getBoundingClientRect()))
  .map(e => [...e.querySelectorAll(".icon")].reduce((text, icon) => text.replace(icon.textContent, ""), e.innerText))
  .map(text => text.replace(/\\s+/g, " ").trim()).filter(Boolean)
"""


def picture(page, name: str, folder: Path) -> None:
    """The guide's picture `name`, taken now into `folder` with the labels it shows (and into the guide with
    OCOP_GUIDE_SCREENSHOTS=1): a small palette PNG, as the site's pictures."""
    from PIL import Image, PngImagePlugin

    folder.mkdir(parents=True, exist_ok=True)
    labels = page.evaluate(VISIBLE_LABELS)
    page.screenshot(path=str(folder / name))
    with Image.open(folder / name) as shot:
        small = shot.convert("RGB").quantize(colors=256)
    info = PngImagePlugin.PngInfo()
    info.add_text(LABELS_CHUNK, json.dumps(labels, ensure_ascii=False))
    small.save(folder / name, pnginfo=info, optimize=True)
    if os.environ.get("OCOP_GUIDE_SCREENSHOTS") == "1":
        small.save(GUIDE_PICTURES / name, pnginfo=info, optimize=True)


def assert_pictures_current(folder: Path) -> None:
    """The committed pictures show what the editor shows now: same size, same labels and hints."""
    from PIL import Image

    for fresh_file in sorted(folder.glob("*.png")):
        rerun = f"{fresh_file.name} is stale: retake it with OCOP_GUIDE_SCREENSHOTS=1 (CONTRIBUTING.md)"
        with Image.open(fresh_file) as fresh, Image.open(GUIDE_PICTURES / fresh_file.name) as committed:
            assert committed.size == fresh.size, rerun
            assert LABELS_CHUNK in committed.info, rerun
            assert json.loads(committed.info[LABELS_CHUNK]) == json.loads(fresh.info[LABELS_CHUNK]), rerun

# What the folder picker answers: a copy of the project in the origin's private file system.
PICKER = """
window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle("project");
"""

FILL = """
async (files) => {
  const root = await navigator.storage.getDirectory();
  try { await root.removeEntry("project", {recursive: true}); } catch (e) {}
  const project = await root.getDirectoryHandle("project", {create: true});
  for (const [path, data] of Object.entries(files)) {
    const parts = path.split("/");
    let folder = project;
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
    const file = await folder.getFileHandle(parts.at(-1), {create: true});
    const writable = await file.createWritable();
    await writable.write(Uint8Array.from(atob(data), c => c.charCodeAt(0)));
    await writable.close();
  }
}
"""

READ_BACK = """
async () => {
  const found = {};
  async function walk(folder, prefix) {
    for await (const [name, handle] of folder.entries()) {
      if (handle.kind === "directory") { if (name !== ".git") await walk(handle, prefix + name + "/"); }
      else {
        const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
        let text = ""; for (const b of bytes) text += String.fromCharCode(b);
        found[prefix + name] = btoa(text);
      }
    }
  }
  await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle("project"), "");
  return found;
}
"""


def project_files(root: Path) -> dict[str, str]:
    """Every file the CMS may read, base64, with a `.git` as a clone has."""
    files = {}
    for part in ("mkdocs.yml", "docs", "products", ".git/HEAD", ".git/config"):
        path = root / part
        for file in [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()):
            files[file.relative_to(root).as_posix()] = base64.b64encode(file.read_bytes()).decode()
    return files


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=root, check=True, capture_output=True, text=True,
    ).stdout


@contextmanager
def ocop_serve(root: Path, port: int, log: Path):
    with open(log, "w", encoding="utf-8") as output:
        process = subprocess.Popen(
            [str(BIN / "ocop"), "serve", "--address", f"127.0.0.1:{port}"], cwd=root, env=environment(),
            stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        yield process
    finally:
        try:
            os.killpg(process.pid, signal.SIGINT)
            process.wait(timeout=20)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except OSError as error:
        return getattr(error, "code", 0), b""


@contextmanager
def serving_a_clone(root: Path, extra: dict[str, str] | None = None):
    """A clone of the project (a Git repository) at `root`, with the `extra` files, and `ocop serve` on it."""
    project = copy_project(root)
    for path, text in (extra or {}).items():
        project.write(path, text)
    with serving(root) as found:
        yield found


@contextmanager
def serving(root: Path):
    """The site folder at `root` made a Git repository, as a clone is, and `ocop serve` on it."""
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Dữ liệu mẫu")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with ocop_serve(root, port, root.parent / "serve.log") as process:
        wait_until(lambda: fetch(base + "quan-tri/")[0] == 200 or process.poll() is not None, timeout=600, every=1)
        assert process.poll() is None, (root.parent / "serve.log").read_text(encoding="utf-8")
        yield root, base


@full_tier_fixture(scope="module")
def served(tmp_path_factory):
    """The example project served, for the tests that only read it."""
    with serving_a_clone(tmp_path_factory.mktemp("editor") / "project") as found:
        yield found


@contextmanager
def editor_on(browser, root: Path, base: str):
    """The editor opened on the project folder, in a browser set to English (the editor must still be
    Vietnamese); every request to another host is refused and recorded."""
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    elsewhere = only_from(context, base)
    context.add_init_script(PICKER)
    page = context.new_page()
    page.goto(base + "404.html")
    page.evaluate(FILL, project_files(root))
    page.goto(base + "quan-tri/")
    page.get_by_role("button", name="Làm việc với kho mã nguồn cục bộ").click()
    page.get_by_text("Sản phẩm", exact=True).first.wait_for(timeout=60_000)
    try:
        yield page, elsewhere, root, base
    finally:
        context.close()


@pytest.fixture
def editor(browser, served):
    with editor_on(browser, *served) as found:
        yield found


@pytest.fixture
def editor_on_the_guides_site(browser, tmp_path):
    """The editor on the plainly fictional site the guide's pictures show (scripts/guide_project.py: `ocop
    init` for xã Ví Dụ with the guide's examples): every commune's site ships the guide."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("guide_project", ROOT / "scripts" / "guide_project.py")
    guide_project = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(guide_project)
    with serving(guide_project.fictional_site(tmp_path)) as served_here, editor_on(browser, *served_here) as found:
        yield found


@pytest.fixture
def editor_to_change(browser, tmp_path):
    """The editor on a project of its own, served: the test may save into it."""
    with serving_a_clone(tmp_path / "project") as served_here, editor_on(browser, *served_here) as found:
        yield found


def save_into_project(page, root: Path) -> dict[str, bytes]:
    """What the editor wrote into the browser's copy, written into the project as on the officer's PC."""
    written = written_files(page, root)
    for path, data in written.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(data)
    return written


def written_files(page, root: Path) -> dict[str, bytes]:
    """The files of the browser's copy that differ from the project's: what the editor wrote."""
    found = {path: base64.b64decode(data) for path, data in page.evaluate(READ_BACK).items()}
    return {path: data for path, data in found.items() if not (root / path).is_file() or (root / path).read_bytes() != data}


def save(page):
    """Save, and wait until the editor closes on the saved entry."""
    page.get_by_role("button", name="Lưu").click()
    try:
        expect(page.get_by_role("button", name="Lưu")).to_have_count(0, timeout=30_000)
    except AssertionError:
        page.screenshot(path="/tmp/i15/debug-save.png")
        raise


def new_form(page, address: str | None = None) -> None:
    """Open a new entry's form (at `address`, or the one just opened) and wait until it is ready: the form fills
    its defaults in after it shows, and a choice made or a field typed before that is undone (the radio shows it,
    the saved file does not: "Trường bắt buộc")."""
    if address:
        page.goto(address)
    page.get_by_role("button", name="Lưu").wait_for(timeout=30_000)
    page.wait_for_timeout(500)


def fill_product(page, place: str, producer: str) -> None:
    """A new product form filled as the guide's example is (Mắm tép `place`, made by `producer`, the label of
    its choice), up to its photo block, opened."""
    page.get_by_role("textbox", name="Tên sản phẩm").fill(f"Mắm tép {place}")
    page.get_by_role("radio", name=producer).click()
    page.get_by_role("combobox", name="Ngành hàng OCOP").click()
    page.get_by_role("option", name="Thực phẩm").click()
    page.get_by_role("textbox", name="Mô tả ngắn").fill("Mắm tép làm từ tép đồng, ủ chượp sáu tháng.")
    scroll_to(page, page.get_by_role("button", name=re.compile("Thêm.*Ảnh"))).click()


def write_post(page, place: str, title: str, photo: Path) -> None:
    """A new post of a fair written as the guide's example is, with `photo` from the PC in its text (the image
    dialog offers no address on another host); returns once the form holds it all."""
    page.get_by_role("textbox", name="Ngày đăng").fill("2026-11-29")
    page.get_by_role("textbox", name="Tiêu đề").fill(title)
    page.get_by_role("checkbox", name="Hội chợ – triển lãm").click()
    page.get_by_role("textbox", name="Tóm tắt").fill(f"Mắm tép {place} lần đầu có gian hàng.")
    page.get_by_role("textbox", name="Nội dung").click()
    page.keyboard.type(f"Hợp tác xã {place} giới thiệu mắm tép tại hội chợ.")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Ảnh", exact=True).click()
    page.get_by_role("button", name="Duyệt tệp").last.click()
    expect(page.get_by_role("dialog").get_by_role("button", name="Tải lên")).to_be_visible()
    expect(page.get_by_role("dialog")).not_to_contain_text("URL")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("dialog").get_by_role("button", name="Tải lên").click()
    chooser.value.set_files(photo)
    page.get_by_role("dialog").get_by_role("button", name="Chèn").click()
    page.get_by_role("textbox", name="Văn bản thay thế").fill("Gian hàng mắm tép")
    # The text editor hands its content over after a moment: the preview shows the photo then.
    expect(page.get_by_role("img", name="Gian hàng mắm tép").last).to_be_visible()
    page.wait_for_timeout(1000)
    expect(page.get_by_role("textbox", name="Tiêu đề").first).to_have_value(title)


def scroll_to(page, locator):
    """The CMS renders the fields of a long form as they scroll into view."""
    for _ in range(40):
        if locator.count():
            return locator
        page.mouse.move(300, 600)
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(200)
    return locator


def collection(page, base: str, name: str):
    page.goto(base + f"quan-tri/#/collections/{name}")
    page.wait_for_load_state("networkidle")


def test_editor_opens_in_vietnamese_lists_every_collection_and_needs_no_other_host(editor):
    page, elsewhere, root, base = editor
    assert page.locator("html").get_attribute("lang") == "vi"
    counts = {"Sản phẩm": 2, "Cơ sở sản xuất": 2, "Tin tức": 1, "Điểm bán": 0, "Hội chợ, triển lãm": 0, "Kế hoạch OCOP": 1}
    for label, count in counts.items():
        item = page.get_by_role("treeitem").filter(has_text=label)
        expect(item).to_have_count(1)
        expect(item).to_have_text(re.compile(rf"{re.escape(label)}\s*{count}\s*$"))
    expected = {
        "san-pham": ["Nước mắm Năm Quyền", "Nem Huân Hồng"],
        "co-so": ["Năm Quyền", "Huân Hồng"],
        "tin-tuc": ["Kế hoạch thực hiện Chương trình OCOP năm 2025 của xã Quảng Trung"],
        "ke-hoach": ["Mục tiêu của kế hoạch"],
    }
    for name, titles in expected.items():
        collection(page, base, name)
        for title in titles:
            page.get_by_text(title, exact=True).first.wait_for(timeout=20_000)
    # The product list holds products only: not producer.yml, the register, outlets or fairs.
    collection(page, base, "san-pham")
    page.get_by_text("Nước mắm Năm Quyền", exact=True).first.wait_for()
    listed = page.get_by_role("checkbox", name="Select").all()
    assert [box.get_attribute("aria-label") for box in listed] == ["Select ⁨Nem Huân Hồng⁩", "Select ⁨Nước mắm Năm Quyền⁩"]
    # Its fonts and its Vietnamese interface come from beside it.
    assert page.evaluate("document.fonts.check('16px \"Material Symbols Outlined\"')")
    assert elsewhere == []


def test_existing_product_shows_its_code_and_slug_read_only_and_cannot_be_deleted(editor):
    page, elsewhere, root, base = editor
    collection(page, base, "san-pham")
    page.get_by_text("Nước mắm Năm Quyền", exact=True).first.click()
    code = page.get_by_role("textbox", name="Mã ngắn in trên QR")
    code.wait_for(timeout=20_000)
    assert code.input_value() == "NM"
    assert not code.is_editable()
    slug = page.get_by_role("textbox", name="Địa chỉ trang")
    assert slug.input_value() == "nuoc-mam-nam-quyen"
    assert not slug.is_editable()
    assert page.get_by_role("textbox", name="Tên sản phẩm").is_editable()
    # Neither the entry's menu nor the list offers to delete it, or to rename its file.
    page.get_by_role("button", name="Hiển thị tùy chọn trình chỉnh sửa").click()
    items = page.get_by_role("menuitem").all_inner_texts()
    assert items and not any("Xóa" in item for item in items), items
    expect(page.get_by_role("menuitem", name="Chỉnh sửa đường dẫn tĩnh")).to_be_disabled()
    page.keyboard.press("Escape")
    collection(page, base, "san-pham")
    page.get_by_role("checkbox", name="Select ⁨Nem Huân Hồng⁩").click()
    assert page.get_by_role("checkbox", name="Select ⁨Nem Huân Hồng⁩").get_attribute("aria-checked") == "true"
    delete = page.get_by_role("button", name="Xóa mục đã chọn")
    expect(delete).to_have_attribute("aria-disabled", "true")
    # A collection that may delete (the news) does offer it: the check above can fail.
    collection(page, base, "tin-tuc")
    page.get_by_role("checkbox", name="Select").first.click()
    expect(delete).to_have_attribute("aria-disabled", "false")
    assert elsewhere == []


def test_a_rebuild_of_the_preview_does_not_reload_the_editor(editor, browser):
    """What the officer types survives the preview's rebuild; an ordinary page of the preview does reload."""
    page, elsewhere, root, base = editor
    other = browser.new_page()
    other.goto(base + "san-pham/")
    for tab in (page, other):
        tab.evaluate("window.stillHere = true")
    producer = root / "products" / "nam-quyen" / "producer.yml"
    producer.write_text(producer.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    def reloaded() -> bool:
        try:
            return other.evaluate("window.stillHere === undefined")
        except PlaywrightError:  # caught in the middle of the reload
            return False

    wait_until(reloaded, timeout=120)
    assert page.evaluate("window.stillHere") is True
    other.close()


def test_editor_configuration_is_the_models(served):
    """Field names, required fields and choices of the editor are the models' (the JSON Schemas')."""
    from ocop.model.models import (
        Fair,
        Outlet,
        OutletKind,
        Producer,
        ProducerKind,
        Product,
    )
    from ocop.model.plan import Plan

    root, base = served
    status, body = fetch(base + "quan-tri/config.yml")
    assert status == 200
    config = yaml.safe_load(body)
    collections = {entry["name"]: entry for entry in config["collections"]}

    def fields_of(entry):
        return {field["name"]: field for field in entry["fields"]}

    def compare(fields, schema, defs):
        properties, required_by_model = set(schema["properties"]), set(schema.get("required", []))
        if "candidate" in properties:
            # The certificate's result is one required choice in the form (stars, or "đang đề nghị", saved as
            # `candidate: true` by the page's preSave hook): see test_certificate_...
            assert [o["value"] for o in fields["stars"]["options"]] == [3, 4, 5, 0]
            properties, required_by_model = properties - {"candidate"}, required_by_model | {"stars"}
        assert set(fields) == properties, (set(fields) ^ properties)
        required = {name for name, field in fields.items() if field.get("required", True)}
        assert required == required_by_model
        for name, field in fields.items():
            assert field.get("hint") or field.get("label"), name
            sub = schema["properties"][name]
            options = sub.get("anyOf", [sub])
            refs = [o["$ref"].split("/")[-1] for o in options if "$ref" in o]
            refs += [o["items"]["$ref"].split("/")[-1] for o in options if "$ref" in o.get("items", {})]
            refs += [i["$ref"].split("/")[-1] for o in options for i in o.get("items", {}).get("anyOf", []) if "$ref" in i]
            for ref in refs:
                target = defs[ref]
                if "enum" in target:
                    values = [o["value"] if isinstance(o, dict) else o for o in field["options"]]
                    assert values == target["enum"], name
                elif "properties" in target:
                    compare({f["name"]: f for f in field["fields"]}, target, defs)

    for name, model in (("san-pham", Product), ("co-so", Producer), ("diem-ban", Outlet), ("hoi-cho", Fair)):
        schema = model.model_json_schema()
        compare(fields_of(collections[name]), schema, schema.get("$defs", {}))
    plan = Plan.model_json_schema()
    compare(fields_of(collections["ke-hoach"]["files"][0]), plan, plan.get("$defs", {}))
    # Choices from the project's data: groups, sub-groups, stars, kinds, the blog's categories.
    product = fields_of(collections["san-pham"])
    assert [o["value"] for o in product["group"]["options"]][:1] == ["thuc-pham"]
    assert {o["value"] for o in product["subgroup"]["options"]} >= {"tuong-nuoc-mam", "che-bien-tu-thit"}
    assert product["producer"]["options"] == [
        {"label": "Huân Hồng (huan-hong)", "value": "huan-hong"}, {"label": "Năm Quyền (nam-quyen)", "value": "nam-quyen"},
    ]
    assert fields_of(collections["co-so"])["kind"]["options"] == [kind.value for kind in ProducerKind]
    assert fields_of(collections["diem-ban"])["kind"]["options"] == [kind.value for kind in OutletKind]
    for trade in ("diem-ban", "hoi-cho"):  # products chosen by name among the products, saved by page address
        chosen = fields_of(collections[trade])["products"]
        assert chosen["widget"] == "relation" and chosen["collection"] == "san-pham" and chosen["value_field"] == "slug"
    mkdocs = (root / "mkdocs.yml").read_text(encoding="utf-8")
    for category in fields_of(collections["tin-tuc"])["categories"]["options"]:
        assert f"- {category}" in mkdocs
    assert product["slug"]["readonly"] and product["code"]["readonly"]
    assert collections["san-pham"]["delete"] is False


# A letter only Vietnamese writes: an English field name has none.
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE)


def test_every_field_of_the_editor_has_a_vietnamese_hint(served):
    """The line under each field (today's YAML comments), in Vietnamese: not missing, not the field's name."""
    root, base = served
    config = yaml.safe_load(fetch(base + "quan-tri/config.yml")[1])

    def fields(entries, where):
        for field in entries:
            yield f"{where}.{field['name']}", field
            yield from fields(field.get("fields", []), f"{where}.{field['name']}")

    checked = 0
    for collection_config in config["collections"]:
        forms = [collection_config, *collection_config.get("files", [])]
        for form in forms:
            for where, field in fields(form.get("fields", []), collection_config["name"]):
                hint = field.get("hint") or ""
                assert hint, f"{where}: no hint"
                assert VIETNAMESE.search(hint) and hint.strip().lower() != field["name"].lower(), f"{where}: {hint!r}"
                assert field.get("label") and field["label"] != field["name"], f"{where}: no Vietnamese label"
                checked += 1
    assert checked > 100


@pytest.mark.full
def test_editor_is_not_published_without_a_hosting_backend(tmp_path):
    project = copy_project(tmp_path / "project")
    result = project.build()
    assert result.code == 0, result.text
    assert not (project.site / "quan-tri").exists()
    text = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("      products_dir: products\n", "      products_dir: products\n      editor_backend: {name: gitea, repo: ubnd/ocop, base_url: 'https://git.example.vn'}\n")
    (project.root / "mkdocs.yml").write_text(text, encoding="utf-8")
    result = project.build()
    assert result.code == 0, result.text
    assert (project.site / "quan-tri" / "index.html").is_file()
    config = yaml.safe_load((project.site / "quan-tri" / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["name"] == "gitea" and config["backend"]["repo"] == "ubnd/ocop"
    # A hosting backend keeps its sign-in, and the site's address is the published one.
    assert "auth_methods" not in config["backend"] and config["site_url"].startswith("https://")


def test_existing_product_saved_from_the_editor_keeps_its_data(editor):
    """Changing one field and saving changes that field only: code, slug, certification, English stay."""
    page, elsewhere, root, base = editor
    collection(page, base, "san-pham")
    page.get_by_text("Nước mắm Năm Quyền", exact=True).first.click()
    summary = page.get_by_role("textbox", name="Mô tả ngắn")
    summary.fill(summary.input_value() + " Đóng chai 500 ml.")
    save(page)
    written = written_files(page, root)
    assert list(written) == ["products/nam-quyen/nuoc-mam-nam-quyen.yml"]
    before = yaml.safe_load((root / "products/nam-quyen/nuoc-mam-nam-quyen.yml").read_text(encoding="utf-8"))
    after = yaml.safe_load(written["products/nam-quyen/nuoc-mam-nam-quyen.yml"])
    assert after["summary"] == before["summary"] + " Đóng chai 500 ml."
    after["summary"] = before["summary"]
    # Equal as the site reads them (the CMS writes a yes/no field's default, `candidate: false`, out).
    from ocop.model.models import Product

    assert Product.model_validate(after) == Product.model_validate(before)
    assert after["code"] == "NM" and after["slug"] == "nuoc-mam-nam-quyen" and after["en"] == before["en"]
    # Its comments are gone (the guide says so): the data is what counts.
    assert b"# " not in written["products/nam-quyen/nuoc-mam-nam-quyen.yml"]
    assert elsewhere == []


def test_producer_product_with_photo_and_post_made_in_the_editor_pass_the_check_and_build(editor_to_change, tmp_path):
    page, elsewhere, root, base = editor_to_change
    photo = tmp_path / "chai-mam-tep.jpg"
    from PIL import Image

    Image.new("RGB", (1200, 900), (190, 120, 40)).save(photo, quality=85)
    stall = tmp_path / "gian-hang.jpg"
    Image.new("RGB", (1200, 900), (40, 120, 190)).save(stall, quality=85)

    # A producer.
    new_form(page, base + "quan-tri/#/collections/co-so/new")
    page.get_by_role("textbox", name="Tên cơ sở / chủ thể").fill("Hợp tác xã Đồng Tâm")
    page.get_by_role("radio", name="hợp tác xã", exact=True).click()
    page.get_by_role("textbox", name="Người đại diện").fill("Lê Văn Tâm")
    save(page)
    written = save_into_project(page, root)
    assert list(written) == ["products/hop-tac-xa-dong-tam/producer.yml"]

    # A product with a photo: the choice of producers is the preview's, which rebuilds on the save.
    wait_until(lambda: "hop-tac-xa-dong-tam" in fetch(base + "quan-tri/config.yml")[1].decode(), timeout=120)
    page.goto(base + "quan-tri/#/collections/san-pham/new")
    page.reload()
    new_form(page)
    fill_product(page, "Đồng Tâm", "Hợp tác xã Đồng Tâm (hop-tac-xa-dong-tam)")
    # The photo comes from the PC: the image dialog offers no address on another host.
    page.get_by_role("button", name="Duyệt tệp").first.click()
    expect(page.get_by_role("dialog").get_by_role("button", name="Tải lên")).to_be_visible()
    expect(page.get_by_role("dialog")).not_to_contain_text("URL")
    page.get_by_role("dialog").get_by_role("button", name="Hủy").click()
    page.locator("input[type=file]").first.set_input_files(photo)
    page.get_by_role("textbox", name="Mô tả ảnh").fill("Hũ mắm tép Đồng Tâm")
    page.get_by_role("textbox", name="Tên sản phẩm").scroll_into_view_if_needed()
    expect(page.get_by_role("dialog")).to_have_count(0)
    page.wait_for_timeout(1000)  # the file dialog fades out
    save(page)

    # A news post with a photo.
    page.get_by_role("treeitem").filter(has_text="Tin tức").click()
    page.get_by_role("button", name="Tạo mục mới").click()
    new_form(page)
    write_post(page, "Đồng Tâm", "Hội chợ OCOP Thanh Hóa 2026", stall)
    save(page)
    assert elsewhere == []

    written |= written_files(page, root)
    post = next(path for path in written if path.startswith("docs/tin-tuc/posts/") and path.endswith(".md"))
    assert set(written) == {
        "products/hop-tac-xa-dong-tam/producer.yml",
        "products/hop-tac-xa-dong-tam/mam-tep-dong-tam.yml",
        "products/hop-tac-xa-dong-tam/chai-mam-tep.jpg",
        "docs/tin-tuc/posts/anh/gian-hang.jpg",
        post,
    }
    product = yaml.safe_load(written["products/hop-tac-xa-dong-tam/mam-tep-dong-tam.yml"])
    # Written with its page address (shown read-only in the form): what the printed QR codes will open.
    assert product["slug"] == "mam-tep-dong-tam"
    assert product["producer"] == "hop-tac-xa-dong-tam" and product["group"] == "thuc-pham"
    assert product["photos"] == [{"file": "chai-mam-tep.jpg", "alt": "Hũ mắm tép Đồng Tâm"}]
    text = written[post].decode()
    assert "date: 2026-11-29\n" in text and "![Gian hàng mắm tép](anh/gian-hang.jpg)" in text

    # What the editor wrote, in a copy of the project: `ocop check` passes, the built site shows it.
    copy = copy_project(tmp_path / "copy")
    for path, data in written.items():
        (copy.root / path).parent.mkdir(parents=True, exist_ok=True)
        (copy.root / path).write_bytes(data)
    result = copy.ocop("check")
    assert result.code == 0, result.text
    result = copy.build()
    assert result.code == 0, result.text
    assert "Mắm tép Đồng Tâm" in copy.page("san-pham/mam-tep-dong-tam/")
    assert "mam-tep-dong-tam-1-" in copy.page("san-pham/mam-tep-dong-tam/")  # the photo's renditions
    assert "Hợp tác xã Đồng Tâm" in copy.page("co-so/hop-tac-xa-dong-tam/")
    news = copy.page("tin-tuc/2026/11/29/hoi-cho-ocop-thanh-hoa-2026/")
    assert "Gian hàng mắm tép" in news

    # And in the preview the editor runs beside: saved into the project, the rebuilt page shows it.
    save_into_project(page, root)
    wait_until(lambda: b"M\xe1\xba\xafm t\xc3\xa9p" in fetch(base + "san-pham/mam-tep-dong-tam/")[1], timeout=120)


def test_a_mistake_saved_from_the_editor_is_shown_in_vietnamese_in_the_preview(editor_to_change):
    """The editor checks what it can (required fields, choices); what only the models know (a
    decision dated on a day still to come) is shown by the preview, on the page, with the file."""
    page, elsewhere, root, base = editor_to_change
    collection(page, base, "san-pham")
    page.get_by_text("Nước mắm Năm Quyền", exact=True).first.click()
    scroll_to(page, page.get_by_role("textbox", name="Ngày quyết định")).fill("2099-01-01")
    save(page)
    written = save_into_project(page, root)
    assert list(written) == ["products/nam-quyen/nuoc-mam-nam-quyen.yml"]

    def shown() -> str | None:
        text = fetch(base + "san-pham/")[1].decode()
        return text if "là ngày chưa tới" in text else None

    text = wait_until(shown, timeout=120)
    assert "products/nam-quyen/nuoc-mam-nam-quyen.yml" in text


def test_the_guide_s_pictures_of_the_editor_show_the_fictional_site(editor_on_the_guides_site, tmp_path):
    """The three pictures of trinh-soan-thao.md, taken on xã Ví Dụ's made-up site as the officer fills a
    product and a post (saving is test_producer_product_…'s): the committed ones show the same labels."""
    page, elsewhere, root, base = editor_on_the_guides_site
    from PIL import Image

    photo, stall = tmp_path / "chai-mam-tep.jpg", tmp_path / "gian-hang.jpg"
    Image.new("RGB", (1200, 900), (190, 120, 40)).save(photo, quality=85)
    Image.new("RGB", (1200, 900), (40, 120, 190)).save(stall, quality=85)
    pictures = tmp_path / "anh-trinh-soan-thao"
    expect(page.get_by_text("Nước mắm Ví Dụ", exact=True).first).to_be_visible()
    page.wait_for_timeout(1000)  # the list's loading placeholder fades out
    picture(page, "trinh-soan-thao.png", pictures)

    new_form(page, base + "quan-tri/#/collections/san-pham/new")
    fill_product(page, "Ví Dụ", "Hợp tác xã Ví Dụ (hop-tac-xa-vi-du)")
    page.locator("input[type=file]").first.set_input_files(photo)
    page.get_by_role("textbox", name="Mô tả ảnh").fill("Hũ mắm tép Ví Dụ")
    expect(page.get_by_role("dialog")).to_have_count(0)
    page.wait_for_timeout(1000)  # the file dialog fades out (and gives the focus back, scrolling the form)
    page.get_by_role("textbox", name="Tên sản phẩm").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    picture(page, "trinh-soan-thao-san-pham.png", pictures)

    new_form(page, base + "quan-tri/#/collections/tin-tuc/new")
    write_post(page, "Ví Dụ", "Hội chợ OCOP xã Ví Dụ 2026", stall)
    picture(page, "trinh-soan-thao-tin.png", pictures)
    assert elsewhere == []
    assert_pictures_current(pictures)


def test_the_guide_shows_the_editor_in_its_own_pictures():
    """Every picture the editor's guide page names exists, at the size the page declares."""
    from PIL import Image

    page = (ROOT / "scripts" / "ocop" / "pages" / "guide" / "trinh-soan-thao.md").read_text(encoding="utf-8")
    named = re.findall(r"\]\(anh-trinh-soan-thao/([^)]+)\)\{ width=\"(\d+)\" height=\"(\d+)\"", page)
    assert sorted(name for name, _, _ in named) == sorted(path.name for path in GUIDE_PICTURES.glob("*.png"))
    assert len(named) == 3
    for name, width, height in named:
        with Image.open(GUIDE_PICTURES / name) as picture:
            assert picture.size == (int(width), int(height)), name


def test_an_existing_post_and_the_plan_saved_from_the_editor_keep_everything_else(editor_to_change):
    """A post whose summary and body are changed keeps the rest of its text byte for byte (the note box,
    the product markers, the `<!-- more -->` cut); the plan with its title changed keeps its targets."""
    page, elsewhere, root, base = editor_to_change
    post = "docs/tin-tuc/posts/2026-11-28-ke-hoach-ocop-nam-2025.md"
    collection(page, base, "tin-tuc")
    page.get_by_text("Kế hoạch thực hiện Chương trình OCOP năm 2025 của xã Quảng Trung", exact=True).first.click()
    summary = page.get_by_role("textbox", name="Tóm tắt")
    summary.fill(summary.input_value() + " Bài đã cập nhật.")
    page.get_by_role("textbox", name="Nội dung").get_by_text("Toàn văn:", exact=True).click()
    page.keyboard.press("End")
    page.keyboard.type(" Thêm một câu.")
    save(page)
    before = (root / post).read_text(encoding="utf-8")
    after = written_files(page, root)[post].decode()
    body = before.split("\n---\n", 1)[1]
    assert after.split("\n---\n", 1)[1] == body.replace(".md).\n", ".md). Thêm một câu.\n")
    assert "[[san-pham: nuoc-mam-nam-quyen]]" in after and '!!! note "Bài mẫu"\n    Bài này' in after
    meta_before = yaml.safe_load(before.split("---\n")[1])
    meta_after = yaml.safe_load(after.split("---\n")[1])
    assert meta_after.pop("description") == meta_before.pop("description") + " Bài đã cập nhật."
    assert meta_after.pop("draft", False) is False and meta_after == meta_before

    collection(page, base, "ke-hoach")
    page.get_by_text("Mục tiêu của kế hoạch", exact=True).first.click()
    title = page.get_by_role("textbox", name="Tên kế hoạch")
    title.fill(title.input_value() + " (bản sửa)")
    save(page)
    plan = "products/_ke-hoach.yml"
    before = yaml.safe_load((root / plan).read_text(encoding="utf-8"))
    after = yaml.safe_load(written_files(page, root)[plan])
    assert after.pop("title") == before.pop("title") + " (bản sửa)"
    assert after == before
    assert elsewhere == []


def test_the_product_list_never_shows_outlets_fairs_nor_producer_files(browser, tmp_path):
    """Outlets and fairs live under products/_*/ beside the producers' folders: each in its own list."""
    outlet = "name: Chợ Mẫu\nkind: chợ\nproducts: [nuoc-mam-nam-quyen]\n"
    fair = "name: Hội chợ Ví Dụ\nstart: 2025-05-31\nproducts: [nem-huan-hong]\n"
    extra = {"products/_diem-ban/cho-mau.yml": outlet, "products/_hoi-cho/hoi-cho-vi-du.yml": fair}
    with serving_a_clone(tmp_path / "project", extra) as (root, base):
        with editor_on(browser, root, base) as (page, elsewhere, _, _):
            for label, count in {"Sản phẩm": 2, "Cơ sở sản xuất": 2, "Điểm bán": 1, "Hội chợ, triển lãm": 1}.items():
                expect(page.get_by_role("treeitem").filter(has_text=label)).to_have_text(
                    re.compile(rf"{re.escape(label)}\s*{count}\s*$")
                )
            collection(page, base, "diem-ban")
            page.get_by_text("Chợ Mẫu", exact=True).first.wait_for(timeout=20_000)
            collection(page, base, "san-pham")
            page.get_by_text("Nước mắm Năm Quyền", exact=True).first.wait_for(timeout=20_000)
            listed = [box.get_attribute("aria-label") for box in page.get_by_role("checkbox", name="Select").all()]
            assert listed == ["Select ⁨Nem Huân Hồng⁩", "Select ⁨Nước mắm Năm Quyền⁩"]
            assert elsewhere == []


# --- issue 22: what the forms save, the words they show, the outlet's products, the login, the preview ---


def try_save(page) -> bool:
    """Press Lưu: True when the editor saved and closed the form, False when it refused (fields in error)."""
    saved = page.get_by_role("button", name="Lưu")
    refused = page.get_by_text(re.compile("trường bị lỗi"))
    expect(refused).to_have_count(0, timeout=20_000)  # the notice of an earlier refusal has gone
    saved.click()
    for _ in range(150):
        if refused.count():
            return False
        if not saved.count():
            return True
        page.wait_for_timeout(200)
    raise AssertionError("Lưu: neither saved nor refused")


def choose(page, label: str, option: str) -> None:
    """A choice among a few options (radio buttons) or many (a list that opens)."""
    radio = page.get_by_role("radio", name=option, exact=True)
    if radio.count():
        radio.first.click()
        return
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option, exact=True).click()


# The collections whose new-entry form the editor keeps a draft backup of, in the browser (Sveltia's IndexedDB
# store `draft-backups`, keyed by collection and entry).
BACKUPS = """async () => {
  const found = [];
  for (const { name } of await indexedDB.databases()) {
    const db = await new Promise((done, fail) => { const open = indexedDB.open(name); open.onsuccess = () => done(open.result); open.onerror = fail; });
    if (db.objectStoreNames.contains("draft-backups")) {
      const all = await new Promise(done => { const ask = db.transaction("draft-backups").objectStore("draft-backups").getAll(); ask.onsuccess = () => done(ask.result); });
      found.push(...all.filter(backup => !backup.slug).map(backup => backup.collectionName));
    }
    db.close();
  }
  return found;
}"""


def backed_up(page, name: str) -> bool:
    """Whether a new `name` form's draft is backed up (the editor writes it half a second after the last change)."""
    return name in page.evaluate(BACKUPS)


def wait_for_backup(page, name: str) -> None:
    """After a refused save, until the editor has backed the refused form up (or five seconds)."""
    for _ in range(50):
        if backed_up(page, name):
            return
        page.wait_for_timeout(100)


def drop_backup(page, name: str) -> None:
    """A new `name` form after a refused one: the editor keeps the refused form's fields (its draft backup) until
    the page is reloaded and the officer declines to restore it, as an officer starting over would."""
    offered = backed_up(page, name)
    page.reload()
    page.get_by_role("button", name="Lưu").wait_for(timeout=30_000)
    if not offered:
        return
    restore = page.get_by_role("alertdialog").filter(has_text="Khôi phục bản nháp")
    restore.get_by_role("button", name="Bỏ qua").click(timeout=30_000)
    expect(restore).to_have_count(0)
    assert not backed_up(page, name)


def fill_required(page, name: str, number: int) -> None:
    """Only the fields an officer must fill, in the form of collection `name`."""
    if name == "san-pham":
        page.get_by_role("textbox", name="Tên sản phẩm").fill(f"Mắm thử nghiệm Ví Dụ {number}")
        choose(page, "Cơ sở sản xuất", "Năm Quyền (nam-quyen)")
        choose(page, "Ngành hàng OCOP", "Thực phẩm")
    elif name == "co-so":
        page.get_by_role("textbox", name="Tên cơ sở / chủ thể").fill(f"Tổ hợp tác thử nghiệm Ví Dụ {number}")
        choose(page, "Loại hình", "hợp tác xã")
    elif name == "diem-ban":
        page.get_by_role("textbox", name="Tên điểm bán").fill(f"Cửa hàng thử nghiệm Ví Dụ {number}")
        choose(page, "Loại điểm bán", "chợ")
    elif name == "hoi-cho":
        page.get_by_role("textbox", name="Tên hội chợ, triển lãm").fill(f"Hội chợ thử nghiệm Ví Dụ {number}")
        page.get_by_role("textbox", name="Ngày bắt đầu").fill("2025-05-31")


def optional_blocks(config: dict, name: str) -> list[tuple[str, str]]:
    """(label, widget) of each optional block (an object or a list) of a collection's form."""
    entry = next(entry for entry in config["collections"] if entry["name"] == name)
    return [(f["label"], f["widget"]) for f in entry["fields"] if f["widget"] in ("object", "list") and not f.get("required", True)]


def open_block(page, label: str, widget: str) -> None:
    role = "checkbox" if widget == "object" else "button"
    scroll_to(page, page.get_by_role(role, name=re.compile(rf"^Thêm\W*{re.escape(label)}\W*$"))).first.click()


def test_every_form_saves_only_what_ocop_check_accepts(editor_to_change, tmp_path):
    """Each collection's form as an officer fills it: the required fields only, then each optional block opened
    and left empty. The editor either refuses to save (the block has a required choice, as the certificate's
    result) or saves what `ocop check` accepts: never a half-filled block."""
    page, elsewhere, root, base = editor_to_change
    config = yaml.safe_load(fetch(base + "quan-tri/config.yml")[1])
    refused, number, previous = [], 0, None
    for name in ("san-pham", "co-so", "diem-ban", "hoi-cho"):
        blocks = optional_blocks(config, name)
        assert blocks or name in ("diem-ban", "hoi-cho"), name
        for block in [None, *blocks]:
            number += 1
            page.goto(base + f"quan-tri/#/collections/{name}/new")
            if refused and refused[-1] == (name, previous):
                drop_backup(page, name)
            new_form(page)
            fill_required(page, name, number)
            if block:
                open_block(page, *block)
            previous = block[0] if block else None
            if not try_save(page):
                refused.append((name, previous))
                wait_for_backup(page, name)
    # The certificate opened and left empty is refused: its result is a required choice.
    assert ("san-pham", "Chứng nhận OCOP") in refused, refused
    assert all(block for _, block in refused), refused  # the required fields alone always save
    # Its two kinds of result, chosen in the form, are saved as the site reads them.
    for number, result in ((90, "Đang đề nghị công nhận (chưa có sao)"), (91, "Đã đạt 4 sao")):
        page.goto(base + "quan-tri/#/collections/san-pham/new")
        drop_backup(page, "san-pham")  # the form is new, as in the loop above
        new_form(page)
        fill_required(page, "san-pham", number)
        open_block(page, "Chứng nhận OCOP", "object")
        page.wait_for_timeout(1_000)  # the opened block fills its fields in after it shows them: a choice made at once is undone
        scroll_to(page, page.get_by_role("radio", name=result, exact=True)).click()
        assert try_save(page)
    assert elsewhere == []

    written = written_files(page, root)
    products = {path: yaml.safe_load(data) for path, data in written.items() if path.startswith("products/nam-quyen/mam-")}
    assert len(products) == 1 + len(optional_blocks(config, "san-pham")) - sum(1 for n, _ in refused if n == "san-pham") + 2
    assert products["products/nam-quyen/mam-thu-nghiem-vi-du-90.yml"]["certification"] == {"candidate": True}
    assert products["products/nam-quyen/mam-thu-nghiem-vi-du-91.yml"]["certification"] == {"stars": 4}
    for path, data in written.items():
        assert b"{}" not in data and b"''" not in data and b"- \n" not in data, (path, data.decode())
    copy = copy_project(tmp_path / "copy")
    for path, data in written.items():
        (copy.root / path).parent.mkdir(parents=True, exist_ok=True)
        (copy.root / path).write_bytes(data)
    result = copy.ocop("check")
    assert result.code == 0, result.text


# English the CMS falls back to where its Vietnamese lacks a string, and words of the data files.
ENGLISH = ("Show Errors", "Entry", "Entries", "entries", "Save", "Sign In", "Failed to fetch", "Work with", "Preview",
           "required", "Required", "Cancel", "Create", "Access Token", "Field")
YAML_WORDS = re.compile(r"\b(candidate|slug|stars|certification|producer|subgroup|true|false|null)\b|bài viết", re.IGNORECASE)


# The text an officer reads: not the names of the icons (a font's ligatures: "add", "edit").
READABLE = """
() => { const hide = document.createElement("style"); hide.textContent = ".icon, .material-symbols-outlined {display:none !important}";
  document.head.append(hide); const text = document.body.innerText; hide.remove();
  return text.replace(/[\u2068\u2069]/g, ""); }
"""


# Whether every part of the screen that scrolls (the form's fields, a list) is scrolled to its end.
AT_THE_END = """() => [document.scrollingElement, ...document.querySelectorAll("*")].every(box =>
  !(box === document.scrollingElement || ["auto", "scroll"].includes(getComputedStyle(box).overflowY))
  || box.scrollHeight - box.scrollTop - box.clientHeight < 2)"""


def screen_text(page) -> str:
    """All the text of the screen, the long form's lazily drawn fields included (scrolled to its end)."""
    seen = [page.evaluate(READABLE)]
    page.mouse.move(400, 600)
    for _ in range(40):
        if page.evaluate(AT_THE_END):
            page.wait_for_timeout(150)  # the fields the last scroll drew, which may make the screen longer
            seen.append(page.evaluate(READABLE))
            if page.evaluate(AT_THE_END):
                return "\n".join(seen)
        page.mouse.wheel(0, 900)
        page.wait_for_timeout(150)
        seen.append(page.evaluate(READABLE))
    raise AssertionError("the screen never scrolled to its end")


def assert_vietnamese(text: str, where: str) -> None:
    assert not [word for word in ENGLISH if word in text], (where, [word for word in ENGLISH if word in text])
    assert not YAML_WORDS.search(text), (where, YAML_WORDS.search(text).group(0))


def test_the_editor_speaks_vietnamese_without_yaml_words(editor_to_change):
    """The screens an officer walks through: lists, every new form, a refused save, a saved one."""
    page, elsewhere, root, base = editor_to_change
    for name in ("san-pham", "co-so", "tin-tuc", "diem-ban", "hoi-cho", "ke-hoach"):
        collection(page, base, name)
        page.wait_for_timeout(500)
        assert_vietnamese(screen_text(page), name)
        if name != "ke-hoach":
            page.goto(base + f"quan-tri/#/collections/{name}/new")
            page.get_by_role("button", name="Lưu").wait_for(timeout=30_000)
            assert_vietnamese(screen_text(page), f"{name}/new")
    # A product whose certificate is opened and left empty: refused, in Vietnamese.
    collection(page, base, "san-pham")
    expect(page.get_by_text(re.compile(r"có 2 mục\.$"))).to_have_count(1)
    new_form(page, base + "quan-tri/#/collections/san-pham/new")
    fill_required(page, "san-pham", 1)
    open_block(page, "Chứng nhận OCOP", "object")
    assert not try_save(page)
    page.get_by_role("button", name="Xem các lỗi").click()
    assert_vietnamese(page.evaluate(READABLE), "refused save")
    scroll_to(page, page.get_by_role("radio", name="Đã đạt 3 sao", exact=True)).click()
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã lưu mục.")).to_be_visible()
    assert_vietnamese(page.evaluate(READABLE), "saved")
    assert elsewhere == []


def test_an_outlet_s_products_are_chosen_by_name_and_saved_by_address(editor_to_change, tmp_path):
    page, elsewhere, root, base = editor_to_change
    new_form(page, base + "quan-tri/#/collections/diem-ban/new")
    fill_required(page, "diem-ban", 1)
    # A few products are offered as boxes to tick, many as a list that opens: by name either way.
    ticks = page.get_by_role("checkbox", name=re.compile("^(Nem Huân Hồng|Nước mắm Năm Quyền)$"))
    chooser = page.get_by_role("combobox", name="Sản phẩm bày bán")
    scroll_to(page, ticks.or_(chooser))
    if chooser.count():
        chooser.click()
        ticks = page.get_by_role("option")
    expect(ticks.first).to_be_visible()
    names = ("Nem Huân Hồng", "Nước mắm Năm Quyền")
    offered = ticks.all_inner_texts() if chooser.count() else [
        name for name in names if page.get_by_role("checkbox", name=name, exact=True).count()]
    assert sorted(offered) == list(names)
    if chooser.count():
        ticks.filter(has_text="Nước mắm Năm Quyền").click()
        chooser.press("Tab")
    else:
        page.get_by_role("checkbox", name="Nước mắm Năm Quyền", exact=True).click()
    save(page)
    written = written_files(page, root)
    outlet = yaml.safe_load(written["products/_diem-ban/cua-hang-thu-nghiem-vi-du-1.yml"])
    assert outlet["products"] == ["nuoc-mam-nam-quyen"]
    copy = copy_project(tmp_path / "copy")
    for path, data in written.items():
        (copy.root / path).parent.mkdir(parents=True, exist_ok=True)
        (copy.root / path).write_bytes(data)
    result = copy.ocop("check")
    assert result.code == 0, result.text


def test_without_a_hosting_backend_the_login_offers_only_the_guide_s_folder(browser, served):
    """No `editor_backend`: no token sign-in to a host that does not exist, only the project folder, named
    as the guide names it."""
    root, base = served
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    elsewhere = only_from(context, base)
    page = context.new_page()
    page.goto(base + "quan-tri/")
    local = page.get_by_role("button", name="Làm việc với kho mã nguồn cục bộ")
    local.wait_for(timeout=60_000)
    assert [button.inner_text().strip() for button in page.get_by_role("button").all() if button.is_visible()] == [
        "Làm việc với kho mã nguồn cục bộ"
    ]
    text = page.evaluate(READABLE)
    folder = re.search(r"thư mục trang web “([^”]+)”", text).group(1)
    assert f"D:\\{folder}" in (ROOT / "scripts" / "ocop" / "pages" / "guide" / "index.md").read_text(encoding="utf-8")
    assert "mã truy cập" not in text
    assert_vietnamese(text, "login")
    context.close()
    assert elsewhere == []


def test_the_product_form_opens_the_product_s_page_in_the_preview(editor, browser):
    """No pane listing the form's labels again: the form links to the page as the preview builds it."""
    page, elsewhere, root, base = editor
    collection(page, base, "san-pham")
    page.get_by_text("Nước mắm Năm Quyền", exact=True).first.click()
    page.get_by_role("textbox", name="Tên sản phẩm").wait_for(timeout=20_000)
    expect(page.get_by_role("heading", name="Xem trước")).to_have_count(0)
    expect(page.get_by_text("Khối lượng / thể tích tịnh")).to_have_count(1)  # the form's label, once
    with page.context.expect_page() as opened:
        page.get_by_role("link", name="Xem trên trang web").or_(page.get_by_role("button", name="Xem trên trang web")).click()
    product = opened.value
    product.wait_for_load_state()
    assert product.url == base + "san-pham/nuoc-mam-nam-quyen/"
    expect(product.get_by_role("heading", level=1)).to_contain_text("Nước mắm Năm Quyền")
    assert elsewhere == []


def test_a_merged_commune_s_producer_chooses_its_former_commune_in_the_editor():
    """With several former communes in mkdocs.yml, the producer form offers them to choose (no typo can reach
    ocop check); with one or none, the field is text. Fast tier (in-process)."""
    from ocop.ops.editor_config import EditorSettings, editor_config

    def former_field(formers):
        config = editor_config(EditorSettings("Ví Dụ", "https://vidu.example.gov.vn/", former_communes=formers))
        producers = next(entry for entry in config["collections"] if entry["name"] == "co-so")
        return next(field for field in producers["fields"] if field["name"] == "former_commune")

    chosen = former_field(("Sơn Tây", "Sơn Lĩnh", "Thị trấn Sơn Hồng"))
    assert chosen["widget"] == "select" and chosen["options"] == ["Sơn Tây", "Sơn Lĩnh", "Thị trấn Sơn Hồng"]
    assert chosen["required"] is False and chosen["hint"]
    assert former_field(("Thử Nghiệm",))["widget"] == "string"
