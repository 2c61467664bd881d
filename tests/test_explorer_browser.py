"""The explorer page in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Each test opens the page from file:// and checks that nothing but that file is requested and
that the console stays free of errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diplograph.build import build
from diplograph.chromium import ChromiumMissing, launch
from diplograph.explorer import write_explorer
from diplograph.namespaces import ID

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")

EVIL_LABEL = "<img src=x onerror=alert(1)>"
EVIL_SCRIPT = "Allmed</script><script>alert(2)</script>"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        try:
            instance = launch(p)
        except ChromiumMissing as missing:
            pytest.fail(str(missing))
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def seed_page(seed_build, tmp_path_factory) -> Path:
    project, _ = seed_build
    return write_explorer(project, tmp_path_factory.mktemp("page") / "explorer.html").path


class Watched:
    """A page plus every request, console error and dialog it caused."""

    def __init__(self, browser, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_selector("body[data-state=ready]", timeout=90_000)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str):
        return self.page.evaluate(expression)

    def visible(self) -> set[str]:
        return set(self.js("window.diplograph.visibleNodeIds()"))

    def clean(self) -> None:
        assert self.requests == [self.url], self.requests
        assert self.errors == []
        assert self.dialogs == []


@pytest.fixture
def seed(browser, seed_page) -> Iterator[Watched]:
    watched = Watched(browser, seed_page)
    yield watched
    watched.clean()
    watched.page.close()


def test_loads_offline_and_draws_the_projection(seed):
    data_nodes = seed.js("window.diplograph.data.nodes.map(n => n.iri)")
    assert seed.js("window.diplograph.nodes.length") == len(data_nodes)
    assert seed.visible() == set(data_nodes)
    drawn = seed.js("Object.keys(window.diplograph.network.getPositions()).length")
    assert drawn == len(data_nodes)
    assert seed.page.locator("#overview").inner_text().startswith(f"{len(data_nodes)} entities")


def test_search_selects_zhijiang(seed):
    seed.page.fill("#search", "Zhijiang")
    first = seed.page.locator("#results button").first
    assert first.inner_text().startswith("Zhijiang")
    seed.page.press("#search", "Enter")
    zhijiang = str(ID["region/zhijiang"])
    assert seed.js("window.diplograph.network.getSelectedNodes()") == [zhijiang]
    assert seed.page.locator("#details h2").inner_text() == "Zhijiang"
    # any language: the Chinese name finds it too
    seed.page.fill("#search", "枝江")
    assert seed.page.locator("#results button").first.get_attribute("data-iri") == zhijiang


def test_type_filter_hides_nodes(seed):
    before = seed.visible()
    seed.page.locator("#type-filters input[data-type=Event]").uncheck()
    after = seed.visible()
    events = set(
        seed.js("window.diplograph.data.nodes.filter(n => n.type == 'Event').map(n => n.iri)")
    )
    assert events and after == before - events
    seed.page.click("#reset")
    assert seed.visible() == before


def test_country_and_stage_filters(seed):
    seed.page.select_option("#country", str(ID["region/japan"]))
    shown = seed.visible()
    assert str(ID["region/toyama"]) in shown and str(ID["region/zhijiang"]) not in shown
    seed.page.click("#reset")
    seed.page.select_option("#stage", "exploration")
    assert str(ID["partnership/batang-zhijiang"]) in seed.visible()


def test_focus_shows_the_neighbourhood(seed):
    batang = str(ID["region/batang"])
    seed.js(f"window.diplograph.select({batang!r})")
    seed.page.select_option("#depth", "1")
    seed.page.click("#focus")
    neighbours = set(seed.js(f"window.diplograph.network.getConnectedNodes({batang!r})"))
    assert seed.visible() == neighbours | {batang}
    assert len(seed.visible()) < seed.js("window.diplograph.nodes.length")


def test_find_partners_investment_and_sources_by_clicking(seed):
    # Click Batang on the canvas itself.
    batang = str(ID["region/batang"])
    x, y = seed.js(
        f"""(() => {{ const n = window.diplograph.network;
             const p = n.canvasToDOM(n.getPositions([{batang!r}])[{batang!r}]);
             const r = document.getElementById('graph').getBoundingClientRect();
             return [r.left + p.x, r.top + p.y]; }})()"""
    )
    seed.page.mouse.click(x, y)
    details = seed.page.locator("#details")
    assert details.locator("h2").inner_text() == "Batang Regency"
    relations = details.inner_text()
    assert "partner of → Zhijiang" in relations and "partner of → Toyama" in relations
    details.get_by_role("button", name="Allmed Medical factory investment in Batang").first.click()
    assert details.locator("h2").inner_text() == "Allmed Medical factory investment in Batang"
    text = details.inner_text()
    assert "USD 100 million" in text and "USD 100 juta" in text
    details.get_by_role(
        "button", name="Batang dan Zhijiang China Jajaki Kerja Sama Sister City"
    ).first.click()
    assert details.locator("h2").inner_text().startswith("Batang dan Zhijiang")
    assert seed.page.locator("#details").get_attribute("data-iri") == str(
        ID["source/batang-zhijiang-2025-06-12"]
    )


def test_malicious_labels_show_as_text(browser, project, tmp_path):
    record = project.records_dir / "2025-06-12-batang-zhijiang-sister-city.yaml"
    text = record.read_text(encoding="utf-8")
    text = text.replace("en: Batang–Zhijiang sister-city partnership", f"en: '{EVIL_LABEL}'", 1)
    record.write_text(text, encoding="utf-8")
    places = project.reference_dir / "places.yaml"
    places.write_text(
        places.read_text(encoding="utf-8").replace("Zhijiang City Government", EVIL_SCRIPT, 1),
        encoding="utf-8",
    )
    build(project)
    page = write_explorer(project, tmp_path / "evil.html").path
    watched = Watched(browser, page)
    try:
        partnership = str(ID["partnership/batang-zhijiang"])
        watched.js(f"window.diplograph.select({partnership!r})")
        assert watched.page.locator("#details h2").inner_text() == EVIL_LABEL
        assert watched.page.locator("#details img").count() == 0
        watched.page.fill("#search", "Allmed</script")
        assert watched.page.locator("#results button").first.inner_text().startswith(EVIL_SCRIPT)
        watched.page.press("#search", "Enter")
        assert watched.page.locator("#details h2").inner_text() == EVIL_SCRIPT
        watched.page.hover("#graph")
        watched.page.wait_for_timeout(200)
        watched.clean()
    finally:
        watched.page.close()


@pytest.mark.slow
def test_two_thousand_entities_stay_interactive(browser, tmp_path):
    """A generated graph of about 2,000 entities is drawn entity by entity (no grouping), its
    layout settles and stops, and search, selection and focus still answer."""
    from diplograph.project import Project
    from diplograph.synth import generate

    root = tmp_path / "generated"
    generate(root, triples=44_000, seed=1, template=Path(__file__).resolve().parents[1])
    project = Project(root)
    build(project)
    result = write_explorer(project, tmp_path / "big.html")
    assert not result.aggregated and result.nodes >= 2000, result
    watched = Watched(browser, result.path)
    try:
        assert watched.js("window.diplograph.nodes.length") == result.nodes
        assert watched.js("window.diplograph.network.physics.physicsEnabled") is False
        watched.page.fill("#search", "Batang")
        watched.page.press("#search", "Enter")
        batang = str(ID["region/batang"])
        assert watched.js("window.diplograph.network.getSelectedNodes()") == [batang]
        watched.page.select_option("#depth", "1")
        watched.page.click("#focus")
        neighbours = set(watched.js(f"window.diplograph.network.getConnectedNodes({batang!r})"))
        assert watched.visible() == neighbours | {batang}
        watched.clean()
    finally:
        watched.page.close()
