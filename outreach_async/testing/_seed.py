"""Deterministic seeded data: a record is a pure function of (seed, type, id).

Nothing is stored for seeded records; the store keeps only their ids and asks `Seeder.make`
whenever one is read, so a million prospects cost a million ids. Relationships between seeded
records are consistent: a task's prospect is its sequence state's prospect, a sequence state's
account is its prospect's account, a step belongs to its sequence, and so on.
"""

from __future__ import annotations

import random
from array import array
from bisect import bisect_left
from collections.abc import Mapping
from typing import Any, Literal

from .._spec_types import ResourceSpec
from ._records import Linkage, Record, iso_z

_MASK = (1 << 64) - 1
#: Seeded timestamps lie between these instants (2021-01-01 and 2025-01-01, UTC).
SEED_START = 1_609_459_200
SEED_END = 1_735_689_600


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES = _words(
    "Sally Katie Amelia John Maria Liam Olivia Noah Emma Lucas Mia Ethan Ava Mateo Sofia Leo "
    "Chloe Omar Hana Ivan Priya Arjun Mei Kenji Zoe Diego Elena Samuel Nora Felix Ines Tariq "
    "Greta Hugo Aisha Pavel Lena Marco Yara Jonas Clara Ravi Freya Tomas Alma Kofi Iris Dmitri"
)
LAST_NAMES = _words(
    "Estevez Smith Johnson Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Wilson Anderson "
    "Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Clark Lewis Robinson "
    "Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker "
    "Hall Rivera Campbell Mitchell Carter Roberts Kowalski Novak Sato Okafor Jensen"
)
COMPANY_WORDS = _words(
    "Acme Globex Initech Umbrella Stark Wayne Hooli Vandelay Soylent Tyrell Cyberdyne Aperture "
    "Gringotts Monarch Oscorp Wonka Dunder Pied Massive Virtucon Nakatomi Zorg Ollivander Bluth"
)
COMPANY_SUFFIXES = ("Inc", "Corp", "Labs", "Systems", "Group", "Analytics", "Logistics", "Health")
INDUSTRIES = (
    "Software",
    "Financial Services",
    "Healthcare",
    "Manufacturing",
    "Retail",
    "Education",
    "Logistics",
    "Media",
)
TITLES = (
    "VP of Sales",
    "Account Executive",
    "Head of Marketing",
    "CTO",
    "Director of Operations",
    "Sales Development Representative",
    "Procurement Manager",
    "Chief Revenue Officer",
    "Engineering Manager",
    "Customer Success Lead",
)
CITIES = (
    ("Seattle", "WA", "USA"),
    ("Austin", "TX", "USA"),
    ("Boston", "MA", "USA"),
    ("London", None, "United Kingdom"),
    ("Berlin", None, "Germany"),
    ("Toronto", "ON", "Canada"),
    ("Sydney", "NSW", "Australia"),
    ("Denver", "CO", "USA"),
)
TIME_ZONES = ("America/Los_Angeles", "America/Chicago", "America/New_York", "Europe/London")
TAGS = ("Enterprise", "Tier 1", "Inbound", "2024 Expo", "Interested", "Partner", "Churn risk")
STAGE_NAMES = (
    "Cold Lead",
    "Warm Lead",
    "Qualified",
    "Meeting Booked",
    "Opportunity",
    "Customer",
    "Not Interested",
    "Bad Data",
)
SEQUENCE_NAMES = (
    "Outbound Enterprise",
    "Inbound Follow-up",
    "Event Attendees",
    "Re-engage Closed Lost",
    "Product Launch",
    "Executive Outreach",
    "Trial Nurture",
    "Renewal Reminder",
)
STEP_TYPES = ("auto_email", "manual_email", "call", "task")
SEQUENCE_STATE_STATES = (
    "active",
    "active",
    "active",
    "paused",
    "finished",
    "finished",
    "failed",
    "bounced",
    "opted_out",
)
TASK_ACTIONS = ("email", "call", "action_item", "in_person")
SEEDED_TYPES = (
    "user",
    "stage",
    "account",
    "prospect",
    "mailbox",
    "sequence",
    "sequenceStep",
    "sequenceState",
    "task",
)


def mix(value: int) -> int:
    """SplitMix64 finaliser: a well-spread 64-bit hash of an integer."""
    z = (value + 0x9E3779B97F4A7C15) & _MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31)


def type_salt(seed: int, type_name: str) -> int:
    salt = seed & _MASK
    for char in type_name:
        salt = mix(salt ^ ord(char))
    return salt


def seeded_ids(
    seed: int, type_name: str, count: int, layout: Literal["dense", "skewed"]
) -> array[int]:
    """Sorted ids of the seeded records: `1..count`, or skewed (90% in the lowest 5%)."""
    if count <= 0:
        return array("q")
    if layout == "dense":
        return array("q", range(1, count + 1))
    rng = random.Random(f"{seed}:{type_name}:ids")
    span = count * 20
    low = round(count * 0.9)
    ids = rng.sample(range(1, count + 1), low)
    ids += rng.sample(range(count + 1, span + 1), count - low)
    ids.sort()
    return array("q", ids)


class Seeder:
    """Makes the seeded record of a type and id, consistently with the other types."""

    def __init__(self, seed: int, ids: Mapping[str, array[int]]) -> None:
        self.seed = seed
        self._ids = ids
        self._salts = {name: type_salt(seed, name) for name in ids}

    def _hash(self, type_name: str, record_id: int, field: int = 0) -> int:
        return mix(self._salts[type_name] ^ (record_id * 0x100 + field))

    def _count(self, type_name: str) -> int:
        ids = self._ids.get(type_name)
        return len(ids) if ids is not None else 0

    def index(self, type_name: str, record_id: int) -> int:
        """Position of a seeded id among the seeded ids of its type."""
        ids = self._ids[type_name]
        position = bisect_left(ids, record_id)
        if position == len(ids) or ids[position] != record_id:
            raise KeyError(record_id)
        return position

    def _pick(self, type_name: str, key: int) -> int | None:
        ids = self._ids.get(type_name)
        if not ids:
            return None
        return ids[key % len(ids)]

    def _times(self, type_name: str, index: int, record_id: int) -> tuple[float, float]:
        """createdAt grows with the id; updatedAt falls anywhere between it and the end."""
        count = max(self._count(type_name), 1)
        span = (SEED_END - SEED_START) * 0.9
        h = self._hash(type_name, record_id, 1)
        created = SEED_START + span * index / count + (h % 3600)
        updated = created + (h >> 16) % max(int(SEED_END - created), 1)
        return created, updated

    def make(self, type_name: str, record_id: int) -> Record:
        index = self.index(type_name, record_id)
        created, updated = self._times(type_name, index, record_id)
        attributes: dict[str, Any] = {"createdAt": iso_z(created), "updatedAt": iso_z(updated)}
        relationships: dict[str, Linkage] = {}
        maker = getattr(self, f"_make_{type_name}", None)
        if maker is not None:
            maker(record_id, index, attributes, relationships)
        return Record(type_name, record_id, attributes, relationships)

    def make_generic(self, spec: ResourceSpec, record_id: int) -> Record:
        """A seeded record of a type without a dedicated maker: timestamps and a name."""
        record = self.make(spec.type, record_id)
        names = {a.name for a in spec.attributes}
        record.attributes = {k: v for k, v in record.attributes.items() if k in names}
        if "name" in names and spec.type not in {"user", "prospect"}:
            record.attributes["name"] = f"{spec.type[0].upper()}{spec.type[1:]} {record_id}"
        return record

    # Names shared by several types -------------------------------------------------------

    def person_name(self, type_name: str, record_id: int) -> tuple[str, str]:
        h = self._hash(type_name, record_id, 2)
        return FIRST_NAMES[h % len(FIRST_NAMES)], LAST_NAMES[(h >> 12) % len(LAST_NAMES)]

    def company(self, account_id: int) -> tuple[str, str]:
        """Name and domain of a seeded account."""
        h = self._hash("account", account_id, 2)
        word = COMPANY_WORDS[h % len(COMPANY_WORDS)]
        suffix = COMPANY_SUFFIXES[(h >> 8) % len(COMPANY_SUFFIXES)]
        name = f"{word} {suffix}" if account_id <= 200 else f"{word} {suffix} {account_id}"
        domain = f"{word.lower()}-{suffix.lower()}{account_id}.example.com"
        return name, domain

    def user_email(self, user_id: int) -> str:
        first, last = self.person_name("user", user_id)
        return f"{first.lower()}.{last.lower()}{user_id}@fake-outreach.example.com"

    def prospect_account(self, prospect_id: int) -> int | None:
        return self._pick("account", self._hash("prospect", prospect_id, 3))

    def prospect_owner(self, prospect_id: int) -> int | None:
        return self._pick("user", self._hash("prospect", prospect_id, 4))

    def sequence_state_pair(self, index: int) -> tuple[int, int] | None:
        """(prospect index, sequence index) of the seeded sequence state at `index`.

        Pairs are unique: state i takes prospect i mod P and the (i div P)-th sequence after a
        per-prospect offset, so at most P * S states are seeded.
        """
        prospects, sequences = self._count("prospect"), self._count("sequence")
        if not prospects or not sequences or index >= prospects * sequences:
            return None
        prospect = index % prospects
        sequence = (index // prospects + self._offset(prospect, sequences)) % sequences
        return prospect, sequence

    def sequence_state_index(self, prospect_index: int, sequence_index: int) -> int | None:
        """Inverse of `sequence_state_pair`: the seeded state index of a pair, if any."""
        prospects, sequences = self._count("prospect"), self._count("sequence")
        if not prospects or not sequences:
            return None
        rounds = (sequence_index - self._offset(prospect_index, sequences)) % sequences
        index = rounds * prospects + prospect_index
        return index if index < self._count("sequenceState") else None

    def _offset(self, prospect_index: int, sequences: int) -> int:
        return mix(self.seed ^ prospect_index) % sequences

    def sequence_state_refs(self, index: int) -> tuple[int, int] | None:
        pair = self.sequence_state_pair(index)
        if pair is None:
            return None
        return self._ids["prospect"][pair[0]], self._ids["sequence"][pair[1]]

    def first_step_of(self, sequence_id: int) -> int | None:
        """The seeded step with order 1 of a seeded sequence (steps go round-robin)."""
        sequences = self._ids.get("sequence")
        steps = self._ids.get("sequenceStep")
        if not sequences or not steps:
            return None
        position = bisect_left(sequences, sequence_id)
        if position >= len(sequences) or sequences[position] != sequence_id:
            return None
        return steps[position] if position < len(steps) else None

    # One maker per seeded type -------------------------------------------------------------

    def _make_user(
        self, rid: int, index: int, attrs: dict[str, Any], rels: dict[str, Linkage]
    ) -> None:
        first, last = self.person_name("user", rid)
        h = self._hash("user", rid, 5)
        attrs.update(
            firstName=first,
            lastName=last,
            name=f"{first} {last}",
            email=self.user_email(rid),
            username=f"{first.lower()}{rid}",
            title=TITLES[h % len(TITLES)],
            locked=False,
            phoneNumber=f"+1 206 555 {1000 + rid % 9000:04d}",
            lastSignInAt=attrs["updatedAt"],
        )
        mailbox = self._pick("mailbox", index)
        rels["mailbox"] = ("mailbox", mailbox) if mailbox is not None else None

    def _make_stage(
        self, rid: int, index: int, attrs: dict[str, Any], rels: dict[str, Linkage]
    ) -> None:
        name = STAGE_NAMES[index] if index < len(STAGE_NAMES) else f"Stage {index + 1}"
        attrs.update(
            name=name, order=index + 1, color=f"#{self._hash('stage', rid) % 0xFFFFFF:06x}"
        )

    def _make_account(
        self, rid: int, index: int, attrs: dict[str, Any], rels: dict[str, Linkage]
    ) -> None:
        name, domain = self.company(rid)
        h = self._hash("account", rid, 5)
        city, _, country = CITIES[h % len(CITIES)]
        attrs.update(
            name=name,
            naturalName=name.split(" ")[0],
            domain=domain,
            websiteUrl=f"https://www.{domain}",
            industry=INDUSTRIES[(h >> 8) % len(INDUSTRIES)],
            locality=f"{city}, {country}",
            numberOfEmployees=10 * (1 + (h >> 16) % 5000),
            buyerIntentScore=None if (h >> 32) % 3 == 0 else round((h >> 40) % 1000 / 10, 1),
            named=(h >> 20) % 4 == 0,
            tags=[TAGS[(h >> 24) % len(TAGS)]],
        )
        owner = self._pick("user", h >> 28)
        rels["owner"] = ("user", owner) if owner is not None else None

    def _make_prospect(
        self, rid: int, index: int, attrs: dict[str, Any], rels: dict[str, Linkage]
    ) -> None:
        first, last = self.person_name("prospect", rid)
        h = self._hash("prospect", rid, 5)
        account = self.prospect_account(rid)
        company, domain = self.company(account) if account is not None else (None, None)
        email_domain = domain or "mail.example.com"
        city, state, country = CITIES[h % len(CITIES)]
        attrs.update(
            firstName=first,
            lastName=last,
            name=f"{first} {last}",
            emails=[f"{first.lower()}.{last.lower()}{rid}@{email_domain}"],
            title=TITLES[(h >> 8) % len(TITLES)],
            occupation=TITLES[(h >> 8) % len(TITLES)],
            company=company,
            addressCity=city,
            addressState=state,
            addressCountry=country,
            timeZone=TIME_ZONES[(h >> 12) % len(TIME_ZONES)],
            tags=[TAGS[(h >> 16) % len(TAGS)]] if (h >> 20) % 2 else [],
            engagedScore=float((h >> 24) % 100),
            openCount=(h >> 32) % 12,
            clickCount=(h >> 36) % 4,
            replyCount=(h >> 40) % 2,
            optedOut=(h >> 44) % 50 == 0,
            source="Seed",
            addedAt=attrs["createdAt"],
        )
        owner = self.prospect_owner(rid)
        stage = self._pick("stage", h >> 48)
        rels["account"] = ("account", account) if account is not None else None
        rels["owner"] = ("user", owner) if owner is not None else None
        rels["creator"] = rels["owner"]
        rels["stage"] = ("stage", stage) if stage is not None else None

    def _make_mailbox(
        self, rid: int, index: int, attrs: dict[str, Any], rels: dict[str, Linkage]
    ) -> None:
        user = self._pick("user", index)
        email = (
            self.user_email(user)
            if user is not None and index < self._count("user")
            else f"mailbox{rid}@fake-outreach.example.com"
        )
        attrs.update(
            email=email,
            userId=user,
            sendMethod="smtp",
            syncMethod="imap",
            maxEmailsPerDay=500,
            sendDisabled=False,
            syncDisabled=False,
            editable=True,
        )
        rels["user"] = ("user", user) if user is not None else None

    def _make_sequence(
        self, rid: int, index: int, attrs: dict[str, Any], rels: dict[str, Linkage]
    ) -> None:
        h = self._hash("sequence", rid, 5)
        base = SEQUENCE_NAMES[index % len(SEQUENCE_NAMES)]
        name = base if index < len(SEQUENCE_NAMES) else f"{base} {index // len(SEQUENCE_NAMES) + 1}"
        enabled = index % 4 != 3
        sequences, steps = self._count("sequence"), self._count("sequenceStep")
        attrs.update(
            name=name,
            description=f"{name} cadence",
            enabled=enabled,
            enabledAt=attrs["createdAt"] if enabled else None,
            sequenceType="interval",
            shareType="shared",
            primaryReplyAction="finish",
            secondaryReplyAction="continue",
            tags=[TAGS[h % len(TAGS)]],
            sequenceStepCount=(steps - index + sequences - 1) // sequences if steps > index else 0,
            throttlePaused=False,
        )
        owner = self._pick("user", h >> 8)
        rels["owner"] = ("user", owner) if owner is not None else None
        rels["creator"] = rels["owner"]

    def _make_sequenceStep(
        self, rid: int, index: int, attrs: dict[str, Any], rels: dict[str, Linkage]
    ) -> None:
        sequences = self._count("sequence")
        order = index // sequences + 1 if sequences else index + 1
        step_type = STEP_TYPES[index % len(STEP_TYPES)]
        attrs.update(
            order=order,
            stepType=step_type,
            interval=86_400 * (order - 1),
            displayName=f"Step #{order} ({step_type.replace('_', ' ')})",
        )
        sequence = self._pick("sequence", index)
        rels["sequence"] = ("sequence", sequence) if sequence is not None else None

    def _make_sequenceState(
        self, rid: int, index: int, attrs: dict[str, Any], rels: dict[str, Linkage]
    ) -> None:
        h = self._hash("sequenceState", rid, 5)
        state = SEQUENCE_STATE_STATES[h % len(SEQUENCE_STATE_STATES)]
        attrs.update(
            state=state,
            stateChangedAt=attrs["updatedAt"],
            activeAt=attrs["createdAt"],
            deliverCount=(h >> 8) % 5,
            openCount=(h >> 12) % 4,
            clickCount=(h >> 16) % 2,
            replyCount=(h >> 20) % 2,
            bounceCount=1 if state == "bounced" else 0,
            pauseReason="manual" if state == "paused" else None,
        )
        refs = self.sequence_state_refs(index)
        mailbox = self._pick("mailbox", h >> 24)
        if refs is not None:
            prospect, sequence = refs
            account = self.prospect_account(prospect)
            step = self.first_step_of(sequence)
            rels["prospect"] = ("prospect", prospect)
            rels["sequence"] = ("sequence", sequence)
            rels["account"] = ("account", account) if account is not None else None
            rels["sequenceStep"] = ("sequenceStep", step) if step is not None else None
        rels["mailbox"] = ("mailbox", mailbox) if mailbox is not None else None
        mailboxes = self._count("mailbox")
        user = self._pick("user", (h >> 24) % mailboxes) if mailboxes else None
        rels["user"] = ("user", user) if user is not None else None

    def _make_task(
        self, rid: int, index: int, attrs: dict[str, Any], rels: dict[str, Linkage]
    ) -> None:
        h = self._hash("task", rid, 5)
        complete = h % 3 == 0
        due = SEED_START + (h >> 8) % (SEED_END - SEED_START)
        attrs.update(
            action=TASK_ACTIONS[(h >> 4) % len(TASK_ACTIONS)],
            state="complete" if complete else "incomplete",
            completed=complete,
            completedAt=attrs["updatedAt"] if complete else None,
            dueAt=iso_z(due),
            scheduledAt=iso_z(due),
            stateChangedAt=attrs["updatedAt"],
            note=None,
            taskType="manual",
        )
        prospect: int | None = None
        states = self._ids.get("sequenceState")
        if states and index % 2 == 0:
            state_index = (h >> 40) % len(states)
            refs = self.sequence_state_refs(state_index)
            if refs is not None:
                prospect, sequence = refs
                step = self.first_step_of(sequence)
                attrs["taskType"] = "sequence_step_" + ("call" if index % 4 == 0 else "email")
                rels["sequenceState"] = ("sequenceState", states[state_index])
                rels["sequence"] = ("sequence", sequence)
                rels["sequenceStep"] = ("sequenceStep", step) if step is not None else None
        if prospect is None:
            prospect = self._pick("prospect", h >> 24)
        owner = self._pick("user", h >> 32)
        rels["owner"] = ("user", owner) if owner is not None else None
        if prospect is not None:
            account = self.prospect_account(prospect)
            rels["prospect"] = ("prospect", prospect)
            rels["subject"] = ("prospect", prospect)
            rels["account"] = ("account", account) if account is not None else None
