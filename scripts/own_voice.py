"""askcraft's own voice: drafts rendered from generated intents, gentle training sentences for the model.

askcraft's drafts are gentle by design, and a pressure model switched on by default must not warn
on them. ``scripts/fit_pushy.py --own-voice N`` renders N drafts (requests, reminders and
thank-yous, every variant of the built-in pack's English templates) from the intents this module
generates and adds each distinct sentence to the fitting as gentle (label 0).

The intents are generated here, from value lists written for this purpose and a seed of their own,
so that they are not the intents the model is checked on: the awkward-intents corpus
(tests/data/awkward_intents.yaml), the speed benchmark's drafts (benchmarks/bench_checks.py) and
the golden drafts (tests/test_golden.py). :func:`shared_values` lists every value a generated
intent shares with those (names, companies, industries, roles and every text the user types);
tests/test_tone_train.py requires it to be empty. The templates' own wording is shared, of course:
that is the voice the model should learn is not pushy.

Run alone to see a few drafts:  python scripts/own_voice.py [N]
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import askcraft  # noqa: E402
from askcraft._intent.model import CHANNELS, GOALS, KINDS, RELATIONSHIPS  # noqa: E402
from askcraft.packs import builtin_pack  # noqa: E402

#: Not the benchmark's seed (7) nor the fit's (20261126).
SEED = 90417
TODAY = date(2026, 9, 3)

NAMES = [
    "Beatriz Moura",
    "Callum Fraser",
    "Dmitri Volkov",
    "Efua Asante",
    "Felix Hartmann",
    "Gulnara Sadykova",
    "Hiroshi Tanaka",
    "Ingrid Solberg",
    "Jamal Whitaker",
    "Kavya Reddy",
    "Lorenzo Bianchi",
    "Mairead Quinn",
    "Mirela Popescu",
    "Oluwaseun Adeyemi",
    "Pilar Romero",
    "Quentin Marsh",
    "Rania Saleh",
    "Soren Dahl",
    "Tamsin Clarke",
    "Umar Siddiqui",
    "Valeria Ortiz",
    "Wendell Price",
    "Ximena Flores",
    "Tobias Engel",
    "Zara Pemberton",
    "Anneliese Vogt",
    "Bongani Dlamini",
    "Corinne Leclair",
    "Declan Byrne",
    "Esther Mwangi",
    "Farid Karimi",
    "Greta Lindahl",
    "Hamish Boyd",
    "Isla McIntyre",
    "Joaquin Ruiz",
    "Keiko Mori",
]
INDUSTRIES = [
    "insurance",
    "agritech",
    "public libraries",
    "museum education",
    "hospitality management",
    "battery recycling",
    "maritime law",
    "veterinary medicine",
    "water utilities",
    "children's publishing",
    "aerospace manufacturing",
    "retail banking",
    "film distribution",
    "social housing",
    "rail operations",
    "medical devices",
    "wine importing",
    "higher education administration",
    "payroll services",
    "video game localisation",
]
ROLES = [
    "actuarial analyst",
    "grant writer",
    "site reliability engineer",
    "archivist",
    "claims adjuster",
    "logistics coordinator",
    "physiotherapist",
    "copy editor",
    "sous chef",
    "paralegal",
    "field service engineer",
    "curriculum developer",
    "brand strategist",
    "hydrologist",
    "payroll specialist",
    "occupational therapist",
    "data engineer",
    "tax associate",
    "store manager",
    "speech therapist",
]
COMPANIES = [
    "Harbourline Insurance",
    "Tidewater Utilities",
    "Brightfield Press",
    "Corvale Robotics",
    "Mistral Foods",
    "Oakhurst Clinic",
    "Lindqvist Marine",
    "Pennant Rail",
    "Quarrystone Bank",
    "Rowan & Finch",
    "Silverleaf Games",
    "Thornbury College",
    "Upland Water",
    "Verity Analytics",
    "Willowmere Care",
]
REASONS = [
    "I'd like to use my statistics training on real insurance problems",
    "after eight years in restaurants I want a kitchen role with regular hours",
    "I've finished my paralegal certificate and want to work in family law",
    "I'm moving back to Glasgow in the spring and starting my search there",
    "my current contract ends in January, so I'm looking at what comes next",
    "I want to move from teaching into curriculum design",
    "I've spent five years in payroll and I'm curious about HR systems",
    "I'm graduating in June with a degree in environmental science",
    "I'm returning to work after two years at home with my kids",
    "I loved the data side of my last project and want more of it",
    "my team is being reorganised and I'd like to find a role I can grow in",
    "I'm finishing a part-time MBA this year and want to move into operations",
    "I'd like to bring my nursing experience into medical device training",
    "I'm relocating to Toronto with my partner later this year",
    "I've been freelancing for three years and I'd like to join a team again",
    "I want to move from sales into customer education",
    "I'm starting my job search this autumn and want to do it properly",
    "I've just passed my actuarial exams and I'm ready for a first analyst job",
    "I want to work somewhere closer to the coast",
    "my visa application needs an employment letter, so I'm lining up my paperwork",
    "the course I'm taking asks us to interview someone in the field this term",
    "I'm hoping to switch to a four-day week in a new role",
    "my degree ends this summer and I'd like to start work in the autumn",
    "I've applied to two hospitals this week and want my cover letters to be strong",
    "my manager is retiring next month and the team is changing",
    "I'm preparing for interviews in October and want to practise",
    "I'd like to get back into archives after a few years in retail",
    "I've always wanted to work on trains, and I've finally got my engineering degree",
    "I want my next job to involve more writing and less admin",
    "my family is settling in Leicester and I'm looking for work nearby",
    "I'm building a portfolio of grant applications and want feedback from someone who reads them",
    "the scholarship I'm applying for wants two letters by the end of the month",
    "I'm planning a move into public health and want to understand the options",
    "my apprenticeship finishes in December",
    "I'm exploring a move from hotels into event management",
    "I enjoyed volunteering at the food co-op and want to do that kind of work full time",
    "I've taken a short course in bookkeeping and want to use it",
    "I'd like to work for a company that makes things I can hold",
    "I have a second interview on Thursday and want to be ready for it",
    "my startup wound down last month and I'm looking for my next role",
    "I want to combine my languages with my project management experience",
    "I'm a junior developer hoping to learn from people who build reliable systems",
    "I'm taking the bar exam in February and want to line up work for after",
    "I've been caring for my dad and I'm ready to start working again",
    "my partner's job is moving us to Bristol, so I'm starting fresh there",
    "I'm keen to move from a big firm to a smaller practice",
    "the job fair is next week and I'd like to go in with some names",
    "I'm finishing my PhD and want to see what work outside universities looks like",
    "I've been promoted twice in logistics and want to try a planning role",
    "I'm drawn to veterinary work after years of fostering dogs",
]
DETAILS = [
    "read my personal statement and tell me what's unclear",
    "share how you got your first job in the field",
    "look at my portfolio and tell me which pieces to cut",
    "tell me what a typical week looks like in your team",
    "recommend a course or two for someone starting out",
    "tell me which skills your hiring managers ask about",
    "read the summary section of my LinkedIn profile",
    "suggest how I could explain a career gap",
    "tell me whether a certificate is worth it",
    "look over a cover letter I've drafted",
    "share what you wish you'd known in your first year",
    "tell me how you chose between agencies and in-house roles",
    "suggest a good way to prepare for a case interview",
    "check whether my CV reads well for a career change",
    "tell me what you look for in a junior hire",
    "glance at my cover letter before I apply",
    "tell me what to read before my first interview",
    "share a few questions I should be ready for",
    "read through the slides for my panel interview",
    "tell me how your team runs its hiring",
    "suggest who else I might talk to",
    "look at two job ads and tell me which suits me better",
    "listen to my two-minute pitch and tell me what to change",
    "tell me what salary range is fair for the role",
    "proofread my thesis abstract",
    "tell me how you'd approach a take-home task",
    "point me to any job boards you trust",
    "tell me which conferences are worth going to",
    "walk me through how you prepared for your licensing exam",
    "read my application essay and mark anything that sounds stiff",
    "check the numbers in my case study before I present it",
    "tell me what you'd ask a candidate like me",
    "look over my LinkedIn headline",
    "send me a link to the course you mentioned",
    "forward the posting to me when it goes live",
    "introduce me to someone on the data team",
    "tell me if the role is still open",
    "let me know what the next steps usually are",
    "skim my cover email before I send it",
    "read my portfolio's about page before I share it around",
    "check my résumé before I submit it on Friday",
    "read my thank-you note to the panel before it goes out",
    "look at my LinkedIn summary before I post it",
    "read my statement of purpose before I submit my application",
    "check the tone of my resignation letter before I hand it in",
    "skim my case study before I present it to the panel",
    "look through my references list before I send it to the recruiter",
    "read my reply to the recruiter before I hit send",
    "glance at my salary ask before I make it",
    "check my portfolio site before I share the link",
    "read my application for the fellowship before it goes off",
]
HELP = [
    "reading my personal statement",
    "the call last week",
    "pointing me to the right recruiter",
    "your notes on my portfolio",
    "introducing me to your old manager",
    "taking the time to talk about your team",
    "sharing the job posting with me",
    "recommending me for the contract role",
    "the advice about my cover letter",
    "meeting me for coffee on Saturday",
    "your honest feedback on my CV",
    "passing my name along to the hiring team",
    "answering all my questions about the ward",
    "sending me the reading list",
    "checking the numbers in my case study",
    "putting in a good word with the partners",
]
OUTCOMES = [
    "I've been invited to a first interview",
    "I rewrote my summary and already had two replies",
    "I start the new job on the first of the month",
    "the recruiter got in touch the next day",
    "I feel much clearer about what to apply for",
    "I've signed up for the course you suggested",
    "they asked me to do a short trial project",
    "I got the offer",
    "I'm meeting the team next week",
    "my applications are much stronger now",
]
GIFTS = ["a bag of coffee from the market", "a card and some biscuits", "a small plant", "a book I loved"]
HOOKS = [
    "we were on the same volunteering team at the marathon",
    "you spoke at my college's careers evening",
    "we shared a desk during my placement",
    "your article on grant writing helped me a lot",
    "we met at a friend's birthday dinner in March",
    "my cousin Hana said you'd be a great person to ask",
    "we were in the same evening class last year",
    "you mentored my sister a few years ago",
]
NEWS = [
    "I've finished the online course I mentioned",
    "I've updated my portfolio with two new projects",
    "I had a good first interview at another company",
    "I passed my final exam",
    "I've started volunteering two days a week",
    "I've moved to the new flat and I'm settled in",
]
LINKS = ["https://www.linkedin.com/in/example-profile", "https://portfolio.example.org/work"]


def _variants(kind: str, channel: str) -> list[str]:
    """Return every variant the built-in pack's English templates offer for a kind and channel."""
    found: list[str] = []
    for entry in builtin_pack().manifest.templates:
        if kind in entry.kinds and channel in entry.channels and entry.language == "en":
            found.extend(v for v in entry.variants if v not in found)
    return found


def intents(n: int, seed: int = SEED) -> Iterator[tuple[dict[str, Any], str]]:
    """Yield *n* ``(intent, variant)`` pairs, varied and seeded, that the built-in pack drafts."""
    rng = random.Random(seed)
    made = 0
    while made < n:
        kind, goal, channel = rng.choice(KINDS), rng.choice(GOALS), rng.choice(CHANNELS)
        if kind != "request" and channel == "linkedin-connection-note":
            continue  # the intent refuses follow-ups as connection notes
        recipient: dict[str, Any] = {"name": rng.choice(NAMES), "relationship": rng.choice(RELATIONSHIPS)}
        if rng.random() < 0.3:
            recipient["company"] = rng.choice(COMPANIES)
        sender: dict[str, Any] = {"name": rng.choice(NAMES), "reason": rng.choice(REASONS)}
        if rng.random() < 0.15:
            sender["links"] = [rng.choice(LINKS)]
        data: dict[str, Any] = {
            "kind": kind,
            "goal": goal,
            "channel": channel,
            "recipient": recipient,
            "sender": sender,
            "language": rng.choice(("en-US", "en-GB")),
            "count": rng.randint(1, 5),
            "details": rng.choice(DETAILS),
            **rng.choice(({"industry": rng.choice(INDUSTRIES)}, {"role": rng.choice(ROLES)})),
        }
        if goal in ("referral", "introduction") or rng.random() < 0.3:
            data["company"] = rng.choice(COMPANIES)
        if rng.random() < 0.3:
            data["hook"] = rng.choice(HOOKS)
        if kind == "reminder":
            data["sent_on"] = TODAY - timedelta(days=rng.randint(7, 30))
            data["send_date"] = TODAY
            if rng.random() < 0.5:
                data["news"] = rng.choice(NEWS)
        if kind == "thank-you":
            data["help"] = rng.choice(HELP)
            if rng.random() < 0.8:
                data["outcome"] = rng.choice(OUTCOMES)
            if rng.random() < 0.25:
                data["gift"] = rng.choice(GIFTS)
        yield data, rng.choice(_variants(kind, channel))
        made += 1


def drafts(n: int, seed: int = SEED) -> list[str]:
    """Return the bodies of *n* drafts askcraft writes for the generated intents (no checks)."""
    return [
        askcraft.draft(data, variant=variant, check=False, today=TODAY).body
        for data, variant in intents(n, seed)
    ]


#: Fields of an intent that are a choice among fixed values, not something the user writes.
_FIXED = frozenset({"kind", "goal", "channel", "relationship", "language"})


def values(data: Any, key: str = "") -> Iterator[str]:
    """Yield every string an intent holds that the user chose or typed (names, texts, places)."""
    if isinstance(data, str):
        if key not in _FIXED:
            yield data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from values(v, k)
    elif isinstance(data, list | tuple):
        for v in data:
            yield from values(v, key)


def shared_values(generated: list[dict[str, Any]], held_out: list[dict[str, Any]]) -> list[str]:
    """Return the values (compared in lower case) generated intents share with held-out intents."""
    theirs = {v.lower() for intent in held_out for v in values(intent)}
    return sorted({v for intent in generated for v in values(intent) if v.lower() in theirs})


if __name__ == "__main__":
    for body in drafts(int(sys.argv[1]) if len(sys.argv) > 1 else 3):
        print(body, end="\n\n----\n\n")
