"""Contact files as people have them (LinkedIn, Google, Outlook, vCard, CSV, YAML), hostile ones too."""

from __future__ import annotations

import codecs
import time
from pathlib import Path

import pytest

from askcraft import campaign
from askcraft.campaign import ContactsError, read_contacts

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "campaign"
LINKEDIN_NOTES = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are '
    'missing. You will only see email addresses for connections who have allowed it."\n\n'
)
LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_linkedin_export_with_its_notes_above_the_header() -> None:
    """LinkedIn's Connections.csv: the notes lines are skipped, rows keep their line numbers."""
    listed = read_contacts(EXAMPLES / "Connections.csv")
    assert listed.format == "linkedin"
    assert [c.name for c in listed.contacts][:2] == ["Sam Lee", "Priya Patel"]
    sam, priya = listed.contacts[:2]
    assert sam.row == 5
    assert sam.email == "sam.lee@example.com"
    assert sam.fields == {"recipient.company": "Northbank"}
    assert sam.position == "Credit Analyst"
    assert priya.email is None
    assert priya.profile_url == "https://www.linkedin.com/in/priyapatel"
    assert listed.notes
    assert "LinkedIn's notes" in listed.notes[0]
    quoted = listed.contacts[3]
    assert quoted.fields["recipient.company"] == "Fidelity & Co, Inc."


def test_google_export_reads_labels_as_relationships() -> None:
    """Google Contacts CSV: E-mail 1 - Value, Organization Name, and 'Friends' labels become fields."""
    listed = read_contacts(EXAMPLES / "google-contacts.csv")
    assert listed.format == "google"
    by_name = {c.name: c for c in listed.contacts}
    assert by_name["Jordan Reyes"].fields["recipient.relationship"] == "friend"
    assert by_name["Dr. Ama Mensah"].fields == {
        "recipient.company": "City Hospital",
        "recipient.relationship": "mentor",
    }
    assert by_name["Chris Park"].profile_url == "https://www.linkedin.com/in/chrispark"
    assert "Phone 1 - Value" in listed.ignored_columns


def test_outlook_export_in_windows_1252() -> None:
    """Outlook's export (ANSI, i.e. Windows-1252): accents survive, 'Title' is Mr./Dr., not the job."""
    listed = read_contacts(EXAMPLES / "outlook-contacts.csv")
    assert (listed.format, listed.encoding) == ("outlook", "cp1252")
    names = [c.name for c in listed.contacts]
    assert names == ["Zoë Ødegård", "Mr. José García", "Siobhán O'Brien"]
    assert listed.contacts[0].fields["recipient.relationship"] == "former-colleague"
    assert listed.contacts[1].position == "Branch Manager"


def test_vcard_file_with_a_quoted_printable_card() -> None:
    """vCards 2.1 and 3.0 through vobject; CATEGORIES set the relationship, X-ASKCRAFT-HOOK the hook."""
    listed = read_contacts(EXAMPLES / "contacts.vcf")
    assert listed.format == "vcard"
    lan, ellis, anna = listed.contacts
    assert lan.name == "Nguyễn Thị Lan"
    assert lan.fields["recipient.relationship"] == "friend"
    assert ellis.fields["hook"] == "we shared a desk at Northbank for three years"
    assert ellis.row == 10
    assert anna.name == "Anna Müller"
    assert anna.email == "anna.mueller@example.de"


def test_a_broken_vcard_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    """One card that never ends is one problem at its line; the good card is still read."""
    text = "BEGIN:VCARD\nVERSION:3.0\nFN:Sam Lee\nEMAIL:sam@example.com\nEND:VCARD\nBEGIN:VCARD\nFN:Broken\n"
    listed = read_contacts(write(tmp_path, "people.vcf", text))
    assert [c.name for c in listed.contacts] == ["Sam Lee"]
    assert [p.row for p in listed.problems] == [6]


def test_plain_csv_and_yaml_set_intent_fields_per_contact() -> None:
    """Columns named for intent fields set them: relationship, channel, count (a number), hook."""
    listed = read_contacts(EXAMPLES / "contacts.csv")
    priya = next(c for c in listed.contacts if c.name == "Priya Patel")
    assert priya.fields == {"recipient.relationship": "mentor", "channel": "email", "count": 1}
    yaml_listed = read_contacts(EXAMPLES / "contacts.yaml")
    rosa = yaml_listed.contacts[2]
    assert rosa.row == 12
    assert rosa.fields["recipient.greeting"] == "Hi Tía Rosa"
    assert yaml_listed.contacts[1].fields["count"] == 1


def test_values_are_read_as_people_write_them(tmp_path: Path) -> None:
    """'Former colleague', 'LinkedIn message', 'two' and 'Job Leads' are what the intent spells otherwise."""
    path = write(
        tmp_path,
        "c.csv",
        "Full Name,E-mail Address,Relationship,Channel,Count,Goal,Favourite team\n"
        "Sam Lee,sam@example.com,Former colleague,LinkedIn message,two,Job Leads,Arsenal\n",
    )
    (sam,) = read_contacts(path).contacts
    assert sam.fields == {
        "recipient.relationship": "former-colleague",
        "channel": "linkedin-message",
        "count": 2,
        "goal": "job-leads",
    }
    assert sam.extra == {"favourite_team": "Arsenal"}


def test_user_mapping_names_columns(tmp_path: Path) -> None:
    """--map 'Nom=name' reads a column askcraft does not know; an unknown field is refused by name."""
    path = write(tmp_path, "c.csv", "Nom;Courriel;Lien\nSam Lee;sam@example.com;ami\n")
    (sam,) = read_contacts(
        path, mapping={"Nom": "name", "Courriel": "email", "Lien": "relationship"}
    ).contacts
    assert (sam.name, sam.email, sam.fields["recipient.relationship"]) == (
        "Sam Lee",
        "sam@example.com",
        "ami",
    )
    with pytest.raises(ContactsError, match="'nickname' is not a field"):
        read_contacts(path, mapping={"Nom": "nickname"})


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),
        ("latin-1", b""),
        ("cp1252", b""),
    ],
)
def test_encodings_contact_exports_come_in(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    """UTF-8 (with or without a BOM), UTF-16 (with or without one), Latin-1 and Windows-1252 read alike."""
    text = (
        LINKEDIN_NOTES
        + LINKEDIN_HEADER
        + "Zoë,Ødegård,https://www.linkedin.com/in/zoe,,Fjord,Controller,1 Jan 2024\n"
    )
    path = tmp_path / "Connections.csv"
    path.write_bytes(prefix + text.encode(encoding))
    listed = read_contacts(path)
    assert [c.name for c in listed.contacts] == ["Zoë Ødegård"]
    assert listed.contacts[0].row == 5


def test_a_wrong_forced_encoding_says_so(tmp_path: Path) -> None:
    """--encoding utf-8 on a Latin-1 file names the byte and what to do."""
    path = tmp_path / "c.csv"
    path.write_bytes("name,email\nZoë,zoe@example.com\n".encode("latin-1"))
    with pytest.raises(ContactsError, match=r"not utf-8 text \(byte 13"):
        read_contacts(path, encoding="utf-8")
    with pytest.raises(ContactsError, match="unknown encoding 'klingon'"):
        read_contacts(path, encoding="klingon")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"   \n\n", "the file is empty"),
        (b"Sam Lee,sam@example.com,friend\nAsha Rao,asha@example.com,family\n", "no header row"),
        (b"PK\x03\x04\x14\x00\x06\x00", "Excel"),
        (b"name,email\n\x00\x00\x00garbage", "NUL characters"),
    ],
)
def test_files_that_are_not_contact_lists_get_a_clear_message(
    tmp_path: Path, content: bytes, message: str
) -> None:
    """An empty file, a file without a header, a spreadsheet or binary data: one ContactsError each."""
    path = tmp_path / "contacts.csv"
    path.write_bytes(content)
    with pytest.raises(ContactsError, match=message):
        read_contacts(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    """A path that is not there, or is a folder, is named in the message."""
    with pytest.raises(ContactsError, match="no such file"):
        read_contacts(tmp_path / "nope.csv")
    with pytest.raises(ContactsError, match="is a folder"):
        read_contacts(tmp_path)


def test_blank_rows_bad_rows_and_duplicates(tmp_path: Path) -> None:
    """Blank rows are skipped; a row without a name, one with too many cells, and duplicates are reported."""
    path = write(
        tmp_path,
        "c.csv",
        "name,email,url\n"
        "Sam Lee,sam@example.com,\n"
        ",,\n"
        "\n"
        ",nobody@example.com,\n"
        "Sam L.,SAM@example.com,\n"
        "Asha Rao,asha@example.com,https://www.linkedin.com/in/asha/\n"
        "Asha R,,http://linkedin.com/in/asha\n"
        "Too,many,cells,here\n",
    )
    listed = read_contacts(path)
    assert [c.name for c in listed.contacts] == ["Sam Lee", "Asha Rao"]
    assert listed.blank_rows == 2
    assert [(p.row, p.name) for p in listed.problems] == [(5, "nobody@example.com"), (9, None)]
    assert "no name" in listed.problems[0].message
    assert "4 cells but the header names 3" in listed.problems[1].message
    assert [(d.row, d.name) for d in listed.duplicates] == [(6, "Sam L."), (8, "Asha R")]
    assert "same email" in listed.duplicates[0].message
    assert "same profile URL" in listed.duplicates[1].message


@pytest.mark.parametrize(
    "name",
    [
        "Sam\r\nBcc: victim@example.com",
        "=?utf-8?q?Sam=0D=0ABcc=3A_victim=40example=2Ecom?=",
        "Sam\u202eeL",
        "Sam\x85Lee",
    ],
)
def test_header_injection_in_a_name_is_a_row_problem(tmp_path: Path, name: str) -> None:
    """A name with a line break, an encoded word or a bidi control never becomes a contact."""
    quoted = '"' + name.replace('"', '""') + '"'
    path = write(tmp_path, "c.csv", f"name,email\n{quoted},sam@example.com\nAsha Rao,asha@example.com\n")
    listed = read_contacts(path)
    assert [c.name for c in listed.contacts] == ["Asha Rao"]
    (problem,) = listed.problems
    assert problem.row == 2
    assert "fix it in the file" in problem.message


def test_ten_thousand_rows(tmp_path: Path) -> None:
    """A 10,000-row export reads whole, with the right row numbers, in well under a few seconds."""
    rows = "".join(
        f"First{i},Last{i},https://www.linkedin.com/in/p{i},,Co {i},Analyst,1 Jan 2024\n"
        for i in range(10_000)
    )
    path = write(tmp_path, "Connections.csv", LINKEDIN_NOTES + LINKEDIN_HEADER + rows)
    start = time.perf_counter()
    listed = read_contacts(path)
    assert len(listed) == 10_000
    assert listed.contacts[-1].row == 10_004
    assert time.perf_counter() - start < 30  # generous: the point is that it finishes, not how fast


def test_a_huge_cell_and_unclosed_quote(tmp_path: Path) -> None:
    """A 2 MB cell is one bad row; a quote never closed swallows the rest but still reads the rows before."""
    big = "x" * 2_000_000
    path = write(tmp_path, "c.csv", f"name,hook\nSam Lee,ok\nAsha Rao,{big}\n")
    listed = read_contacts(path)
    assert "Sam Lee" in [c.name for c in listed.contacts]
    path = write(tmp_path, "d.csv", 'name,hook\nSam Lee,ok\nAsha Rao,"never closed\nLi Wei,x\n')
    assert [c.name for c in read_contacts(path).contacts][:1] == ["Sam Lee"]


def test_contact_key_prefers_email_then_profile_then_name() -> None:
    """The ledger knows a person by email, else by profile URL (normalised), else by name."""
    assert campaign.Contact(1, "Sam", email="Sam@Example.com").key == "email:sam@example.com"
    assert (
        campaign.Contact(1, "Sam", profile_url="https://www.LinkedIn.com/in/sam/").key
        == "url:linkedin.com/in/sam"
    )
    assert campaign.Contact(1, " Sam  Lee ").key == "name:sam lee"


def test_yaml_contacts_errors(tmp_path: Path) -> None:
    """A YAML file that is not a list, or with a non-mapping item, says so with the line."""
    with pytest.raises(ContactsError, match="a list of people"):
        read_contacts(write(tmp_path, "c.yaml", "name: Sam\n"))
    listed = read_contacts(write(tmp_path, "d.yaml", "- name: Sam Lee\n- just a string\n-\n"))
    assert [c.name for c in listed.contacts] == ["Sam Lee"]
    assert [(p.row, p.message[:18]) for p in listed.problems] == [(2, "expected a mapping")]
    assert listed.blank_rows == 1


@pytest.mark.parametrize(
    ("first", "last", "name", "removed"),
    [
        ("Kwame", "Mensah (he/him)", "Kwame Mensah", "pronouns (he/him)"),
        ("Dana (she/they)", "Cho", "Dana Cho", "pronouns (she/they)"),
        ("Lars", "Costa - they/them", "Lars Costa", "pronouns (they/them)"),
        ("Priya", "Patel (Open to Work)", "Priya Patel", "a status (Open to Work)"),
        ("Sam", "Lee | Fintech PM", "Sam Lee", "a tagline (Fintech PM)"),
        ("Zoë", "Ødegård 🚀", "Zoë Ødegård", "emoji"),
    ],
)
def test_what_linkedin_members_add_to_their_names_is_taken_off(
    tmp_path: Path, first: str, last: str, name: str, removed: str
) -> None:
    """Pronouns, a status, a tagline or emoji in a name are taken off it, and the review is told."""
    row = f'"{first}","{last}",https://www.linkedin.com/in/x,,Citi,Analyst,1 Jan 2024\n'
    listed = read_contacts(write(tmp_path, "Connections.csv", LINKEDIN_NOTES + LINKEDIN_HEADER + row))
    (contact,) = listed.contacts
    assert contact.name == name
    (note,) = contact.notes
    assert removed in note
    assert f"{first} {last}" in note
    if "pronouns" in removed:
        assert contact.extra["pronouns"] == removed.split("(")[1].rstrip(")")


@pytest.mark.parametrize("name", ["Robert (Bob) Smith", "Jane Doe, CFA", "Ana/María López", "O'Brien-Ng"])
def test_names_people_really_have_are_kept_as_written(tmp_path: Path, name: str) -> None:
    """A nickname in parentheses, letters after a name, a slash or an apostrophe stay as written."""
    listed = read_contacts(write(tmp_path, "c.csv", f'name,email\n"{name}",a@example.com\n'))
    (contact,) = listed.contacts
    assert contact.name == name
    assert contact.notes == ()


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://evil.example/")', "+SUM(A1:A9)", "@cmd(x)"])
def test_a_formula_in_a_name_cell_is_a_row_problem(tmp_path: Path, cell: str) -> None:
    """A name cell that starts like a spreadsheet formula is reported with its row, not drafted."""
    quoted = '"' + cell.replace('"', '""') + '"'
    path = write(tmp_path, "c.csv", f"first name,last name,email\n{quoted},Lee,x@example.com\nAsha,Rao,\n")
    listed = read_contacts(path)
    assert [c.name for c in listed.contacts] == ["Asha Rao"]
    (problem,) = listed.problems
    assert problem.row == 2
    assert "spreadsheet formula" in problem.message
