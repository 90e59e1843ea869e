"""The page in a real browser: Debian's headless chromium, driven by Playwright, against `askcraft serve`.

Screenshots of each page go to the test's temporary folder (printed at the end of the module);
with ASKCRAFT_UPDATE_SCREENSHOTS=1 they are also copied to docs/images/web/ for docs/web.md.
"""

from __future__ import annotations

import dataclasses
import email
import email.policy
import json
import os
import shutil
import statistics
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browserkit import OTHER_WORDS, REPO, browser, chromium, measure_preview, median, reason, serving
from webkit import write_hostile_pack

import askcraft

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DOCS_IMAGES = REPO / "docs" / "images" / "web"
#: The README's request, as a person types it into the form.
TYPED = {
    "#f-recipient-name": "Sam Lee",
    "#f-count": "3",
    "#f-industry": "banking",
    "#f-sender-name": "Alex Kim",
    "#f-sender-reason": "I want to put my math degree to work in finance",
}


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the browser tests, but: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("screenshots")
    yield folder
    print(f"\nscreenshots: {folder}")
    if os.environ.get("ASKCRAFT_UPDATE_SCREENSHOTS") == "1":
        DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
        squeeze = shutil.which("pngquant")  # Debian's pngquant keeps the checked-in pictures small
        for png in folder.glob("*.png"):
            target = DOCS_IMAGES / png.name
            if squeeze:
                subprocess.run(
                    [squeeze, "--force", "--quality=70-90", "--output", str(target), str(png)], check=True
                )
            else:
                shutil.copy(png, target)


@dataclasses.dataclass(frozen=True)
class Site:
    """The running page: its first URL (with the token), the browser, and the server's pack folder."""

    url: str
    context: Any
    packs: Path
    work: Path

    def page(self, name: str) -> str:
        """Return the address of page *name* (the browser holds the cookie by then)."""
        return self.url.split("?")[0] + name


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Serve the page (career-coach installed, as a user might) and open Debian's chromium."""
    executable = chromium()
    if executable is None:
        _unavailable("chromium is not installed (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401, PLC0415
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[test]')")
    assert executable is not None
    root = tmp_path_factory.mktemp("web")
    packs = root / "packs"
    packs.mkdir()
    shutil.copytree(REPO / "examples" / "packs" / "career-coach", packs / "career-coach")
    work = root / "work"  # the folder the server runs in: a campaign's drafts go here
    work.mkdir()
    env = {"ASKCRAFT_PACKS_DIR": str(packs), "ASKCRAFT_LEDGER": str(root / "ledger.sqlite3")}
    with serving(env, cwd=work) as url, browser(root / "profile", executable) as context:
        yield Site(url, context, packs, work)


@pytest.fixture
def hostile(site: Site) -> Iterator[None]:
    """Install a hostile pack in the running server's pack folder for one test (the server notices)."""
    folder = write_hostile_pack(site.packs)
    yield
    shutil.rmtree(folder)


@pytest.fixture
def page(site: Site) -> Iterator[Any]:
    """A fresh tab on the Draft page; fails the test if the page logs an error or opens a dialog."""
    tab = site.context.new_page()
    trouble: list[str] = []
    tab.on("pageerror", lambda exc: trouble.append(f"page error: {exc}"))
    tab.on(
        "console",
        lambda msg: trouble.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None,
    )
    tab.on("dialog", lambda dialog: (trouble.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    tab.goto(site.url)
    tab.wait_for_selector("body[data-ready]")
    yield tab
    pwned = tab.evaluate("() => window.__pwned === undefined ? null : String(window.__pwned)")
    tab.close()
    assert pwned is None, f"script ran in the page: {pwned}"
    assert trouble == []


def _fill(page: Any, values: dict[str, str] = TYPED) -> None:
    page.select_option("#f-recipient-relationship", "former-colleague")
    for selector, value in values.items():
        page.fill(selector, value)


#: The drafted body as the reader gets it: without the explanations that pop up over marked words.
_BODY = """() => {
  const copy = document.getElementById("body").cloneNode(true);
  copy.querySelectorAll(".tip").forEach((tip) => tip.remove());
  return copy.textContent;
}"""


def _body(page: Any) -> str:
    return str(page.evaluate(_BODY))


def _wait_for_body(page: Any, words: str, timeout: float = 90_000) -> str:
    # A wait, not a timing assertion: on a loaded two-core machine a draft with its grammar check
    # has taken more than 30 s (the hostile-pack test failed so, and passed in 33 s when rerun).
    page.wait_for_function(f"(words) => ({_BODY})().includes(words)", arg=words, timeout=timeout)
    return _body(page)


def test_drafting_a_request(page: Any, shots: Path) -> None:
    """Fill the form as a person would: the draft appears beside it, with its subject and no problems."""
    page.wait_for_selector("#problems:not([hidden])")  # what is still needed, listed at once
    needed = page.inner_text("#problem-list")
    assert "Their name: required" in needed
    assert "Your name: required" in needed
    assert page.is_hidden("#e-recipient-name")  # no error next to a field the user has not reached yet
    _fill(page, {"#f-recipient-name": "Sam Lee"})
    page.wait_for_function(
        "() => !document.getElementById('problem-list').textContent.includes('Their name')"
    )
    _fill(page)
    body = _wait_for_body(page, "three people in banking")
    assert body.startswith("Hi Sam,")
    assert page.inner_text("#subject") == "A question about banking"
    assert page.is_hidden("#problems")
    assert page.is_enabled("#copy")
    page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")
    labels_missing = page.evaluate(
        """() => Array.from(document.querySelectorAll('#intent input, #intent select, #intent textarea'))
             .filter((c) => c.labels.length === 0).map((c) => c.name)"""
    )
    assert labels_missing == []
    page.screenshot(path=str(shots / "draft.png"))


def test_fixing_a_flagged_phrase_by_clicking_its_fix(page: Any, shots: Path) -> None:
    """A pushy phrase in the reason is marked in the draft; its fix, reached by keyboard, rewrites it."""
    _fill(page, {**TYPED, "#f-sender-reason": "I need a job in finance ASAP"})
    page.wait_for_selector("mark.mark-tone")
    mark = page.locator("#body mark.mark-tone", has_text="ASAP")
    mark.focus()  # keyboard focus shows the explanation, as hover does
    tip = page.locator("#body .flag:focus-within .tip")
    assert tip.is_visible()
    assert "as soon as possible" in tip.inner_text().lower() or "pressure" in tip.inner_text().lower()
    page.screenshot(path=str(shots / "draft-fix.png"))
    page.keyboard.press("Tab")  # from the mark to its first fix
    focused = page.evaluate(
        "() => document.activeElement.className + '|' + document.activeElement.textContent"
    )
    assert focused.startswith("fix|")
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.getElementById('f-sender-reason').value.includes('ASAP')")
    page.wait_for_function(f"() => !({_BODY})().includes('ASAP')")
    assert page.input_value("#f-sender-reason").startswith("I need a job in finance")
    page.wait_for_function("() => !document.querySelector('#body mark[data-rule=\"pressure.asap\"]')")


def test_switching_variant(page: Any) -> None:
    _fill(page)
    first = _wait_for_body(page, "banking")
    chosen = page.locator('#variant-row input[name="variant"]:checked').get_attribute("value")
    other = next(v for v in ("direct", "warm-up", "brief") if v != chosen)
    page.click(f'label[for="variant-{other}"]')
    page.wait_for_function(
        "(v) => document.querySelector('#variant-row input:checked')?.value === v", arg=other
    )
    page.wait_for_function(f"(old) => ({_BODY})() !== old", arg=first)
    page.click("#provenance summary")
    assert other in page.inner_text("#provenance-list")


def test_the_arc_reminder_and_thank_you(page: Any, shots: Path) -> None:
    _fill(page)
    _wait_for_body(page, "banking")
    page.click('label[for="stage-reminder"]')
    assert page.is_visible("#g-for-the-reminder")
    page.fill("#f-sent-on", "2026-10-01")
    page.fill("#f-news", "I passed my CFA Level I exam")
    _wait_for_body(page, "CFA")
    page.screenshot(path=str(shots / "reminder.png"))
    page.click('label[for="stage-thank-you"]')
    assert page.is_hidden("#g-for-the-reminder")
    page.fill("#f-help", "introducing me to Priya")
    _wait_for_body(page, "Priya")


def test_downloading_an_eml_and_parsing_it(page: Any, tmp_path: Path) -> None:
    _fill(page, {**TYPED, "#f-recipient-email": "sam@example.com", "#f-sender-email": "alex@example.com"})
    _wait_for_body(page, "banking")
    page.wait_for_function("() => !document.querySelector('#download button').disabled")
    with page.expect_download() as info:
        page.click("text=Email (.eml)")
    download = info.value
    assert download.suggested_filename == "request-sam-lee.eml"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    message = email.message_from_bytes(saved.read_bytes(), policy=email.policy.default)
    assert message["To"] == "Sam Lee <sam@example.com>"
    assert message["From"] == "Alex Kim <alex@example.com>"
    assert message["Subject"] == "A question about banking"
    assert "three people in banking" in " ".join(message.get_content().split())


def test_the_validation_message_for_a_bad_count(page: Any, shots: Path) -> None:
    _fill(page, {**TYPED, "#f-count": "25"})
    # Each field typed asks for a draft; under load the answer for the form before the count was
    # typed ("required") can show first, and the page then replaces it with the newest answer.
    page.wait_for_function("() => document.querySelector('#e-count').innerText.includes('(got 25)')")
    assert page.inner_text("#e-count") == "must be less than or equal to 20 (got 25)"
    assert page.get_attribute("#f-count", "aria-invalid") == "true"
    described = page.get_attribute("#f-count", "aria-describedby")
    assert "e-count" in described.split()
    page.locator("#w-count").scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "validation.png"))
    page.fill("#f-count", "3")
    page.wait_for_selector("#e-count", state="hidden")


@pytest.mark.usefixtures("hostile")
def test_a_script_name_and_a_hostile_pack_stay_text(page: Any, site: Site) -> None:
    """Markup typed as a name, or written by a pack, shows as text and never runs (the fixture checks)."""
    name = "<script>window.__pwned='name'</script><img src=x onerror=\"window.__pwned='img'\">"
    _fill(page, {**TYPED, "#f-recipient-name": name})
    body = _wait_for_body(page, "banking")
    assert "</script>" in body.lower()  # the tags are on the page as text (askcraft capitalises the name)
    assert page.locator("#message script, #message img").count() == 0
    page.goto(site.page("draft?pack=hostile"))
    page.select_option("#f-goal", "favour")
    favour = {
        "#f-recipient-name": "Sam Lee",
        "#f-sender-name": "Alex Kim",
        "#f-sender-reason": "I'm applying for analyst roles",
        "#f-details": "look over my CV",
    }
    _fill(page, favour)
    body = _wait_for_body(page, "look over my CV")
    assert "<script>window.__pwned='script'</script>" in body
    assert "<img src=x" in body
    assert "<script>" in page.inner_text("#subject")
    assert page.locator("#message script, #message img, #problems script").count() == 0
    page.goto(site.page("packs"))
    assert "<script>window.__pwned='script'</script>" in page.inner_text("main")
    assert page.locator("main script, main img").count() == 0
    page.goto(site.page("check"))
    page.fill("#text", name + " Could you send me the names ASAP?")
    page.wait_for_selector("#marked mark")
    assert page.locator("#marked script, #marked img").count() == 0


def test_checking_a_message_of_your_own(page: Any, site: Site, shots: Path) -> None:
    page.goto(site.page("check"))
    page.fill(
        "#text", "Hi Sam,\n\nSend me the names ASAP!! I recieve no answers. Thanks, could you help?\n\nAlex"
    )
    page.wait_for_selector("#findings-panel:not([hidden])", timeout=30_000)
    styles = set(
        page.eval_on_selector_all("#marked mark", "(ms) => ms.map((m) => m.className.split(' ')[1])")
    )
    assert {"mark-tone", "mark-spelling"} <= styles  # spelling needs LanguageTool; tone is askcraft's own
    assert page.is_visible("#politeness")
    assert page.inner_text("#lowered")  # the strategies that lowered the score
    page.hover("#marked mark.mark-tone")
    assert page.locator("#marked .flag:hover .tip").is_visible()
    page.screenshot(path=str(shots / "check.png"))
    page.locator("#marked mark.mark-spelling").focus()
    tip = page.locator("#marked .flag:focus-within .tip")
    assert "spelling" in tip.inner_text().lower()
    tip.locator("button.fix").first.click()
    page.wait_for_function("() => document.getElementById('text').value.includes('receive')")
    assert "recieve" not in page.input_value("#text")


def test_the_packs_page_and_choosing_a_pack(page: Any, site: Site, shots: Path) -> None:
    page.goto(site.page("packs"))
    assert "Built into askcraft" in page.inner_text("main")
    assert "sha256:" in page.inner_text("main")
    page.screenshot(path=str(shots / "packs.png"))
    page.click("text=Draft with career-coach")
    page.wait_for_selector("body[data-ready]")
    assert page.url.endswith("/draft?pack=career-coach")
    assert page.is_visible("#f-extra-meeting-minutes")  # the pack's own fields are in the form
    assert page.input_value("#f-extra-meeting-minutes") == "20"  # with their defaults
    assert "Accepted: a whole number from 10 to 45." in page.inner_text("#w-extra-meeting-minutes")


def test_text_has_sufficient_contrast(page: Any, site: Site) -> None:
    """Every piece of visible text meets WCAG AA (4.5:1, or 3:1 for large text) on every page."""
    script = (Path(__file__).parent / "contrast.js").read_text(encoding="utf-8")
    failures: dict[str, Any] = {}
    for path in ("draft", "check", "campaign", "packs"):
        page.goto(site.page(path))
        page.wait_for_selector("body[data-ready]")
        if path == "draft":
            _fill(page, {**TYPED, "#f-sender-reason": "I need a job in finance ASAP"})
            page.wait_for_selector("mark.mark-tone")
        failures[path] = page.evaluate(script)
    assert failures == {"draft": [], "check": [], "campaign": [], "packs": []}


def test_a_campaign_from_a_contacts_file_to_who_is_due(page: Any, site: Site, shots: Path) -> None:
    """Upload LinkedIn's export, draft one request each, review findings, mark them sent, see who is due."""
    page.goto(site.page("campaign"))
    page.wait_for_selector("body[data-ready]")
    page.set_input_files("#contacts-file", str(REPO / "examples" / "campaign" / "Connections.csv"))
    page.wait_for_function("() => document.getElementById('contacts-status').textContent.includes('5 cont')")
    assert "LinkedIn connections export" in page.inner_text("#contacts-status")
    page.select_option("#f-goal", "job-leads")
    page.fill("#f-count", "2")
    page.fill("#f-industry", "banking")
    page.fill("#f-sender-name", "Alex Kim")
    page.fill("#f-sender-reason", "I want to put my math degree to work in finance ASAP")
    page.uncheck("#grammar")
    page.fill("#campaign-name", "Banking leads")
    page.click("#run")
    page.wait_for_selector("#review:not([hidden])", timeout=60_000)
    assert "Asked 5 people for two names each in banking" in page.inner_text("#summary")
    assert page.locator("#drafts > li").count() == 5
    assert page.locator("#drafts mark.mark-tone", has_text="ASAP").count() == 5  # each one's, in place
    assert (site.work / "askcraft-campaigns" / "banking-leads" / "sam-lee.eml").is_file()
    page.screenshot(path=str(shots / "campaign.png"))
    page.fill("#sent-on", "2026-11-02")
    page.click("#mark")
    page.wait_for_function("() => document.getElementById('mark-status').textContent.includes('Marked 5')")
    page.wait_for_selector("#due-table:not([hidden])")
    rows = page.inner_text("#due-rows")
    assert "Sam Lee" in rows
    assert "reminder 1" in rows
    assert "asked 2026-11-02, no reply" in rows


@pytest.mark.languagetool
def test_preview_latency_with_grammar_on(page: Any, languagetool_server: Any, capsys: Any) -> None:
    """Time from a changed field to the updated draft, over 20 edits; beside it, askcraft.draft() itself."""
    _fill(page)
    _wait_for_body(page, "banking", timeout=120_000)  # the first draft warms the server's checks
    assert page.is_checked("#grammar")
    times = measure_preview(page, edits=20)
    intent: dict[str, Any] = {
        "kind": "request", "goal": "job-leads", "count": 3, "industry": "banking", "channel": "email",
        "recipient": {"name": "Sam Lee", "relationship": "former-colleague"},
        "sender": {"name": "Alex Kim", "reason": ""},
    }  # fmt: skip
    intent["sender"]["reason"] = reason("walking")
    askcraft.draft(intent, grammar=True)  # the first draft in this process loads the checks
    direct: list[float] = []
    for word in OTHER_WORDS:  # the same messages, other words: LanguageTool has not seen these sentences
        intent["sender"]["reason"] = reason(word)
        start = time.perf_counter()
        askcraft.draft(intent, grammar=True)
        direct.append((time.perf_counter() - start) * 1000)
    figures = {
        "edits": len(times["preview"]),
        "preview_median_ms": round(median(times["preview"]), 1),
        "preview_p90_ms": round(statistics.quantiles(times["preview"], n=10)[-1], 1),
        "server_askcraft_median_ms": round(median(times["askcraft"]), 1),
        "draft_in_process_median_ms": round(median(direct), 1),
    }
    figures["preview_over_draft"] = round(
        figures["preview_median_ms"] / figures["draft_in_process_median_ms"], 2
    )
    with capsys.disabled():
        print(f"\npreview latency (grammar on, LanguageTool warm): {json.dumps(figures)}")
    assert len(times["preview"]) == 20
    assert all(t > 0 for t in times["preview"])
