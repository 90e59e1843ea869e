"""Ask many people for a little: contact files, a campaign in one call, the ledger, the due list.

```python
from askcraft import campaign

people = campaign.read_contacts("Connections.csv")      # LinkedIn, Google, Outlook, vCard, CSV, YAML
result = campaign.run_campaign(people, "ask.yaml", out="drafts")   # one checked draft per contact
print(result.summary)                                   # Asked 30 people for two names each ...
with campaign.Ledger() as ledger:                       # the SQLite ledger in your data folder
    campaign.mark(ledger, "sent", campaign="drafts")    # every draft of the campaign sent today
    for item in campaign.due_list(ledger):              # who is due a reminder or a thank-you
        print(item.ask.name, item.step, item.due_on)
```

See docs/asking-many.md.
"""

from __future__ import annotations

from askcraft._campaign.calendar import closed_steps, follow_up_calendar, uid
from askcraft._campaign.contacts import Contact, ContactList, RowProblem, read_contacts
from askcraft._campaign.due import (
    AFTER_DAYS,
    MAX_REMINDERS,
    DueItem,
    FollowUps,
    draft_follow_ups,
    due_list,
    next_step,
)
from askcraft._campaign.export import export_csv, export_json
from askcraft._campaign.ledger import ENV_LEDGER, Ledger, default_ledger_path
from askcraft._campaign.marks import Forgotten, Marked, asks_of, forget, mark
from askcraft._campaign.records import MARKS, STEPS, Ask, Event, Message
from askcraft._campaign.review import Entry
from askcraft._campaign.runner import MAX_NAMES, REPEAT_WINDOW_DAYS, CampaignResult, run_campaign
from askcraft._campaign.summary import ask_text, summary
from askcraft._draft.batch import Outcome, draft_many
from askcraft._errors import ContactsError, LedgerError

__all__ = [
    "AFTER_DAYS",
    "ENV_LEDGER",
    "MARKS",
    "MAX_NAMES",
    "MAX_REMINDERS",
    "REPEAT_WINDOW_DAYS",
    "STEPS",
    "Ask",
    "CampaignResult",
    "Contact",
    "ContactList",
    "ContactsError",
    "DueItem",
    "Entry",
    "Event",
    "FollowUps",
    "Forgotten",
    "Ledger",
    "LedgerError",
    "Marked",
    "Message",
    "Outcome",
    "RowProblem",
    "ask_text",
    "asks_of",
    "closed_steps",
    "default_ledger_path",
    "draft_follow_ups",
    "draft_many",
    "due_list",
    "export_csv",
    "export_json",
    "follow_up_calendar",
    "forget",
    "mark",
    "next_step",
    "read_contacts",
    "run_campaign",
    "summary",
    "uid",
]
