# Generated from outreach_async/_spec.py by tools/generate_models.py (`make generate`).
# Do not edit by hand.
"""Typed models of every Outreach resource type, one attrs class each."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

import attrs

from .._absent import ABSENT, Absent
from ..jsonapi.document import Resource, relationship_entries
from ._base import (
    Model,
    Ref,
    Schema,
    finish,
    new,
    register,
    to_date,
    to_datetime,
    to_many,
    to_one,
)

__all__ = [
    "Account",
    "AccountNote",
    "AuditLog",
    "Batch",
    "BatchItem",
    "Call",
    "CallDisposition",
    "CallPurpose",
    "ComplianceRequest",
    "ContentCategory",
    "ContentCategoryMembership",
    "ContentCategoryOwnership",
    "CustomDuty",
    "Duty",
    "EmailAddress",
    "Event",
    "Favorite",
    "Import",
    "KaiaRecording",
    "KaiaVoiceImport",
    "MailAlias",
    "Mailbox",
    "Mailing",
    "Opportunity",
    "OpportunityProspectRole",
    "OpportunityStage",
    "OrgSetting",
    "Persona",
    "PhoneNumber",
    "Product",
    "Profile",
    "Prospect",
    "ProspectNote",
    "Purchase",
    "Recipient",
    "Role",
    "Ruleset",
    "Sequence",
    "SequenceState",
    "SequenceStep",
    "SequenceTemplate",
    "Snippet",
    "Stage",
    "Task",
    "TaskDisposition",
    "TaskPriority",
    "TaskPurpose",
    "Team",
    "Template",
    "User",
    "Webhook",
]


@attrs.define(kw_only=True, repr=False)
class Account(Model):
    """A descriptor of a named company used to categorize prospects within an account-based
    sales approach. Read-only (set by the server): created_at, touched_at, updated_at,
    batches, creator, default_plugin_mapping, prospects, purchases, tasks, updater.
    """

    TYPE: ClassVar[str] = "account"
    PLURAL: ClassVar[str] = "accounts"

    annual_revenue_range: str | Absent | None = ABSENT
    buyer_intent_score: float | Absent | None = ABSENT
    company_type: str | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    custom_id: str | Absent | None = ABSENT
    description: str | Absent | None = ABSENT
    domain: str | Absent | None = ABSENT
    external_source: str | Absent | None = ABSENT
    followers: int | Absent | None = ABSENT
    founded_at: datetime | Absent | None = ABSENT
    industry: str | Absent | None = ABSENT
    linked_in_employees: int | Absent | None = ABSENT
    linked_in_url: str | Absent | None = ABSENT
    locality: str | Absent | None = ABSENT
    naics_codes: list[str] | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    named: bool | Absent | None = ABSENT
    natural_name: str | Absent | None = ABSENT
    number_of_employees: int | Absent | None = ABSENT
    sharing_team_id: str | Absent | None = ABSENT
    sic_codes: list[str] | Absent | None = ABSENT
    tags: list[str] | Absent | None = ABSENT
    ticker_symbol: str | Absent | None = ABSENT
    touched_at: datetime | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    website_url: str | Absent | None = ABSENT
    assigned_teams: list[Ref[Team]] | Absent = ABSENT
    assigned_users: list[Ref[User]] | Absent = ABSENT
    batches: list[Ref[Batch]] | Absent = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    default_plugin_mapping: Ref[Resource] | Absent | None = ABSENT
    favorites: list[Ref[Favorite]] | Absent = ABSENT
    owner: Ref[User] | Absent | None = ABSENT
    primary_record_team: Ref[Team] | Absent | None = ABSENT
    prospects: list[Ref[Prospect]] | Absent = ABSENT
    purchases: list[Ref[Purchase]] | Absent = ABSENT
    record_team_members: list[Ref[User]] | Absent = ABSENT
    record_teams: list[Ref[Team]] | Absent = ABSENT
    tasks: list[Ref[Task]] | Absent = ABSENT
    updater: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("annual_revenue_range", "annualRevenueRange", ""),
            ("buyer_intent_score", "buyerIntentScore", ""),
            ("company_type", "companyType", ""),
            ("created_at", "createdAt", "rt"),
            ("custom_id", "customId", ""),
            ("description", "description", ""),
            ("domain", "domain", ""),
            ("external_source", "externalSource", ""),
            ("followers", "followers", ""),
            ("founded_at", "foundedAt", "t"),
            ("industry", "industry", ""),
            ("linked_in_employees", "linkedInEmployees", ""),
            ("linked_in_url", "linkedInUrl", ""),
            ("locality", "locality", ""),
            ("naics_codes", "naicsCodes", ""),
            ("name", "name", ""),
            ("named", "named", ""),
            ("natural_name", "naturalName", ""),
            ("number_of_employees", "numberOfEmployees", ""),
            ("sharing_team_id", "sharingTeamId", ""),
            ("sic_codes", "sicCodes", ""),
            ("tags", "tags", ""),
            ("ticker_symbol", "tickerSymbol", ""),
            ("touched_at", "touchedAt", "rt"),
            ("updated_at", "updatedAt", "rt"),
            ("website_url", "websiteUrl", ""),
        ),
        relationships=(
            ("assigned_teams", "assignedTeams", ("team",), "m"),
            ("assigned_users", "assignedUsers", ("user",), "m"),
            ("batches", "batches", ("batch",), "mrl"),
            ("creator", "creator", ("user",), "r"),
            ("default_plugin_mapping", "defaultPluginMapping", ("pluginMapping",), "r"),
            ("favorites", "favorites", ("favorite",), "m"),
            ("owner", "owner", ("user",), ""),
            ("primary_record_team", "primaryRecordTeam", ("team",), ""),
            ("prospects", "prospects", ("prospect",), "mrl"),
            ("purchases", "purchases", ("purchase",), "mrl"),
            ("record_team_members", "recordTeamMembers", ("user",), "m"),
            ("record_teams", "recordTeams", ("team",), "m"),
            ("tasks", "tasks", ("task",), "mrl"),
            ("updater", "updater", ("user",), "r"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class AccountNote(Model):
    """Notes related to accounts Read-only (set by the server): created_at, creator,
    opportunity.
    """

    TYPE: ClassVar[str] = "accountNote"
    PLURAL: ClassVar[str] = "accountNotes"

    created_at: datetime | Absent | None = ABSENT
    message: str | Absent | None = ABSENT
    note_type: str | Absent | None = ABSENT
    opportunity_association_rule: str | Absent | None = ABSENT
    pinned: bool | Absent | None = ABSENT
    account: Ref[Account] | Absent | None = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    opportunity: Ref[Opportunity] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("created_at", "createdAt", "rt"),
            ("message", "message", ""),
            ("note_type", "noteType", ""),
            ("opportunity_association_rule", "opportunityAssociationRule", "w"),
            ("pinned", "pinned", ""),
        ),
        relationships=(
            ("account", "account", ("account",), ""),
            ("creator", "creator", ("user",), "r"),
            ("opportunity", "opportunity", ("opportunity",), "r"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class AuditLog(Model):
    """Audit log events are usually kept for 90 days. Read-only (set by the server): action,
    additional_info, agent, changes, event_name, global_id, org_id, request_id, result,
    timestamp.
    """

    TYPE: ClassVar[str] = "auditLog"
    PLURAL: ClassVar[str] = "auditLogs"

    action: str | Absent | None = ABSENT
    additional_info: list[dict[str, Any]] | Absent | None = ABSENT
    agent: dict[str, Any] | Absent | None = ABSENT
    changes: list[dict[str, Any]] | Absent | None = ABSENT
    event_name: str | Absent | None = ABSENT
    global_id: str | Absent | None = ABSENT
    org_id: str | Absent | None = ABSENT
    request_id: str | Absent | None = ABSENT
    result: str | Absent | None = ABSENT
    timestamp: datetime | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("action", "action", "r"),
            ("additional_info", "additionalInfo", "r"),
            ("agent", "agent", "r"),
            ("changes", "changes", "r"),
            ("event_name", "eventName", "r"),
            ("global_id", "globalId", "r"),
            ("org_id", "orgId", "r"),
            ("request_id", "requestId", "r"),
            ("result", "result", "r"),
            ("timestamp", "timestamp", "rt"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Batch(Model):
    """A group of records (Prospect, Account, etc.) in which the same particular action was
    performed. Read-only (set by the server): confirm_count, confirmed_at,
    confirmed_count_required, created_at, failures, pending, total, updated_at, batch_items,
    creator.
    """

    TYPE: ClassVar[str] = "batch"
    PLURAL: ClassVar[str] = "batches"

    action: str | Absent | None = ABSENT
    canceled_at: datetime | Absent | None = ABSENT
    confirm_count: int | Absent | None = ABSENT
    confirmed_at: datetime | Absent | None = ABSENT
    confirmed_count_required: bool | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    external_start_payload: str | Absent | None = ABSENT
    failures: int | Absent | None = ABSENT
    finished_at: datetime | Absent | None = ABSENT
    payload: dict[str, Any] | Absent | None = ABSENT
    pending: int | Absent | None = ABSENT
    started_at: datetime | Absent | None = ABSENT
    state: str | Absent | None = ABSENT
    summary: dict[str, Any] | Absent | None = ABSENT
    total: int | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    batch_items: list[Ref[BatchItem]] | Absent = ABSENT
    creator: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("action", "action", ""),
            ("canceled_at", "canceledAt", "t"),
            ("confirm_count", "confirmCount", "r"),
            ("confirmed_at", "confirmedAt", "rt"),
            ("confirmed_count_required", "confirmedCountRequired", "r"),
            ("created_at", "createdAt", "rt"),
            ("external_start_payload", "externalStartPayload", ""),
            ("failures", "failures", "r"),
            ("finished_at", "finishedAt", "t"),
            ("payload", "payload", ""),
            ("pending", "pending", "r"),
            ("started_at", "startedAt", "t"),
            ("state", "state", ""),
            ("summary", "summary", ""),
            ("total", "total", "r"),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("batch_items", "batchItems", ("batchItem",), "mrl"),
            ("creator", "creator", ("user",), "r"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class BatchItem(Model):
    """A record associated with a batch in which a particular action was performed. Read-only
    (set by the server): batch_id, created_at, failed, state, batch.
    """

    TYPE: ClassVar[str] = "batchItem"
    PLURAL: ClassVar[str] = "batchItems"

    batch_id: int | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    data: str | Absent | None = ABSENT
    failed: bool | Absent | None = ABSENT
    info: str | Absent | None = ABSENT
    state: str | Absent | None = ABSENT
    batch: Ref[Batch] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("batch_id", "batchId", "r"),
            ("created_at", "createdAt", "rt"),
            ("data", "data", ""),
            ("failed", "failed", "r"),
            ("info", "info", ""),
            ("state", "state", "r"),
        ),
        relationships=(("batch", "batch", ("batch",), "r"),),
    )


@attrs.define(kw_only=True, repr=False)
class Call(Model):
    """A log of an inbound or outbound call made with a prospect. Read-only (set by the
    server): created_at, state, state_changed_at, uid, updated_at, voicemail_recording_url,
    associated_id, batches, kaia_crm_recording.
    """

    TYPE: ClassVar[str] = "call"
    PLURAL: ClassVar[str] = "calls"

    answered_at: datetime | Absent | None = ABSENT
    completed_at: datetime | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    dialed_at: datetime | Absent | None = ABSENT
    direction: str | Absent | None = ABSENT
    external_vendor: str | Absent | None = ABSENT
    from_: str | Absent | None = ABSENT
    note: str | Absent | None = ABSENT
    outcome: str | Absent | None = ABSENT
    recording_url: str | Absent | None = ABSENT
    returned_at: datetime | Absent | None = ABSENT
    sequence_action: str | Absent | None = ABSENT
    should_record_call: bool | Absent | None = ABSENT
    state: str | Absent | None = ABSENT
    state_changed_at: datetime | Absent | None = ABSENT
    tags: list[str] | Absent | None = ABSENT
    to: str | Absent | None = ABSENT
    uid: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    user_call_type: str | Absent | None = ABSENT
    vendor_call_id: str | Absent | None = ABSENT
    voicemail_recording_url: str | Absent | None = ABSENT
    associated_id: Ref[Account | Opportunity] | Absent | None = ABSENT
    batches: list[Ref[Batch]] | Absent = ABSENT
    call_disposition: Ref[CallDisposition] | Absent | None = ABSENT
    call_purpose: Ref[CallPurpose] | Absent | None = ABSENT
    kaia_crm_recording: Ref[Resource] | Absent | None = ABSENT
    opportunity: Ref[Opportunity] | Absent | None = ABSENT
    outbound_voicemail: Ref[Resource] | Absent | None = ABSENT
    phone: Ref[Resource] | Absent | None = ABSENT
    phone_number: Ref[PhoneNumber] | Absent | None = ABSENT
    prospect: Ref[Prospect] | Absent | None = ABSENT
    sequence: Ref[Sequence] | Absent | None = ABSENT
    sequence_state: Ref[SequenceState] | Absent | None = ABSENT
    sequence_step: Ref[SequenceStep] | Absent | None = ABSENT
    task: Ref[Task] | Absent | None = ABSENT
    user: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("answered_at", "answeredAt", "t"),
            ("completed_at", "completedAt", "t"),
            ("created_at", "createdAt", "rt"),
            ("dialed_at", "dialedAt", "t"),
            ("direction", "direction", ""),
            ("external_vendor", "externalVendor", ""),
            ("from_", "from", ""),
            ("note", "note", ""),
            ("outcome", "outcome", ""),
            ("recording_url", "recordingUrl", ""),
            ("returned_at", "returnedAt", "t"),
            ("sequence_action", "sequenceAction", ""),
            ("should_record_call", "shouldRecordCall", ""),
            ("state", "state", "r"),
            ("state_changed_at", "stateChangedAt", "rt"),
            ("tags", "tags", ""),
            ("to", "to", ""),
            ("uid", "uid", "r"),
            ("updated_at", "updatedAt", "rt"),
            ("user_call_type", "userCallType", ""),
            ("vendor_call_id", "vendorCallId", ""),
            ("voicemail_recording_url", "voicemailRecordingUrl", "r"),
        ),
        relationships=(
            ("associated_id", "associatedId", ("account", "opportunity"), "r"),
            ("batches", "batches", ("batch",), "mrl"),
            ("call_disposition", "callDisposition", ("callDisposition",), ""),
            ("call_purpose", "callPurpose", ("callPurpose",), ""),
            ("kaia_crm_recording", "kaiaCrmRecording", ("kaiaCrmRecording",), "r"),
            ("opportunity", "opportunity", ("opportunity",), ""),
            ("outbound_voicemail", "outboundVoicemail", ("outboundVoicemail",), ""),
            ("phone", "phone", ("phone",), ""),
            ("phone_number", "phoneNumber", ("phoneNumber",), ""),
            ("prospect", "prospect", ("prospect",), ""),
            ("sequence", "sequence", ("sequence",), ""),
            ("sequence_state", "sequenceState", ("sequenceState",), ""),
            ("sequence_step", "sequenceStep", ("sequenceStep",), ""),
            ("task", "task", ("task",), ""),
            ("user", "user", ("user",), ""),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class CallDisposition(Model):
    """A ready-made collection of call dispositions that help categorize your call logs.
    Read-only (set by the server): created_at, updated_at, calls, creator.
    """

    TYPE: ClassVar[str] = "callDisposition"
    PLURAL: ClassVar[str] = "callDispositions"

    created_at: datetime | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    order: int | Absent | None = ABSENT
    outcome: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    calls: list[Ref[Call]] | Absent = ABSENT
    creator: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("created_at", "createdAt", "rt"),
            ("name", "name", ""),
            ("order", "order", ""),
            ("outcome", "outcome", ""),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("calls", "calls", ("call",), "mrl"),
            ("creator", "creator", ("user",), "r"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class CallPurpose(Model):
    """A ready-made collection of call purposes that help categorize your call logs. Read-only
    (set by the server): created_at, updated_at, calls, creator.
    """

    TYPE: ClassVar[str] = "callPurpose"
    PLURAL: ClassVar[str] = "callPurposes"

    created_at: datetime | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    order: int | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    calls: list[Ref[Call]] | Absent = ABSENT
    creator: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("created_at", "createdAt", "rt"),
            ("name", "name", ""),
            ("order", "order", ""),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("calls", "calls", ("call",), "mrl"),
            ("creator", "creator", ("user",), "r"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class ComplianceRequest(Model):
    """A regulatory request to delete or export an individual's PII. Read-only (set by the
    server): created_at, updated_at, requester.
    """

    TYPE: ClassVar[str] = "complianceRequest"
    PLURAL: ClassVar[str] = "complianceRequests"

    batch_compliance_request_uuid: str | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    object_type: str | Absent | None = ABSENT
    pii: dict[str, Any] | Absent | None = ABSENT
    request_object_id: str | Absent | None = ABSENT
    request_type: str | Absent | None = ABSENT
    requester_id: int | Absent | None = ABSENT
    state: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    uuid: str | Absent | None = ABSENT
    requester: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("batch_compliance_request_uuid", "batchComplianceRequestUuid", ""),
            ("created_at", "createdAt", "rt"),
            ("object_type", "objectType", ""),
            ("pii", "pii", ""),
            ("request_object_id", "requestObjectId", ""),
            ("request_type", "requestType", ""),
            ("requester_id", "requesterId", ""),
            ("state", "state", ""),
            ("updated_at", "updatedAt", "rt"),
            ("uuid", "uuid", ""),
        ),
        relationships=(("requester", "requester", ("user",), "r"),),
    )


@attrs.define(kw_only=True, repr=False)
class ContentCategory(Model):
    """Content can be grouped into content categories to help discoverability. Read-only (set
    by the server): created_at, updated_at, creator.
    """

    TYPE: ClassVar[str] = "contentCategory"
    PLURAL: ClassVar[str] = "contentCategories"

    allow_sequences: bool | Absent | None = ABSENT
    allow_snippets: bool | Absent | None = ABSENT
    allow_templates: bool | Absent | None = ABSENT
    color: str | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    teams: list[Ref[Team]] | Absent = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("allow_sequences", "allowSequences", ""),
            ("allow_snippets", "allowSnippets", ""),
            ("allow_templates", "allowTemplates", ""),
            ("color", "color", ""),
            ("created_at", "createdAt", "rt"),
            ("name", "name", ""),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("creator", "creator", ("user",), "r"),
            ("teams", "teams", ("team",), "m"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class ContentCategoryMembership(Model):
    """A record that maps content (e.g. Read-only (set by the server): created_at, updated_at,
    creator.
    """

    TYPE: ClassVar[str] = "contentCategoryMembership"
    PLURAL: ClassVar[str] = "contentCategoryMemberships"

    created_at: datetime | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    content: Ref[Sequence | Snippet | Template] | Absent | None = ABSENT
    content_category: Ref[ContentCategory] | Absent | None = ABSENT
    creator: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("created_at", "createdAt", "rt"),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("content", "content", ("sequence", "snippet", "template"), ""),
            ("content_category", "contentCategory", ("contentCategory",), ""),
            ("creator", "creator", ("user",), "r"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class ContentCategoryOwnership(Model):
    """A record that maps content categories to owners. Read-only (set by the server):
    created_at, updated_at, creator.
    """

    TYPE: ClassVar[str] = "contentCategoryOwnership"
    PLURAL: ClassVar[str] = "contentCategoryOwnerships"

    created_at: datetime | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    content_category: Ref[ContentCategory] | Absent | None = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    owner: Ref[Team] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("created_at", "createdAt", "rt"),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("content_category", "contentCategory", ("contentCategory",), ""),
            ("creator", "creator", ("user",), "r"),
            ("owner", "owner", ("team",), ""),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class CustomDuty(Model):
    """A freeform user-specified role or job duty played by a user in their organization."""

    TYPE: ClassVar[str] = "customDuty"
    PLURAL: ClassVar[str] = "customDuties"

    duty_type: str | Absent | None = ABSENT
    name: str | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("duty_type", "dutyType", ""),
            ("name", "name", ""),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Duty(Model):
    """An Outreach-suggested role or job duty played by a user in their organization."""

    TYPE: ClassVar[str] = "duty"
    PLURAL: ClassVar[str] = "duties"

    duty_type: str | Absent | None = ABSENT
    symbolic_name: str | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("duty_type", "dutyType", ""),
            ("symbolic_name", "symbolicName", ""),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class EmailAddress(Model):
    """A prospect's email address Read-only (set by the server): created_at, status_changed_at,
    unsubscribed_at, updated_at.
    """

    TYPE: ClassVar[str] = "emailAddress"
    PLURAL: ClassVar[str] = "emailAddresses"

    created_at: datetime | Absent | None = ABSENT
    email: str | Absent | None = ABSENT
    email_type: str | Absent | None = ABSENT
    order: int | Absent | None = ABSENT
    status: str | Absent | None = ABSENT
    status_changed_at: datetime | Absent | None = ABSENT
    unsubscribed_at: datetime | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    prospect: Ref[Prospect] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("created_at", "createdAt", "rt"),
            ("email", "email", ""),
            ("email_type", "emailType", ""),
            ("order", "order", ""),
            ("status", "status", ""),
            ("status_changed_at", "statusChangedAt", "rt"),
            ("unsubscribed_at", "unsubscribedAt", "rt"),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(("prospect", "prospect", ("prospect",), ""),),
    )


@attrs.define(kw_only=True, repr=False)
class Event(Model):
    """Application events, capturing details around the initiator, recipient, etc. Read-only
    (set by the server): created_at, request_city, request_device, request_host,
    request_proxied, request_region, note, sequence, sequence_step.
    """

    TYPE: ClassVar[str] = "event"
    PLURAL: ClassVar[str] = "events"

    body: str | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    event_at: datetime | Absent | None = ABSENT
    external_url: str | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    payload: dict[str, Any] | Absent | None = ABSENT
    request_city: str | Absent | None = ABSENT
    request_device: str | Absent | None = ABSENT
    request_host: str | Absent | None = ABSENT
    request_proxied: bool | Absent | None = ABSENT
    request_region: str | Absent | None = ABSENT
    account: Ref[Account] | Absent | None = ABSENT
    call: Ref[Call] | Absent | None = ABSENT
    mailing: Ref[Mailing] | Absent | None = ABSENT
    note: Ref[Resource] | Absent | None = ABSENT
    opportunity: Ref[Opportunity] | Absent | None = ABSENT
    plugin: Ref[Resource] | Absent | None = ABSENT
    prospect: Ref[Prospect] | Absent | None = ABSENT
    sequence: Ref[Sequence] | Absent | None = ABSENT
    sequence_step: Ref[SequenceStep] | Absent | None = ABSENT
    task: Ref[Task] | Absent | None = ABSENT
    user: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("body", "body", ""),
            ("created_at", "createdAt", "rt"),
            ("event_at", "eventAt", "t"),
            ("external_url", "externalUrl", ""),
            ("name", "name", ""),
            ("payload", "payload", ""),
            ("request_city", "requestCity", "r"),
            ("request_device", "requestDevice", "r"),
            ("request_host", "requestHost", "r"),
            ("request_proxied", "requestProxied", "r"),
            ("request_region", "requestRegion", "r"),
        ),
        relationships=(
            ("account", "account", ("account",), ""),
            ("call", "call", ("call",), ""),
            ("mailing", "mailing", ("mailing",), ""),
            ("note", "note", ("note",), "r"),
            ("opportunity", "opportunity", ("opportunity",), ""),
            ("plugin", "plugin", ("plugin",), ""),
            ("prospect", "prospect", ("prospect",), ""),
            ("sequence", "sequence", ("sequence",), "r"),
            ("sequence_step", "sequenceStep", ("sequenceStep",), "r"),
            ("task", "task", ("task",), ""),
            ("user", "user", ("user",), ""),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Favorite(Model):
    """A record (Prospect, Account, Sequence, etc.) favorited by a particular user. Read-only
    (set by the server): created_at, target_id, target_type, updated_at, creator.
    """

    TYPE: ClassVar[str] = "favorite"
    PLURAL: ClassVar[str] = "favorites"

    created_at: datetime | Absent | None = ABSENT
    target_id: int | Absent | None = ABSENT
    target_type: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    target: (
        Ref[
            Account
            | Opportunity
            | Prospect
            | Sequence
            | Snippet
            | Team
            | Template
            | User
            | Resource
        ]
        | Absent
        | None
    ) = ABSENT
    user: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("created_at", "createdAt", "rt"),
            ("target_id", "targetId", "r"),
            ("target_type", "targetType", "r"),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("creator", "creator", ("user",), "r"),
            (
                "target",
                "target",
                (
                    "account",
                    "meetingType",
                    "opportunity",
                    "prospect",
                    "sequence",
                    "snippet",
                    "team",
                    "template",
                    "user",
                ),
                "",
            ),
            ("user", "user", ("user",), ""),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Import(Model):
    """An operation that imports data into Outreach Read-only (set by the server): created_at,
    recurring, updated_at, creator.
    """

    TYPE: ClassVar[str] = "import"
    PLURAL: ClassVar[str] = "imports"

    created_at: datetime | Absent | None = ABSENT
    dupe_method: str | Absent | None = ABSENT
    dupes: int | Absent | None = ABSENT
    error_reason: str | Absent | None = ABSENT
    external_id: str | Absent | None = ABSENT
    external_name: str | Absent | None = ABSENT
    external_type: str | Absent | None = ABSENT
    failures: int | Absent | None = ABSENT
    file_name: str | Absent | None = ABSENT
    file_size: int | Absent | None = ABSENT
    frequency: str | Absent | None = ABSENT
    import_type: str | Absent | None = ABSENT
    load_from_plugin: bool | Absent | None = ABSENT
    mappings: dict[str, Any] | Absent | None = ABSENT
    plugin_id: int | Absent | None = ABSENT
    prospect_owner_id: int | Absent | None = ABSENT
    recurring: bool | Absent | None = ABSENT
    report_instance_id: str | Absent | None = ABSENT
    scheduled_at: datetime | Absent | None = ABSENT
    source: str | Absent | None = ABSENT
    stage_id: int | Absent | None = ABSENT
    state: str | Absent | None = ABSENT
    state_changed_at: datetime | Absent | None = ABSENT
    synced_until: datetime | Absent | None = ABSENT
    time_zone: str | Absent | None = ABSENT
    total: int | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    creator: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("created_at", "createdAt", "rt"),
            ("dupe_method", "dupeMethod", ""),
            ("dupes", "dupes", ""),
            ("error_reason", "errorReason", ""),
            ("external_id", "externalId", ""),
            ("external_name", "externalName", ""),
            ("external_type", "externalType", ""),
            ("failures", "failures", ""),
            ("file_name", "fileName", ""),
            ("file_size", "fileSize", ""),
            ("frequency", "frequency", ""),
            ("import_type", "importType", ""),
            ("load_from_plugin", "loadFromPlugin", ""),
            ("mappings", "mappings", ""),
            ("plugin_id", "pluginId", ""),
            ("prospect_owner_id", "prospectOwnerId", ""),
            ("recurring", "recurring", "r"),
            ("report_instance_id", "reportInstanceId", ""),
            ("scheduled_at", "scheduledAt", "t"),
            ("source", "source", ""),
            ("stage_id", "stageId", ""),
            ("state", "state", ""),
            ("state_changed_at", "stateChangedAt", "t"),
            ("synced_until", "syncedUntil", "t"),
            ("time_zone", "timeZone", ""),
            ("total", "total", ""),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(("creator", "creator", ("user",), "r"),),
    )


@attrs.define(kw_only=True, repr=False)
class KaiaRecording(Model):
    """A kaiaRecording. Read-only (set by the server): bot_in_meeting_seconds, created_at,
    end_time, format, host, instance_id, media_duration_seconds, participant_count,
    participants, provider, recording_url, source_id, start_time, state, title, topics,
    transcript_url, updated_at, account, opportunity, owner.
    """

    TYPE: ClassVar[str] = "kaiaRecording"
    PLURAL: ClassVar[str] = "kaiaRecordings"

    bot_in_meeting_seconds: str | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    end_time: datetime | Absent | None = ABSENT
    format: str | Absent | None = ABSENT
    host: dict[str, Any] | Absent | None = ABSENT
    instance_id: str | Absent | None = ABSENT
    media_duration_seconds: str | Absent | None = ABSENT
    participant_count: int | Absent | None = ABSENT
    participants: list[dict[str, Any]] | Absent | None = ABSENT
    provider: str | Absent | None = ABSENT
    recording_url: str | Absent | None = ABSENT
    source_id: str | Absent | None = ABSENT
    start_time: datetime | Absent | None = ABSENT
    state: str | Absent | None = ABSENT
    title: str | Absent | None = ABSENT
    topics: list[dict[str, Any]] | Absent | None = ABSENT
    transcript_url: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    account: Ref[Account] | Absent | None = ABSENT
    opportunity: Ref[Opportunity] | Absent | None = ABSENT
    owner: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("bot_in_meeting_seconds", "botInMeetingSeconds", "r"),
            ("created_at", "createdAt", "rt"),
            ("end_time", "endTime", "rt"),
            ("format", "format", "r"),
            ("host", "host", "r"),
            ("instance_id", "instanceId", "r"),
            ("media_duration_seconds", "mediaDurationSeconds", "r"),
            ("participant_count", "participantCount", "r"),
            ("participants", "participants", "r"),
            ("provider", "provider", "r"),
            ("recording_url", "recordingUrl", "r"),
            ("source_id", "sourceId", "r"),
            ("start_time", "startTime", "rt"),
            ("state", "state", "r"),
            ("title", "title", "r"),
            ("topics", "topics", "r"),
            ("transcript_url", "transcriptUrl", "r"),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("account", "account", ("account",), "rl"),
            ("opportunity", "opportunity", ("opportunity",), "rl"),
            ("owner", "owner", ("user",), "rl"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class KaiaVoiceImport(Model):
    """Import third party recording. Read-only (set by the server): instance_id."""

    TYPE: ClassVar[str] = "kaiaVoiceImport"
    PLURAL: ClassVar[str] = "kaiaVoiceImports"

    call_id: str | Absent | None = ABSENT
    instance_id: str | Absent | None = ABSENT
    metadata: str | Absent | None = ABSENT
    recording_url: str | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("call_id", "callId", ""),
            ("instance_id", "instanceId", "r"),
            ("metadata", "metadata", ""),
            ("recording_url", "recordingUrl", ""),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class MailAlias(Model):
    """Alternative email name for a mailbox. Read-only (set by the server): created_at,
    updated_at.
    """

    TYPE: ClassVar[str] = "mailAlias"
    PLURAL: ClassVar[str] = "mailAliases"

    can_send: bool | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    email: str | Absent | None = ABSENT
    email_hash: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    mailbox: Ref[Mailbox] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("can_send", "canSend", ""),
            ("created_at", "createdAt", "rt"),
            ("email", "email", ""),
            ("email_hash", "emailHash", ""),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(("mailbox", "mailbox", ("mailbox",), ""),),
    )


@attrs.define(kw_only=True, repr=False)
class Mailbox(Model):
    """A representation of an email mailbox, used within the application for sending and
    syncing emails. Read-only (set by the server): created_at, editable, provider_id,
    provider_type, send_errored_at, send_success_at, sendgrid_webhook_url, sync_errored_at,
    sync_finished_at, sync_success_at, updated_at, user_id, creator, mail_aliases, mailings,
    updater.
    """

    TYPE: ClassVar[str] = "mailbox"
    PLURAL: ClassVar[str] = "mailboxes"

    auth_id: int | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    editable: bool | Absent | None = ABSENT
    email: str | Absent | None = ABSENT
    email_hash: str | Absent | None = ABSENT
    email_provider: str | Absent | None = ABSENT
    email_signature: str | Absent | None = ABSENT
    ews_endpoint: str | Absent | None = ABSENT
    ews_ssl_verify_mode: int | Absent | None = ABSENT
    exchange_version: str | Absent | None = ABSENT
    imap_host: str | Absent | None = ABSENT
    imap_port: int | Absent | None = ABSENT
    imap_ssl: bool | Absent | None = ABSENT
    max_emails_per_day: int | Absent | None = ABSENT
    max_mailings_per_day: int | Absent | None = ABSENT
    max_mailings_per_week: int | Absent | None = ABSENT
    opt_out_message: str | Absent | None = ABSENT
    opt_out_signature: str | Absent | None = ABSENT
    password: str | Absent | None = ABSENT
    prospect_email_exclusions: str | Absent | None = ABSENT
    provider_id: int | Absent | None = ABSENT
    provider_type: str | Absent | None = ABSENT
    send_disabled: bool | Absent | None = ABSENT
    send_errored_at: datetime | Absent | None = ABSENT
    send_max_retries: int | Absent | None = ABSENT
    send_method: str | Absent | None = ABSENT
    send_period: int | Absent | None = ABSENT
    send_requires_sync: bool | Absent | None = ABSENT
    send_success_at: datetime | Absent | None = ABSENT
    send_threshold: int | Absent | None = ABSENT
    sendgrid_api_key: str | Absent | None = ABSENT
    sendgrid_webhook_url: str | Absent | None = ABSENT
    smtp_host: str | Absent | None = ABSENT
    smtp_password: str | Absent | None = ABSENT
    smtp_port: int | Absent | None = ABSENT
    smtp_ssl: bool | Absent | None = ABSENT
    smtp_username: str | Absent | None = ABSENT
    sync_active_frequency: int | Absent | None = ABSENT
    sync_disabled: bool | Absent | None = ABSENT
    sync_errored_at: datetime | Absent | None = ABSENT
    sync_finished_at: datetime | Absent | None = ABSENT
    sync_method: str | Absent | None = ABSENT
    sync_outreach_folder: bool | Absent | None = ABSENT
    sync_passive_frequency: int | Absent | None = ABSENT
    sync_success_at: datetime | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    user_id: int | Absent | None = ABSENT
    username: str | Absent | None = ABSENT
    validate_send: bool | Absent | None = ABSENT
    validate_sync: bool | Absent | None = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    mail_aliases: list[Ref[MailAlias]] | Absent = ABSENT
    mailings: list[Ref[Mailing]] | Absent = ABSENT
    updater: Ref[User] | Absent | None = ABSENT
    user: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("auth_id", "authId", ""),
            ("created_at", "createdAt", "rt"),
            ("editable", "editable", "r"),
            ("email", "email", ""),
            ("email_hash", "emailHash", ""),
            ("email_provider", "emailProvider", ""),
            ("email_signature", "emailSignature", ""),
            ("ews_endpoint", "ewsEndpoint", ""),
            ("ews_ssl_verify_mode", "ewsSslVerifyMode", ""),
            ("exchange_version", "exchangeVersion", ""),
            ("imap_host", "imapHost", ""),
            ("imap_port", "imapPort", ""),
            ("imap_ssl", "imapSsl", ""),
            ("max_emails_per_day", "maxEmailsPerDay", ""),
            ("max_mailings_per_day", "maxMailingsPerDay", ""),
            ("max_mailings_per_week", "maxMailingsPerWeek", ""),
            ("opt_out_message", "optOutMessage", ""),
            ("opt_out_signature", "optOutSignature", ""),
            ("password", "password", "w"),
            ("prospect_email_exclusions", "prospectEmailExclusions", ""),
            ("provider_id", "providerId", "r"),
            ("provider_type", "providerType", "r"),
            ("send_disabled", "sendDisabled", ""),
            ("send_errored_at", "sendErroredAt", "rt"),
            ("send_max_retries", "sendMaxRetries", ""),
            ("send_method", "sendMethod", ""),
            ("send_period", "sendPeriod", ""),
            ("send_requires_sync", "sendRequiresSync", ""),
            ("send_success_at", "sendSuccessAt", "rt"),
            ("send_threshold", "sendThreshold", ""),
            ("sendgrid_api_key", "sendgridApiKey", "w"),
            ("sendgrid_webhook_url", "sendgridWebhookUrl", "r"),
            ("smtp_host", "smtpHost", ""),
            ("smtp_password", "smtpPassword", "w"),
            ("smtp_port", "smtpPort", ""),
            ("smtp_ssl", "smtpSsl", ""),
            ("smtp_username", "smtpUsername", ""),
            ("sync_active_frequency", "syncActiveFrequency", ""),
            ("sync_disabled", "syncDisabled", ""),
            ("sync_errored_at", "syncErroredAt", "rt"),
            ("sync_finished_at", "syncFinishedAt", "rt"),
            ("sync_method", "syncMethod", ""),
            ("sync_outreach_folder", "syncOutreachFolder", ""),
            ("sync_passive_frequency", "syncPassiveFrequency", ""),
            ("sync_success_at", "syncSuccessAt", "rt"),
            ("updated_at", "updatedAt", "rt"),
            ("user_id", "userId", "r"),
            ("username", "username", ""),
            ("validate_send", "validateSend", "w"),
            ("validate_sync", "validateSync", "w"),
        ),
        relationships=(
            ("creator", "creator", ("user",), "r"),
            ("mail_aliases", "mailAliases", ("mailAlias",), "mrl"),
            ("mailings", "mailings", ("mailing",), "mrl"),
            ("updater", "updater", ("user",), "r"),
            ("user", "user", ("user",), ""),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Mailing(Model):
    """A representation of a platform-related email. Read-only (set by the server): body_text,
    bounced_at, click_count, clicked_at, created_at, delivered_at, error_backtrace,
    error_reason, mailbox_address, mailing_type, marked_as_spam_at, message_id,
    notify_thread_condition, notify_thread_scheduled_at, notify_thread_status, open_count,
    opened_at, override_safety_settings, references, replied_at, retry_at, retry_count,
    retry_interval, state_changed_at, unsubscribed_at, updated_at, bcc_entities_id,
    calendar, cc_entities_id, opportunity, prospects_ids, sequence, sequence_state,
    sequence_step, tasks, to_entities_id, user.
    """

    TYPE: ClassVar[str] = "mailing"
    PLURAL: ClassVar[str] = "mailings"

    body_html: str | Absent | None = ABSENT
    body_text: str | Absent | None = ABSENT
    bounced_at: datetime | Absent | None = ABSENT
    click_count: int | Absent | None = ABSENT
    clicked_at: datetime | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    delivered_at: datetime | Absent | None = ABSENT
    error_backtrace: str | Absent | None = ABSENT
    error_reason: str | Absent | None = ABSENT
    follow_up_task_scheduled_at: datetime | Absent | None = ABSENT
    follow_up_task_type: str | Absent | None = ABSENT
    mailbox_address: str | Absent | None = ABSENT
    mailing_type: str | Absent | None = ABSENT
    marked_as_spam_at: datetime | Absent | None = ABSENT
    message_id: str | Absent | None = ABSENT
    notify_thread_condition: str | Absent | None = ABSENT
    notify_thread_scheduled_at: datetime | Absent | None = ABSENT
    notify_thread_status: str | Absent | None = ABSENT
    open_count: int | Absent | None = ABSENT
    opened_at: datetime | Absent | None = ABSENT
    override_safety_settings: bool | Absent | None = ABSENT
    references: list[str] | Absent | None = ABSENT
    replied_at: datetime | Absent | None = ABSENT
    retry_at: datetime | Absent | None = ABSENT
    retry_count: int | Absent | None = ABSENT
    retry_interval: int | Absent | None = ABSENT
    scheduled_at: datetime | Absent | None = ABSENT
    state: str | Absent | None = ABSENT
    state_changed_at: datetime | Absent | None = ABSENT
    subject: str | Absent | None = ABSENT
    track_links: bool | Absent | None = ABSENT
    track_opens: bool | Absent | None = ABSENT
    unsubscribed_at: datetime | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    attachments: list[Ref[Resource]] | Absent = ABSENT
    bcc_entities_id: list[Ref[Resource]] | Absent = ABSENT
    calendar: Ref[Resource] | Absent | None = ABSENT
    cc_entities_id: list[Ref[Resource]] | Absent = ABSENT
    follow_up_sequence: Ref[Sequence] | Absent | None = ABSENT
    mailbox: Ref[Mailbox] | Absent | None = ABSENT
    opportunity: Ref[Opportunity] | Absent | None = ABSENT
    prospect: Ref[Prospect] | Absent | None = ABSENT
    prospects_ids: list[Ref[Resource]] | Absent = ABSENT
    recipients: list[Ref[Recipient]] | Absent = ABSENT
    schedule: Ref[Resource] | Absent | None = ABSENT
    sequence: Ref[Sequence] | Absent | None = ABSENT
    sequence_state: Ref[SequenceState] | Absent | None = ABSENT
    sequence_step: Ref[SequenceStep] | Absent | None = ABSENT
    task: Ref[Task] | Absent | None = ABSENT
    tasks: list[Ref[Task]] | Absent = ABSENT
    template: Ref[Template] | Absent | None = ABSENT
    to_entities_id: list[Ref[Resource]] | Absent = ABSENT
    user: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("body_html", "bodyHtml", ""),
            ("body_text", "bodyText", "r"),
            ("bounced_at", "bouncedAt", "rt"),
            ("click_count", "clickCount", "r"),
            ("clicked_at", "clickedAt", "rt"),
            ("created_at", "createdAt", "rt"),
            ("delivered_at", "deliveredAt", "rt"),
            ("error_backtrace", "errorBacktrace", "r"),
            ("error_reason", "errorReason", "r"),
            ("follow_up_task_scheduled_at", "followUpTaskScheduledAt", "t"),
            ("follow_up_task_type", "followUpTaskType", ""),
            ("mailbox_address", "mailboxAddress", "r"),
            ("mailing_type", "mailingType", "r"),
            ("marked_as_spam_at", "markedAsSpamAt", "rt"),
            ("message_id", "messageId", "r"),
            ("notify_thread_condition", "notifyThreadCondition", "r"),
            ("notify_thread_scheduled_at", "notifyThreadScheduledAt", "rt"),
            ("notify_thread_status", "notifyThreadStatus", "r"),
            ("open_count", "openCount", "r"),
            ("opened_at", "openedAt", "rt"),
            ("override_safety_settings", "overrideSafetySettings", "r"),
            ("references", "references", "r"),
            ("replied_at", "repliedAt", "rt"),
            ("retry_at", "retryAt", "rt"),
            ("retry_count", "retryCount", "r"),
            ("retry_interval", "retryInterval", "r"),
            ("scheduled_at", "scheduledAt", "t"),
            ("state", "state", ""),
            ("state_changed_at", "stateChangedAt", "rt"),
            ("subject", "subject", ""),
            ("track_links", "trackLinks", ""),
            ("track_opens", "trackOpens", ""),
            ("unsubscribed_at", "unsubscribedAt", "rt"),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("attachments", "attachments", ("attachment",), "m"),
            ("bcc_entities_id", "bccEntitiesId", (), "mrl"),
            ("calendar", "calendar", ("calendar",), "r"),
            ("cc_entities_id", "ccEntitiesId", (), "mrl"),
            ("follow_up_sequence", "followUpSequence", ("sequence",), ""),
            ("mailbox", "mailbox", ("mailbox",), ""),
            ("opportunity", "opportunity", ("opportunity",), "r"),
            ("prospect", "prospect", ("prospect",), ""),
            ("prospects_ids", "prospectsIds", (), "mrl"),
            ("recipients", "recipients", ("recipient",), "m"),
            ("schedule", "schedule", ("schedule",), ""),
            ("sequence", "sequence", ("sequence",), "r"),
            ("sequence_state", "sequenceState", ("sequenceState",), "r"),
            ("sequence_step", "sequenceStep", ("sequenceStep",), "r"),
            ("task", "task", ("task",), ""),
            ("tasks", "tasks", ("task",), "mr"),
            ("template", "template", ("template",), ""),
            ("to_entities_id", "toEntitiesId", (), "mrl"),
            ("user", "user", ("user",), "r"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Opportunity(Model):
    """An opportunity for a sale or pending deal. Read-only (set by the server): created_at,
    touched_at, updated_at, creator, default_plugin_mapping, prospects, stage, updater.
    """

    TYPE: ClassVar[str] = "opportunity"
    PLURAL: ClassVar[str] = "opportunities"

    amount: int | Absent | None = ABSENT
    amount_precise: str | Absent | None = ABSENT
    close_date: datetime | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    currency_type: str | Absent | None = ABSENT
    custom_id: str | Absent | None = ABSENT
    description: str | Absent | None = ABSENT
    external_created_at: datetime | Absent | None = ABSENT
    external_updated_at: datetime | Absent | None = ABSENT
    forecast_category: str | Absent | None = ABSENT
    lead_source: str | Absent | None = ABSENT
    lost_reason: str | Absent | None = ABSENT
    map_link: str | Absent | None = ABSENT
    map_next_steps: str | Absent | None = ABSENT
    map_status: str | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    next_step: str | Absent | None = ABSENT
    opportunity_type: str | Absent | None = ABSENT
    probability: int | Absent | None = ABSENT
    prospecting_rep_id: str | Absent | None = ABSENT
    record_type: str | Absent | None = ABSENT
    sharing_team_id: str | Absent | None = ABSENT
    tags: list[str] | Absent | None = ABSENT
    touched_at: datetime | Absent | None = ABSENT
    trashed_at: datetime | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    account: Ref[Account] | Absent | None = ABSENT
    assigned_teams: list[Ref[Team]] | Absent = ABSENT
    assigned_users: list[Ref[User]] | Absent = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    default_plugin_mapping: Ref[Resource] | Absent | None = ABSENT
    external_creator: Ref[User] | Absent | None = ABSENT
    favorites: list[Ref[Favorite]] | Absent = ABSENT
    opportunity_health_factors: list[Ref[Resource]] | Absent = ABSENT
    opportunity_line_items: list[Ref[Resource]] | Absent = ABSENT
    opportunity_stage: Ref[OpportunityStage] | Absent | None = ABSENT
    owner: Ref[User] | Absent | None = ABSENT
    primary_prospect: Ref[Prospect] | Absent | None = ABSENT
    prospects: list[Ref[Prospect]] | Absent = ABSENT
    stage: Ref[OpportunityStage] | Absent | None = ABSENT
    territory: Ref[Resource] | Absent | None = ABSENT
    updater: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("amount", "amount", ""),
            ("amount_precise", "amountPrecise", ""),
            ("close_date", "closeDate", "t"),
            ("created_at", "createdAt", "rt"),
            ("currency_type", "currencyType", ""),
            ("custom_id", "customId", ""),
            ("description", "description", ""),
            ("external_created_at", "externalCreatedAt", "t"),
            ("external_updated_at", "externalUpdatedAt", "t"),
            ("forecast_category", "forecastCategory", ""),
            ("lead_source", "leadSource", ""),
            ("lost_reason", "lostReason", ""),
            ("map_link", "mapLink", ""),
            ("map_next_steps", "mapNextSteps", ""),
            ("map_status", "mapStatus", ""),
            ("name", "name", ""),
            ("next_step", "nextStep", ""),
            ("opportunity_type", "opportunityType", ""),
            ("probability", "probability", ""),
            ("prospecting_rep_id", "prospectingRepId", ""),
            ("record_type", "recordType", ""),
            ("sharing_team_id", "sharingTeamId", ""),
            ("tags", "tags", ""),
            ("touched_at", "touchedAt", "rt"),
            ("trashed_at", "trashedAt", "t"),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("account", "account", ("account",), ""),
            ("assigned_teams", "assignedTeams", ("team",), "m"),
            ("assigned_users", "assignedUsers", ("user",), "m"),
            ("creator", "creator", ("user",), "r"),
            ("default_plugin_mapping", "defaultPluginMapping", ("pluginMapping",), "r"),
            ("external_creator", "externalCreator", ("user",), ""),
            ("favorites", "favorites", ("favorite",), "m"),
            (
                "opportunity_health_factors",
                "opportunityHealthFactors",
                ("opportunityHealthFactor",),
                "m",
            ),
            ("opportunity_line_items", "opportunityLineItems", ("opportunityLineItem",), "m"),
            ("opportunity_stage", "opportunityStage", ("opportunityStage",), ""),
            ("owner", "owner", ("user",), ""),
            ("primary_prospect", "primaryProspect", ("prospect",), ""),
            ("prospects", "prospects", ("prospect",), "mrl"),
            ("stage", "stage", ("opportunityStage",), "r"),
            ("territory", "territory", ("territory",), ""),
            ("updater", "updater", ("user",), "r"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class OpportunityProspectRole(Model):
    """A prospect's role and association with an opportunity Read-only (set by the server):
    created_at, updated_at.
    """

    TYPE: ClassVar[str] = "opportunityProspectRole"
    PLURAL: ClassVar[str] = "opportunityProspectRoles"

    created_at: datetime | Absent | None = ABSENT
    primary: bool | Absent | None = ABSENT
    role: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    opportunity: Ref[Opportunity] | Absent | None = ABSENT
    prospect: Ref[Prospect] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("created_at", "createdAt", "rt"),
            ("primary", "primary", ""),
            ("role", "role", ""),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("opportunity", "opportunity", ("opportunity",), ""),
            ("prospect", "prospect", ("prospect",), ""),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class OpportunityStage(Model):
    """The stage an opportunity is in. Read-only (set by the server): created_at, updated_at,
    creator, opportunities.
    """

    TYPE: ClassVar[str] = "opportunityStage"
    PLURAL: ClassVar[str] = "opportunityStages"

    color: str | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    is_closed: bool | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    order: int | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    opportunities: list[Ref[Opportunity]] | Absent = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("color", "color", ""),
            ("created_at", "createdAt", "rt"),
            ("is_closed", "isClosed", ""),
            ("name", "name", ""),
            ("order", "order", ""),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("creator", "creator", ("user",), "r"),
            ("opportunities", "opportunities", ("opportunity",), "mrl"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class OrgSetting(Model):
    """The collection of settings for an Org."""

    TYPE: ClassVar[str] = "orgSetting"
    PLURAL: ClassVar[str] = "orgSettings"

    contact_exclusions: str | Absent | None = ABSENT
    prospect_email_exclusions: str | Absent | None = ABSENT
    send_exclusions: str | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("contact_exclusions", "contactExclusions", ""),
            ("prospect_email_exclusions", "prospectEmailExclusions", ""),
            ("send_exclusions", "sendExclusions", ""),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Persona(Model):
    """A descriptor of a person, used for categorizing Prospects. Read-only (set by the
    server): created_at, updated_at, prospects.
    """

    TYPE: ClassVar[str] = "persona"
    PLURAL: ClassVar[str] = "personas"

    created_at: datetime | Absent | None = ABSENT
    description: str | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    prospects: list[Ref[Prospect]] | Absent = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("created_at", "createdAt", "rt"),
            ("description", "description", ""),
            ("name", "name", ""),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(("prospects", "prospects", ("prospect",), "mrl"),),
    )


@attrs.define(kw_only=True, repr=False)
class PhoneNumber(Model):
    """A prospect's phone number Read-only (set by the server): created_at, status_changed_at,
    updated_at.
    """

    TYPE: ClassVar[str] = "phoneNumber"
    PLURAL: ClassVar[str] = "phoneNumbers"

    country_code: str | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    extension: str | Absent | None = ABSENT
    number: str | Absent | None = ABSENT
    order: int | Absent | None = ABSENT
    phone_type: str | Absent | None = ABSENT
    raw_number: str | Absent | None = ABSENT
    status: str | Absent | None = ABSENT
    status_changed_at: datetime | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    prospect: Ref[Prospect] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("country_code", "countryCode", ""),
            ("created_at", "createdAt", "rt"),
            ("extension", "extension", ""),
            ("number", "number", ""),
            ("order", "order", ""),
            ("phone_type", "phoneType", ""),
            ("raw_number", "rawNumber", ""),
            ("status", "status", ""),
            ("status_changed_at", "statusChangedAt", "rt"),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(("prospect", "prospect", ("prospect",), ""),),
    )


@attrs.define(kw_only=True, repr=False)
class Product(Model):
    """Contains all the list of products and maintained by the admin. Read-only (set by the
    server): created_at, updated_at, creator, purchases, updater.
    """

    TYPE: ClassVar[str] = "product"
    PLURAL: ClassVar[str] = "products"

    classification: str | Absent | None = ABSENT
    code: str | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    deleted: bool | Absent | None = ABSENT
    description: str | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    product_family: str | Absent | None = ABSENT
    status: bool | Absent | None = ABSENT
    unit_of_measure: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    website: str | Absent | None = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    owner: Ref[User] | Absent | None = ABSENT
    purchases: list[Ref[Purchase]] | Absent = ABSENT
    updater: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("classification", "classification", ""),
            ("code", "code", ""),
            ("created_at", "createdAt", "rt"),
            ("deleted", "deleted", ""),
            ("description", "description", ""),
            ("name", "name", ""),
            ("product_family", "productFamily", ""),
            ("status", "status", ""),
            ("unit_of_measure", "unitOfMeasure", ""),
            ("updated_at", "updatedAt", "rt"),
            ("website", "website", ""),
        ),
        relationships=(
            ("creator", "creator", ("user",), "r"),
            ("owner", "owner", ("user",), ""),
            ("purchases", "purchases", ("purchase",), "mrl"),
            ("updater", "updater", ("user",), "r"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Profile(Model):
    """Controls what you can see and do within Outreach Read-only (set by the server):
    created_at, is_admin, special_id, updated_at.
    """

    TYPE: ClassVar[str] = "profile"
    PLURAL: ClassVar[str] = "profiles"

    created_at: datetime | Absent | None = ABSENT
    is_admin: bool | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    special_id: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("created_at", "createdAt", "rt"),
            ("is_admin", "isAdmin", "r"),
            ("name", "name", ""),
            ("special_id", "specialId", "r"),
            ("updated_at", "updatedAt", "rt"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Prospect(Model):
    """A descriptor of a person. Read-only (set by the server): calls_opted_at, click_count,
    contact_histogram, created_at, emails_opted_at, engaged_at, engaged_score,
    linked_in_slug, name, open_count, opted_out_at, reply_count, time_zone_iana,
    time_zone_inferred, touched_at, updated_at, active_sequence_states, batches, calls,
    creator, default_plugin_mapping, mailings, sequence_states, tasks, updater.
    """

    TYPE: ClassVar[str] = "prospect"
    PLURAL: ClassVar[str] = "prospects"

    added_at: datetime | Absent | None = ABSENT
    address_city: str | Absent | None = ABSENT
    address_country: str | Absent | None = ABSENT
    address_state: str | Absent | None = ABSENT
    address_street: str | Absent | None = ABSENT
    address_street2: str | Absent | None = ABSENT
    address_zip: str | Absent | None = ABSENT
    angel_list_url: str | Absent | None = ABSENT
    available_at: datetime | Absent | None = ABSENT
    call_opted_out: bool | Absent | None = ABSENT
    calls_opt_status: str | Absent | None = ABSENT
    calls_opted_at: datetime | Absent | None = ABSENT
    campaign_name: str | Absent | None = ABSENT
    click_count: int | Absent | None = ABSENT
    company: str | Absent | None = ABSENT
    contact_histogram: list[Any] | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    date_of_birth: date | Absent | None = ABSENT
    degree: str | Absent | None = ABSENT
    email_opted_out: bool | Absent | None = ABSENT
    emails: list[str] | Absent | None = ABSENT
    emails_opt_status: str | Absent | None = ABSENT
    emails_opted_at: datetime | Absent | None = ABSENT
    engaged_at: datetime | Absent | None = ABSENT
    engaged_score: float | Absent | None = ABSENT
    event_name: str | Absent | None = ABSENT
    external_id: str | Absent | None = ABSENT
    external_owner: str | Absent | None = ABSENT
    external_source: str | Absent | None = ABSENT
    facebook_url: str | Absent | None = ABSENT
    first_name: str | Absent | None = ABSENT
    gender: str | Absent | None = ABSENT
    github_url: str | Absent | None = ABSENT
    github_username: str | Absent | None = ABSENT
    google_plus_url: str | Absent | None = ABSENT
    graduation_date: date | Absent | None = ABSENT
    home_phones: list[str] | Absent | None = ABSENT
    job_start_date: date | Absent | None = ABSENT
    last_name: str | Absent | None = ABSENT
    linked_in_connections: int | Absent | None = ABSENT
    linked_in_id: str | Absent | None = ABSENT
    linked_in_slug: str | Absent | None = ABSENT
    linked_in_url: str | Absent | None = ABSENT
    middle_name: str | Absent | None = ABSENT
    mobile_phones: list[str] | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    nickname: str | Absent | None = ABSENT
    occupation: str | Absent | None = ABSENT
    open_count: int | Absent | None = ABSENT
    opted_out: bool | Absent | None = ABSENT
    opted_out_at: datetime | Absent | None = ABSENT
    other_phones: list[str] | Absent | None = ABSENT
    personal_note1: str | Absent | None = ABSENT
    personal_note2: str | Absent | None = ABSENT
    preferred_contact: str | Absent | None = ABSENT
    quora_url: str | Absent | None = ABSENT
    region: str | Absent | None = ABSENT
    reply_count: int | Absent | None = ABSENT
    school: str | Absent | None = ABSENT
    score: float | Absent | None = ABSENT
    sharing_team_id: str | Absent | None = ABSENT
    source: str | Absent | None = ABSENT
    specialties: str | Absent | None = ABSENT
    stack_overflow_id: str | Absent | None = ABSENT
    stack_overflow_url: str | Absent | None = ABSENT
    tags: list[str] | Absent | None = ABSENT
    time_zone: str | Absent | None = ABSENT
    time_zone_iana: str | Absent | None = ABSENT
    time_zone_inferred: str | Absent | None = ABSENT
    title: str | Absent | None = ABSENT
    touched_at: datetime | Absent | None = ABSENT
    trashed_at: datetime | Absent | None = ABSENT
    twitter_url: str | Absent | None = ABSENT
    twitter_username: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    voip_phones: list[str] | Absent | None = ABSENT
    website_url1: str | Absent | None = ABSENT
    website_url2: str | Absent | None = ABSENT
    website_url3: str | Absent | None = ABSENT
    work_phones: list[str] | Absent | None = ABSENT
    account: Ref[Account] | Absent | None = ABSENT
    active_sequence_states: list[Ref[SequenceState]] | Absent = ABSENT
    assigned_teams: list[Ref[Team]] | Absent = ABSENT
    assigned_users: list[Ref[User]] | Absent = ABSENT
    batches: list[Ref[Batch]] | Absent = ABSENT
    calls: list[Ref[Call]] | Absent = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    default_plugin_mapping: Ref[Resource] | Absent | None = ABSENT
    email_addresses: list[Ref[EmailAddress]] | Absent = ABSENT
    favorites: list[Ref[Favorite]] | Absent = ABSENT
    mailings: list[Ref[Mailing]] | Absent = ABSENT
    opportunities: list[Ref[Opportunity]] | Absent = ABSENT
    opportunity_prospect_roles: list[Ref[OpportunityProspectRole]] | Absent = ABSENT
    owner: Ref[User] | Absent | None = ABSENT
    persona: Ref[Persona] | Absent | None = ABSENT
    phone_numbers: list[Ref[PhoneNumber]] | Absent = ABSENT
    sequence_states: list[Ref[SequenceState]] | Absent = ABSENT
    stage: Ref[Stage] | Absent | None = ABSENT
    tasks: list[Ref[Task]] | Absent = ABSENT
    trashed_by_account: Ref[Account] | Absent | None = ABSENT
    updater: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("added_at", "addedAt", "t"),
            ("address_city", "addressCity", ""),
            ("address_country", "addressCountry", ""),
            ("address_state", "addressState", ""),
            ("address_street", "addressStreet", ""),
            ("address_street2", "addressStreet2", ""),
            ("address_zip", "addressZip", ""),
            ("angel_list_url", "angelListUrl", ""),
            ("available_at", "availableAt", "t"),
            ("call_opted_out", "callOptedOut", ""),
            ("calls_opt_status", "callsOptStatus", ""),
            ("calls_opted_at", "callsOptedAt", "rt"),
            ("campaign_name", "campaignName", ""),
            ("click_count", "clickCount", "r"),
            ("company", "company", ""),
            ("contact_histogram", "contactHistogram", "r"),
            ("created_at", "createdAt", "rt"),
            ("date_of_birth", "dateOfBirth", "d"),
            ("degree", "degree", ""),
            ("email_opted_out", "emailOptedOut", ""),
            ("emails", "emails", ""),
            ("emails_opt_status", "emailsOptStatus", ""),
            ("emails_opted_at", "emailsOptedAt", "rt"),
            ("engaged_at", "engagedAt", "rt"),
            ("engaged_score", "engagedScore", "r"),
            ("event_name", "eventName", ""),
            ("external_id", "externalId", ""),
            ("external_owner", "externalOwner", ""),
            ("external_source", "externalSource", ""),
            ("facebook_url", "facebookUrl", ""),
            ("first_name", "firstName", ""),
            ("gender", "gender", ""),
            ("github_url", "githubUrl", ""),
            ("github_username", "githubUsername", ""),
            ("google_plus_url", "googlePlusUrl", ""),
            ("graduation_date", "graduationDate", "d"),
            ("home_phones", "homePhones", ""),
            ("job_start_date", "jobStartDate", "d"),
            ("last_name", "lastName", ""),
            ("linked_in_connections", "linkedInConnections", ""),
            ("linked_in_id", "linkedInId", ""),
            ("linked_in_slug", "linkedInSlug", "r"),
            ("linked_in_url", "linkedInUrl", ""),
            ("middle_name", "middleName", ""),
            ("mobile_phones", "mobilePhones", ""),
            ("name", "name", "r"),
            ("nickname", "nickname", ""),
            ("occupation", "occupation", ""),
            ("open_count", "openCount", "r"),
            ("opted_out", "optedOut", ""),
            ("opted_out_at", "optedOutAt", "rt"),
            ("other_phones", "otherPhones", ""),
            ("personal_note1", "personalNote1", ""),
            ("personal_note2", "personalNote2", ""),
            ("preferred_contact", "preferredContact", ""),
            ("quora_url", "quoraUrl", ""),
            ("region", "region", ""),
            ("reply_count", "replyCount", "r"),
            ("school", "school", ""),
            ("score", "score", ""),
            ("sharing_team_id", "sharingTeamId", ""),
            ("source", "source", ""),
            ("specialties", "specialties", ""),
            ("stack_overflow_id", "stackOverflowId", ""),
            ("stack_overflow_url", "stackOverflowUrl", ""),
            ("tags", "tags", ""),
            ("time_zone", "timeZone", ""),
            ("time_zone_iana", "timeZoneIana", "r"),
            ("time_zone_inferred", "timeZoneInferred", "r"),
            ("title", "title", ""),
            ("touched_at", "touchedAt", "rt"),
            ("trashed_at", "trashedAt", "t"),
            ("twitter_url", "twitterUrl", ""),
            ("twitter_username", "twitterUsername", ""),
            ("updated_at", "updatedAt", "rt"),
            ("voip_phones", "voipPhones", ""),
            ("website_url1", "websiteUrl1", ""),
            ("website_url2", "websiteUrl2", ""),
            ("website_url3", "websiteUrl3", ""),
            ("work_phones", "workPhones", ""),
        ),
        relationships=(
            ("account", "account", ("account",), ""),
            ("active_sequence_states", "activeSequenceStates", ("sequenceState",), "mr"),
            ("assigned_teams", "assignedTeams", ("team",), "m"),
            ("assigned_users", "assignedUsers", ("user",), "m"),
            ("batches", "batches", ("batch",), "mrl"),
            ("calls", "calls", ("call",), "mrl"),
            ("creator", "creator", ("user",), "r"),
            ("default_plugin_mapping", "defaultPluginMapping", ("pluginMapping",), "r"),
            ("email_addresses", "emailAddresses", ("emailAddress",), "m"),
            ("favorites", "favorites", ("favorite",), "m"),
            ("mailings", "mailings", ("mailing",), "mrl"),
            ("opportunities", "opportunities", ("opportunity",), "m"),
            (
                "opportunity_prospect_roles",
                "opportunityProspectRoles",
                ("opportunityProspectRole",),
                "m",
            ),
            ("owner", "owner", ("user",), ""),
            ("persona", "persona", ("persona",), ""),
            ("phone_numbers", "phoneNumbers", ("phoneNumber",), "m"),
            ("sequence_states", "sequenceStates", ("sequenceState",), "mrl"),
            ("stage", "stage", ("stage",), ""),
            ("tasks", "tasks", ("task",), "mrl"),
            ("trashed_by_account", "trashedByAccount", ("account",), ""),
            ("updater", "updater", ("user",), "r"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class ProspectNote(Model):
    """Notes related to prospects Read-only (set by the server): created_at, creator,
    opportunity.
    """

    TYPE: ClassVar[str] = "prospectNote"
    PLURAL: ClassVar[str] = "prospectNotes"

    created_at: datetime | Absent | None = ABSENT
    message: str | Absent | None = ABSENT
    note_type: str | Absent | None = ABSENT
    opportunity_association_rule: str | Absent | None = ABSENT
    pinned: bool | Absent | None = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    opportunity: Ref[Opportunity] | Absent | None = ABSENT
    prospect: Ref[Prospect] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("created_at", "createdAt", "rt"),
            ("message", "message", ""),
            ("note_type", "noteType", ""),
            ("opportunity_association_rule", "opportunityAssociationRule", "w"),
            ("pinned", "pinned", ""),
        ),
        relationships=(
            ("creator", "creator", ("user",), "r"),
            ("opportunity", "opportunity", ("opportunity",), "r"),
            ("prospect", "prospect", ("prospect",), ""),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Purchase(Model):
    """Contains all the list of products which are related to the accounts. Read-only (set by
    the server): created_at, updated_at, creator, updater.
    """

    TYPE: ClassVar[str] = "purchase"
    PLURAL: ClassVar[str] = "purchases"

    created_at: datetime | Absent | None = ABSENT
    currency: str | Absent | None = ABSENT
    description: str | Absent | None = ABSENT
    end_date: date | Absent | None = ABSENT
    potential_quantity: float | Absent | None = ABSENT
    potential_value: float | Absent | None = ABSENT
    saturation: float | Absent | None = ABSENT
    source: str | Absent | None = ABSENT
    start_date: date | Absent | None = ABSENT
    status: bool | Absent | None = ABSENT
    total_quantity: float | Absent | None = ABSENT
    total_value: float | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    account: Ref[Account] | Absent | None = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    owner: Ref[User] | Absent | None = ABSENT
    product: Ref[Product] | Absent | None = ABSENT
    updater: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("created_at", "createdAt", "rt"),
            ("currency", "currency", ""),
            ("description", "description", ""),
            ("end_date", "endDate", "d"),
            ("potential_quantity", "potentialQuantity", ""),
            ("potential_value", "potentialValue", ""),
            ("saturation", "saturation", ""),
            ("source", "source", ""),
            ("start_date", "startDate", "d"),
            ("status", "status", ""),
            ("total_quantity", "totalQuantity", ""),
            ("total_value", "totalValue", ""),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("account", "account", ("account",), ""),
            ("creator", "creator", ("user",), "r"),
            ("owner", "owner", ("user",), ""),
            ("product", "product", ("product",), ""),
            ("updater", "updater", ("user",), "r"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Recipient(Model):
    """Record for a recipient for some communication, such as email Read-only (set by the
    server): created_at, updated_at.
    """

    TYPE: ClassVar[str] = "recipient"
    PLURAL: ClassVar[str] = "recipients"

    created_at: datetime | Absent | None = ABSENT
    email_hash: str | Absent | None = ABSENT
    primary: bool | Absent | None = ABSENT
    recipient_type: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    value: str | Absent | None = ABSENT
    prospect: Ref[Prospect] | Absent | None = ABSENT
    user: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("created_at", "createdAt", "rt"),
            ("email_hash", "emailHash", ""),
            ("primary", "primary", ""),
            ("recipient_type", "recipientType", ""),
            ("updated_at", "updatedAt", "rt"),
            ("value", "value", ""),
        ),
        relationships=(
            ("prospect", "prospect", ("prospect",), ""),
            ("user", "user", ("user",), ""),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Role(Model):
    """Where you fall within your organization's structure. Read-only (set by the server):
    created_at, updated_at, child_roles.
    """

    TYPE: ClassVar[str] = "role"
    PLURAL: ClassVar[str] = "roles"

    created_at: datetime | Absent | None = ABSENT
    external_id: str | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    child_roles: list[Ref[Role]] | Absent = ABSENT
    parent_role: Ref[Role] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("created_at", "createdAt", "rt"),
            ("external_id", "externalId", ""),
            ("name", "name", ""),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("child_roles", "childRoles", ("role",), "mr"),
            ("parent_role", "parentRole", ("role",), ""),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Ruleset(Model):
    """A reusable set of behaviors to be applied to Sequences Read-only (set by the server):
    created_at, updated_at, sequences.
    """

    TYPE: ClassVar[str] = "ruleset"
    PLURAL: ClassVar[str] = "rulesets"

    apply_completed_stage_in: int | Absent | None = ABSENT
    auto_resume_ooto_prospects: bool | Absent | None = ABSENT
    auto_resume_ooto_prospects_expires_in: int | Absent | None = ABSENT
    auto_resume_ooto_prospects_in: int | Absent | None = ABSENT
    call_opt_out_action: str | Absent | None = ABSENT
    clicks_needed_before_call_task_created: int | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    email_opt_out_action: str | Absent | None = ABSENT
    include_unsubscribe_links: bool | Absent | None = ABSENT
    meeting_booked_action: str | Absent | None = ABSENT
    minimum_prospect_touched_interval: int | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    ooto_auto_extraction_enabled: bool | Absent | None = ABSENT
    opens_needed_before_call_task_created: int | Absent | None = ABSENT
    permit_duplicate_prospects: str | Absent | None = ABSENT
    sequence_exclusivity: str | Absent | None = ABSENT
    sms_opt_out_action: str | Absent | None = ABSENT
    sms_received_action: str | Absent | None = ABSENT
    step_overrides_enabled: bool | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    bounced_stage: Ref[Stage] | Absent | None = ABSENT
    call_task_priority: Ref[TaskPriority] | Absent | None = ABSENT
    call_task_priority_from_clicks: Ref[TaskPriority] | Absent | None = ABSENT
    call_task_priority_from_opens: Ref[TaskPriority] | Absent | None = ABSENT
    completed_stage: Ref[Stage] | Absent | None = ABSENT
    delivered_stage: Ref[Stage] | Absent | None = ABSENT
    finished_stage: Ref[Stage] | Absent | None = ABSENT
    opted_out_stage: Ref[Stage] | Absent | None = ABSENT
    owner: Ref[User] | Absent | None = ABSENT
    replied_stage: Ref[Stage] | Absent | None = ABSENT
    sequences: list[Ref[Sequence]] | Absent = ABSENT
    started_stage: Ref[Stage] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("apply_completed_stage_in", "applyCompletedStageIn", ""),
            ("auto_resume_ooto_prospects", "autoResumeOotoProspects", ""),
            ("auto_resume_ooto_prospects_expires_in", "autoResumeOotoProspectsExpiresIn", ""),
            ("auto_resume_ooto_prospects_in", "autoResumeOotoProspectsIn", ""),
            ("call_opt_out_action", "callOptOutAction", ""),
            ("clicks_needed_before_call_task_created", "clicksNeededBeforeCallTaskCreated", ""),
            ("created_at", "createdAt", "rt"),
            ("email_opt_out_action", "emailOptOutAction", ""),
            ("include_unsubscribe_links", "includeUnsubscribeLinks", ""),
            ("meeting_booked_action", "meetingBookedAction", ""),
            ("minimum_prospect_touched_interval", "minimumProspectTouchedInterval", ""),
            ("name", "name", ""),
            ("ooto_auto_extraction_enabled", "ootoAutoExtractionEnabled", ""),
            ("opens_needed_before_call_task_created", "opensNeededBeforeCallTaskCreated", ""),
            ("permit_duplicate_prospects", "permitDuplicateProspects", ""),
            ("sequence_exclusivity", "sequenceExclusivity", ""),
            ("sms_opt_out_action", "smsOptOutAction", ""),
            ("sms_received_action", "smsReceivedAction", ""),
            ("step_overrides_enabled", "stepOverridesEnabled", ""),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("bounced_stage", "bouncedStage", ("stage",), ""),
            ("call_task_priority", "callTaskPriority", ("taskPriority",), ""),
            ("call_task_priority_from_clicks", "callTaskPriorityFromClicks", ("taskPriority",), ""),
            ("call_task_priority_from_opens", "callTaskPriorityFromOpens", ("taskPriority",), ""),
            ("completed_stage", "completedStage", ("stage",), ""),
            ("delivered_stage", "deliveredStage", ("stage",), ""),
            ("finished_stage", "finishedStage", ("stage",), ""),
            ("opted_out_stage", "optedOutStage", ("stage",), ""),
            ("owner", "owner", ("user",), ""),
            ("replied_stage", "repliedStage", ("stage",), ""),
            ("sequences", "sequences", ("sequence",), "mrl"),
            ("started_stage", "startedStage", ("stage",), ""),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Sequence(Model):
    """Leverage emailing within Sequences to engage each individual persona more effectively,
    and queue up the right actions at the right time. Read-only (set by the server):
    automation_percentage, bounce_count, click_count, created_at, deliver_count,
    duration_in_days, enabled, enabled_at, failure_count, last_used_at, locked, locked_at,
    negative_reply_count, neutral_reply_count, num_contacted_prospects,
    num_replied_prospects, open_count, opt_out_count, positive_reply_count, reply_count,
    schedule_count, sequence_step_count, throttle_paused_at, updated_at, calls,
    content_category_memberships, creator, mailings, sequence_states, tasks, updater.
    """

    TYPE: ClassVar[str] = "sequence"
    PLURAL: ClassVar[str] = "sequences"

    automation_percentage: float | Absent | None = ABSENT
    bounce_count: int | Absent | None = ABSENT
    click_count: int | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    deliver_count: int | Absent | None = ABSENT
    description: str | Absent | None = ABSENT
    duration_in_days: int | Absent | None = ABSENT
    enabled: bool | Absent | None = ABSENT
    enabled_at: datetime | Absent | None = ABSENT
    failure_count: int | Absent | None = ABSENT
    finish_on_reply: bool | Absent | None = ABSENT
    last_used_at: datetime | Absent | None = ABSENT
    locked: bool | Absent | None = ABSENT
    locked_at: datetime | Absent | None = ABSENT
    max_activations: int | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    negative_reply_count: int | Absent | None = ABSENT
    neutral_reply_count: int | Absent | None = ABSENT
    num_contacted_prospects: int | Absent | None = ABSENT
    num_replied_prospects: int | Absent | None = ABSENT
    open_count: int | Absent | None = ABSENT
    opt_out_count: int | Absent | None = ABSENT
    positive_reply_count: int | Absent | None = ABSENT
    primary_reply_action: str | Absent | None = ABSENT
    primary_reply_pause_duration: int | Absent | None = ABSENT
    reply_count: int | Absent | None = ABSENT
    sales_motion: str | Absent | None = ABSENT
    schedule_count: int | Absent | None = ABSENT
    schedule_interval_type: str | Absent | None = ABSENT
    secondary_reply_action: str | Absent | None = ABSENT
    secondary_reply_pause_duration: int | Absent | None = ABSENT
    sequence_step_count: int | Absent | None = ABSENT
    sequence_type: str | Absent | None = ABSENT
    share_type: str | Absent | None = ABSENT
    tags: list[str] | Absent | None = ABSENT
    throttle_capacity: int | Absent | None = ABSENT
    throttle_max_adds_per_day: int | Absent | None = ABSENT
    throttle_paused: bool | Absent | None = ABSENT
    throttle_paused_at: datetime | Absent | None = ABSENT
    transactional: bool | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    calls: list[Ref[Call]] | Absent = ABSENT
    content_category_memberships: list[Ref[ContentCategoryMembership]] | Absent = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    mailings: list[Ref[Mailing]] | Absent = ABSENT
    owner: Ref[User] | Absent | None = ABSENT
    ruleset: Ref[Ruleset] | Absent | None = ABSENT
    schedule: Ref[Resource] | Absent | None = ABSENT
    sequence_states: list[Ref[SequenceState]] | Absent = ABSENT
    sequence_steps: list[Ref[SequenceStep]] | Absent = ABSENT
    tasks: list[Ref[Task]] | Absent = ABSENT
    updater: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("automation_percentage", "automationPercentage", "r"),
            ("bounce_count", "bounceCount", "r"),
            ("click_count", "clickCount", "r"),
            ("created_at", "createdAt", "rt"),
            ("deliver_count", "deliverCount", "r"),
            ("description", "description", ""),
            ("duration_in_days", "durationInDays", "r"),
            ("enabled", "enabled", "r"),
            ("enabled_at", "enabledAt", "rt"),
            ("failure_count", "failureCount", "r"),
            ("finish_on_reply", "finishOnReply", ""),
            ("last_used_at", "lastUsedAt", "rt"),
            ("locked", "locked", "r"),
            ("locked_at", "lockedAt", "rt"),
            ("max_activations", "maxActivations", ""),
            ("name", "name", ""),
            ("negative_reply_count", "negativeReplyCount", "r"),
            ("neutral_reply_count", "neutralReplyCount", "r"),
            ("num_contacted_prospects", "numContactedProspects", "r"),
            ("num_replied_prospects", "numRepliedProspects", "r"),
            ("open_count", "openCount", "r"),
            ("opt_out_count", "optOutCount", "r"),
            ("positive_reply_count", "positiveReplyCount", "r"),
            ("primary_reply_action", "primaryReplyAction", ""),
            ("primary_reply_pause_duration", "primaryReplyPauseDuration", ""),
            ("reply_count", "replyCount", "r"),
            ("sales_motion", "salesMotion", ""),
            ("schedule_count", "scheduleCount", "r"),
            ("schedule_interval_type", "scheduleIntervalType", ""),
            ("secondary_reply_action", "secondaryReplyAction", ""),
            ("secondary_reply_pause_duration", "secondaryReplyPauseDuration", ""),
            ("sequence_step_count", "sequenceStepCount", "r"),
            ("sequence_type", "sequenceType", ""),
            ("share_type", "shareType", ""),
            ("tags", "tags", ""),
            ("throttle_capacity", "throttleCapacity", ""),
            ("throttle_max_adds_per_day", "throttleMaxAddsPerDay", ""),
            ("throttle_paused", "throttlePaused", ""),
            ("throttle_paused_at", "throttlePausedAt", "rt"),
            ("transactional", "transactional", ""),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("calls", "calls", ("call",), "mrl"),
            (
                "content_category_memberships",
                "contentCategoryMemberships",
                ("contentCategoryMembership",),
                "mr",
            ),
            ("creator", "creator", ("user",), "r"),
            ("mailings", "mailings", ("mailing",), "mrl"),
            ("owner", "owner", ("user",), ""),
            ("ruleset", "ruleset", ("ruleset",), ""),
            ("schedule", "schedule", ("schedule",), ""),
            ("sequence_states", "sequenceStates", ("sequenceState",), "mrl"),
            ("sequence_steps", "sequenceSteps", ("sequenceStep",), "m"),
            ("tasks", "tasks", ("task",), "mrl"),
            ("updater", "updater", ("user",), "r"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class SequenceState(Model):
    """A descriptor of a currently sequenced prospect, which includes relationships to its
    sequence, prospect and user. Read-only (set by the server): active_at, bounce_count,
    call_completed_at, click_count, created_at, deliver_count, error_reason, failure_count,
    negative_reply_count, neutral_reply_count, open_count, opt_out_count, pause_reason,
    positive_reply_count, replied_at, reply_count, schedule_count, state, state_changed_at,
    updated_at, account, active_step_mailings, active_step_tasks, batch_item_creator, calls,
    creator, mailings, opportunity, sequence_step, tasks, user.
    """

    TYPE: ClassVar[str] = "sequenceState"
    PLURAL: ClassVar[str] = "sequenceStates"

    active_at: datetime | Absent | None = ABSENT
    bounce_count: int | Absent | None = ABSENT
    call_completed_at: datetime | Absent | None = ABSENT
    click_count: int | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    deliver_count: int | Absent | None = ABSENT
    error_reason: str | Absent | None = ABSENT
    failure_count: int | Absent | None = ABSENT
    negative_reply_count: int | Absent | None = ABSENT
    neutral_reply_count: int | Absent | None = ABSENT
    open_count: int | Absent | None = ABSENT
    opt_out_count: int | Absent | None = ABSENT
    pause_reason: str | Absent | None = ABSENT
    positive_reply_count: int | Absent | None = ABSENT
    replied_at: datetime | Absent | None = ABSENT
    reply_count: int | Absent | None = ABSENT
    schedule_count: int | Absent | None = ABSENT
    state: str | Absent | None = ABSENT
    state_changed_at: datetime | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    account: Ref[Account] | Absent | None = ABSENT
    active_step_mailings: list[Ref[Mailing]] | Absent = ABSENT
    active_step_tasks: list[Ref[Task]] | Absent = ABSENT
    batch_item_creator: Ref[BatchItem] | Absent | None = ABSENT
    calls: list[Ref[Call]] | Absent = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    mailbox: Ref[Mailbox] | Absent | None = ABSENT
    mailings: list[Ref[Mailing]] | Absent = ABSENT
    opportunity: Ref[Opportunity] | Absent | None = ABSENT
    prospect: Ref[Prospect] | Absent | None = ABSENT
    sequence: Ref[Sequence] | Absent | None = ABSENT
    sequence_state_recipients: list[Ref[Resource]] | Absent = ABSENT
    sequence_step: Ref[SequenceStep] | Absent | None = ABSENT
    tasks: list[Ref[Task]] | Absent = ABSENT
    user: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("active_at", "activeAt", "rt"),
            ("bounce_count", "bounceCount", "r"),
            ("call_completed_at", "callCompletedAt", "rt"),
            ("click_count", "clickCount", "r"),
            ("created_at", "createdAt", "rt"),
            ("deliver_count", "deliverCount", "r"),
            ("error_reason", "errorReason", "r"),
            ("failure_count", "failureCount", "r"),
            ("negative_reply_count", "negativeReplyCount", "r"),
            ("neutral_reply_count", "neutralReplyCount", "r"),
            ("open_count", "openCount", "r"),
            ("opt_out_count", "optOutCount", "r"),
            ("pause_reason", "pauseReason", "r"),
            ("positive_reply_count", "positiveReplyCount", "r"),
            ("replied_at", "repliedAt", "rt"),
            ("reply_count", "replyCount", "r"),
            ("schedule_count", "scheduleCount", "r"),
            ("state", "state", "r"),
            ("state_changed_at", "stateChangedAt", "rt"),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("account", "account", ("account",), "r"),
            ("active_step_mailings", "activeStepMailings", ("mailing",), "mr"),
            ("active_step_tasks", "activeStepTasks", ("task",), "mr"),
            ("batch_item_creator", "batchItemCreator", ("batchItem",), "r"),
            ("calls", "calls", ("call",), "mrl"),
            ("creator", "creator", ("user",), "r"),
            ("mailbox", "mailbox", ("mailbox",), ""),
            ("mailings", "mailings", ("mailing",), "mrl"),
            ("opportunity", "opportunity", ("opportunity",), "r"),
            ("prospect", "prospect", ("prospect",), ""),
            ("sequence", "sequence", ("sequence",), ""),
            (
                "sequence_state_recipients",
                "sequenceStateRecipients",
                ("sequenceStateRecipient",),
                "m",
            ),
            ("sequence_step", "sequenceStep", ("sequenceStep",), "r"),
            ("tasks", "tasks", ("task",), "mrl"),
            ("user", "user", ("user",), "r"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class SequenceStep(Model):
    """A descriptor of a single step within an automated sequence. Read-only (set by the
    server): bounce_count, click_count, created_at, deliver_count, display_name,
    failure_count, negative_reply_count, neutral_reply_count, open_count, opt_out_count,
    positive_reply_count, reply_count, schedule_count, updated_at, calls, creator, mailings,
    sequence_templates, tasks, updater.
    """

    TYPE: ClassVar[str] = "sequenceStep"
    PLURAL: ClassVar[str] = "sequenceSteps"

    bounce_count: int | Absent | None = ABSENT
    click_count: int | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    date: date | Absent | None = ABSENT
    deliver_count: int | Absent | None = ABSENT
    display_name: str | Absent | None = ABSENT
    failure_count: int | Absent | None = ABSENT
    interval: int | Absent | None = ABSENT
    negative_reply_count: int | Absent | None = ABSENT
    neutral_reply_count: int | Absent | None = ABSENT
    open_count: int | Absent | None = ABSENT
    opt_out_count: int | Absent | None = ABSENT
    order: int | Absent | None = ABSENT
    positive_reply_count: int | Absent | None = ABSENT
    reply_count: int | Absent | None = ABSENT
    schedule_count: int | Absent | None = ABSENT
    step_type: str | Absent | None = ABSENT
    task_autoskip_delay: int | Absent | None = ABSENT
    task_note: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    call_purpose: Ref[CallPurpose] | Absent | None = ABSENT
    calls: list[Ref[Call]] | Absent = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    mailings: list[Ref[Mailing]] | Absent = ABSENT
    schedule: Ref[Resource] | Absent | None = ABSENT
    sequence: Ref[Sequence] | Absent | None = ABSENT
    sequence_templates: list[Ref[SequenceTemplate]] | Absent = ABSENT
    task_priority: Ref[TaskPriority] | Absent | None = ABSENT
    tasks: list[Ref[Task]] | Absent = ABSENT
    updater: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("bounce_count", "bounceCount", "r"),
            ("click_count", "clickCount", "r"),
            ("created_at", "createdAt", "rt"),
            ("date", "date", "d"),
            ("deliver_count", "deliverCount", "r"),
            ("display_name", "displayName", "r"),
            ("failure_count", "failureCount", "r"),
            ("interval", "interval", ""),
            ("negative_reply_count", "negativeReplyCount", "r"),
            ("neutral_reply_count", "neutralReplyCount", "r"),
            ("open_count", "openCount", "r"),
            ("opt_out_count", "optOutCount", "r"),
            ("order", "order", ""),
            ("positive_reply_count", "positiveReplyCount", "r"),
            ("reply_count", "replyCount", "r"),
            ("schedule_count", "scheduleCount", "r"),
            ("step_type", "stepType", ""),
            ("task_autoskip_delay", "taskAutoskipDelay", ""),
            ("task_note", "taskNote", ""),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("call_purpose", "callPurpose", ("callPurpose",), ""),
            ("calls", "calls", ("call",), "mrl"),
            ("creator", "creator", ("user",), "r"),
            ("mailings", "mailings", ("mailing",), "mrl"),
            ("schedule", "schedule", ("schedule",), ""),
            ("sequence", "sequence", ("sequence",), ""),
            ("sequence_templates", "sequenceTemplates", ("sequenceTemplate",), "mr"),
            ("task_priority", "taskPriority", ("taskPriority",), ""),
            ("tasks", "tasks", ("task",), "mrl"),
            ("updater", "updater", ("user",), "r"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class SequenceTemplate(Model):
    """An object used to track which templates are in use by which sequence steps. Read-only
    (set by the server): bounce_count, click_count, created_at, deliver_count, enabled,
    enabled_at, failure_count, negative_reply_count, neutral_reply_count, open_count,
    opt_out_count, positive_reply_count, reply_count, schedule_count, updated_at, creator,
    updater.
    """

    TYPE: ClassVar[str] = "sequenceTemplate"
    PLURAL: ClassVar[str] = "sequenceTemplates"

    bounce_count: int | Absent | None = ABSENT
    click_count: int | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    deliver_count: int | Absent | None = ABSENT
    enabled: bool | Absent | None = ABSENT
    enabled_at: datetime | Absent | None = ABSENT
    failure_count: int | Absent | None = ABSENT
    is_reply: bool | Absent | None = ABSENT
    negative_reply_count: int | Absent | None = ABSENT
    neutral_reply_count: int | Absent | None = ABSENT
    open_count: int | Absent | None = ABSENT
    opt_out_count: int | Absent | None = ABSENT
    positive_reply_count: int | Absent | None = ABSENT
    reply_count: int | Absent | None = ABSENT
    schedule_count: int | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    sequence_step: Ref[SequenceStep] | Absent | None = ABSENT
    template: Ref[Template] | Absent | None = ABSENT
    updater: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("bounce_count", "bounceCount", "r"),
            ("click_count", "clickCount", "r"),
            ("created_at", "createdAt", "rt"),
            ("deliver_count", "deliverCount", "r"),
            ("enabled", "enabled", "r"),
            ("enabled_at", "enabledAt", "rt"),
            ("failure_count", "failureCount", "r"),
            ("is_reply", "isReply", ""),
            ("negative_reply_count", "negativeReplyCount", "r"),
            ("neutral_reply_count", "neutralReplyCount", "r"),
            ("open_count", "openCount", "r"),
            ("opt_out_count", "optOutCount", "r"),
            ("positive_reply_count", "positiveReplyCount", "r"),
            ("reply_count", "replyCount", "r"),
            ("schedule_count", "scheduleCount", "r"),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("creator", "creator", ("user",), "r"),
            ("sequence_step", "sequenceStep", ("sequenceStep",), ""),
            ("template", "template", ("template",), ""),
            ("updater", "updater", ("user",), "r"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Snippet(Model):
    """A piece of an email to be reused in multiple messages. Read-only (set by the server):
    body_text, created_at, updated_at, creator, updater.
    """

    TYPE: ClassVar[str] = "snippet"
    PLURAL: ClassVar[str] = "snippets"

    body_html: str | Absent | None = ABSENT
    body_text: str | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    share_type: str | Absent | None = ABSENT
    tags: list[str] | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    content_category_memberships: list[Ref[ContentCategoryMembership]] | Absent = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    favorites: list[Ref[Favorite]] | Absent = ABSENT
    owner: Ref[User] | Absent | None = ABSENT
    updater: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("body_html", "bodyHtml", ""),
            ("body_text", "bodyText", "r"),
            ("created_at", "createdAt", "rt"),
            ("name", "name", ""),
            ("share_type", "shareType", ""),
            ("tags", "tags", ""),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            (
                "content_category_memberships",
                "contentCategoryMemberships",
                ("contentCategoryMembership",),
                "m",
            ),
            ("creator", "creator", ("user",), "r"),
            ("favorites", "favorites", ("favorite",), "m"),
            ("owner", "owner", ("user",), ""),
            ("updater", "updater", ("user",), "r"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Stage(Model):
    """A descriptor of the point in the process, used for categorizing Prospects. Read-only
    (set by the server): created_at, updated_at, creator, prospects, updater.
    """

    TYPE: ClassVar[str] = "stage"
    PLURAL: ClassVar[str] = "stages"

    color: str | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    order: int | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    prospects: list[Ref[Prospect]] | Absent = ABSENT
    updater: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("color", "color", ""),
            ("created_at", "createdAt", "rt"),
            ("name", "name", ""),
            ("order", "order", ""),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("creator", "creator", ("user",), "r"),
            ("prospects", "prospects", ("prospect",), "mrl"),
            ("updater", "updater", ("user",), "r"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Task(Model):
    """An item that requires action to complete. Read-only (set by the server):
    compiled_sequence_template_html, completed, completed_at, created_at, scheduled_at,
    state, state_changed_at, task_type, updated_at, account, call, calls, completer,
    creator, default_plugin_mapping, mailing, mailings, opportunity, prospect,
    prospect_account, prospect_contacts, prospect_owner, prospect_phone_numbers,
    prospect_stage, sequence, sequence_sequence_steps, sequence_state,
    sequence_state_sequence_step, sequence_state_sequence_step_overrides,
    sequence_state_starting_template, sequence_step, sequence_step_override_templates,
    sequence_template, sequence_template_template, template.
    """

    TYPE: ClassVar[str] = "task"
    PLURAL: ClassVar[str] = "tasks"

    action: str | Absent | None = ABSENT
    autoskip_at: datetime | Absent | None = ABSENT
    compiled_sequence_template_html: str | Absent | None = ABSENT
    completed: bool | Absent | None = ABSENT
    completed_at: datetime | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    due_at: datetime | Absent | None = ABSENT
    note: str | Absent | None = ABSENT
    opportunity_association: str | Absent | None = ABSENT
    scheduled_at: datetime | Absent | None = ABSENT
    state: str | Absent | None = ABSENT
    state_changed_at: datetime | Absent | None = ABSENT
    task_type: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    account: Ref[Account] | Absent | None = ABSENT
    call: Ref[Call] | Absent | None = ABSENT
    calls: list[Ref[Call]] | Absent = ABSENT
    completer: Ref[User] | Absent | None = ABSENT
    creator: Ref[SequenceStep | Stage | User] | Absent | None = ABSENT
    default_plugin_mapping: Ref[Resource] | Absent | None = ABSENT
    mailing: Ref[Mailing] | Absent | None = ABSENT
    mailings: list[Ref[Mailing]] | Absent = ABSENT
    opportunity: Ref[Opportunity] | Absent | None = ABSENT
    owner: Ref[User] | Absent | None = ABSENT
    prospect: Ref[Prospect] | Absent | None = ABSENT
    prospect_account: Ref[Account] | Absent | None = ABSENT
    prospect_contacts: list[Ref[EmailAddress]] | Absent = ABSENT
    prospect_owner: Ref[User] | Absent | None = ABSENT
    prospect_phone_numbers: list[Ref[PhoneNumber]] | Absent = ABSENT
    prospect_stage: Ref[Stage] | Absent | None = ABSENT
    sequence: Ref[Sequence] | Absent | None = ABSENT
    sequence_sequence_steps: list[Ref[SequenceStep]] | Absent = ABSENT
    sequence_state: Ref[SequenceState] | Absent | None = ABSENT
    sequence_state_sequence_step: Ref[SequenceStep] | Absent | None = ABSENT
    sequence_state_sequence_step_overrides: list[Ref[Resource]] | Absent = ABSENT
    sequence_state_starting_template: Ref[Template] | Absent | None = ABSENT
    sequence_step: Ref[SequenceStep] | Absent | None = ABSENT
    sequence_step_override_templates: list[Ref[Template]] | Absent = ABSENT
    sequence_template: Ref[SequenceTemplate] | Absent | None = ABSENT
    sequence_template_template: Ref[Template] | Absent | None = ABSENT
    subject: Ref[Account | Opportunity | Prospect] | Absent | None = ABSENT
    task_disposition: Ref[TaskDisposition] | Absent | None = ABSENT
    task_priority: Ref[TaskPriority] | Absent | None = ABSENT
    task_purpose: Ref[TaskPurpose] | Absent | None = ABSENT
    task_theme: Ref[Resource] | Absent | None = ABSENT
    team: Ref[Team] | Absent | None = ABSENT
    template: Ref[Template] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("action", "action", ""),
            ("autoskip_at", "autoskipAt", "t"),
            ("compiled_sequence_template_html", "compiledSequenceTemplateHtml", "r"),
            ("completed", "completed", "r"),
            ("completed_at", "completedAt", "rt"),
            ("created_at", "createdAt", "rt"),
            ("due_at", "dueAt", "t"),
            ("note", "note", ""),
            ("opportunity_association", "opportunityAssociation", ""),
            ("scheduled_at", "scheduledAt", "rt"),
            ("state", "state", "r"),
            ("state_changed_at", "stateChangedAt", "rt"),
            ("task_type", "taskType", "r"),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("account", "account", ("account",), "r"),
            ("call", "call", ("call",), "r"),
            ("calls", "calls", ("call",), "mrl"),
            ("completer", "completer", ("user",), "r"),
            ("creator", "creator", ("sequenceStep", "stage", "user"), "r"),
            ("default_plugin_mapping", "defaultPluginMapping", ("pluginMapping",), "r"),
            ("mailing", "mailing", ("mailing",), "r"),
            ("mailings", "mailings", ("mailing",), "mrl"),
            ("opportunity", "opportunity", ("opportunity",), "r"),
            ("owner", "owner", ("user",), ""),
            ("prospect", "prospect", ("prospect",), "r"),
            ("prospect_account", "prospectAccount", ("account",), "r"),
            ("prospect_contacts", "prospectContacts", ("emailAddress",), "mr"),
            ("prospect_owner", "prospectOwner", ("user",), "r"),
            ("prospect_phone_numbers", "prospectPhoneNumbers", ("phoneNumber",), "mr"),
            ("prospect_stage", "prospectStage", ("stage",), "r"),
            ("sequence", "sequence", ("sequence",), "r"),
            ("sequence_sequence_steps", "sequenceSequenceSteps", ("sequenceStep",), "mr"),
            ("sequence_state", "sequenceState", ("sequenceState",), "r"),
            ("sequence_state_sequence_step", "sequenceStateSequenceStep", ("sequenceStep",), "r"),
            (
                "sequence_state_sequence_step_overrides",
                "sequenceStateSequenceStepOverrides",
                ("sequenceStepOverride",),
                "mr",
            ),
            (
                "sequence_state_starting_template",
                "sequenceStateStartingTemplate",
                ("template",),
                "r",
            ),
            ("sequence_step", "sequenceStep", ("sequenceStep",), "r"),
            (
                "sequence_step_override_templates",
                "sequenceStepOverrideTemplates",
                ("template",),
                "mr",
            ),
            ("sequence_template", "sequenceTemplate", ("sequenceTemplate",), "r"),
            ("sequence_template_template", "sequenceTemplateTemplate", ("template",), "r"),
            ("subject", "subject", ("account", "opportunity", "prospect"), ""),
            ("task_disposition", "taskDisposition", ("taskDisposition",), ""),
            ("task_priority", "taskPriority", ("taskPriority",), ""),
            ("task_purpose", "taskPurpose", ("taskPurpose",), ""),
            ("task_theme", "taskTheme", ("taskTheme",), ""),
            ("team", "team", ("team",), ""),
            ("template", "template", ("template",), "r"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class TaskDisposition(Model):
    """A collection of task dispositions that help categorize your tasks. Read-only (set by the
    server): created_at, updated_at, creator, tasks.
    """

    TYPE: ClassVar[str] = "taskDisposition"
    PLURAL: ClassVar[str] = "taskDispositions"

    created_at: datetime | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    order: int | Absent | None = ABSENT
    task_type: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    value: str | Absent | None = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    tasks: list[Ref[Task]] | Absent = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("created_at", "createdAt", "rt"),
            ("name", "name", ""),
            ("order", "order", ""),
            ("task_type", "taskType", ""),
            ("updated_at", "updatedAt", "rt"),
            ("value", "value", ""),
        ),
        relationships=(
            ("creator", "creator", ("user",), "r"),
            ("tasks", "tasks", ("task",), "mrl"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class TaskPriority(Model):
    """A descriptor of importance used for categorizing Tasks. Read-only (set by the server):
    created_at, updated_at, sequence_steps, tasks.
    """

    TYPE: ClassVar[str] = "taskPriority"
    PLURAL: ClassVar[str] = "taskPriorities"

    color: int | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    weight: int | Absent | None = ABSENT
    sequence_steps: list[Ref[SequenceStep]] | Absent = ABSENT
    tasks: list[Ref[Task]] | Absent = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("color", "color", ""),
            ("created_at", "createdAt", "rt"),
            ("name", "name", ""),
            ("updated_at", "updatedAt", "rt"),
            ("weight", "weight", ""),
        ),
        relationships=(
            ("sequence_steps", "sequenceSteps", ("sequenceStep",), "mrl"),
            ("tasks", "tasks", ("task",), "mrl"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class TaskPurpose(Model):
    """A collection of task purposes that help categorize your tasks. Read-only (set by the
    server): created_at, updated_at, creator, tasks.
    """

    TYPE: ClassVar[str] = "taskPurpose"
    PLURAL: ClassVar[str] = "taskPurposes"

    created_at: datetime | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    order: int | Absent | None = ABSENT
    task_type: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    tasks: list[Ref[Task]] | Absent = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("created_at", "createdAt", "rt"),
            ("name", "name", ""),
            ("order", "order", ""),
            ("task_type", "taskType", ""),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("creator", "creator", ("user",), "r"),
            ("tasks", "tasks", ("task",), "mrl"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Team(Model):
    """A descriptor of a group of users. Read-only (set by the server): created_at, updated_at,
    batches, creator, role_assigned_users, updater.
    """

    TYPE: ClassVar[str] = "team"
    PLURAL: ClassVar[str] = "teams"

    color: str | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    scim_external_id: str | Absent | None = ABSENT
    scim_source: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    batches: list[Ref[Batch]] | Absent = ABSENT
    content_categories: list[Ref[ContentCategory]] | Absent = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    favorites: list[Ref[Favorite]] | Absent = ABSENT
    role_assigned_users: list[Ref[User]] | Absent = ABSENT
    team_memberships: list[Ref[Resource]] | Absent = ABSENT
    team_records: list[Ref[Resource]] | Absent = ABSENT
    team_settings: Ref[Resource] | Absent | None = ABSENT
    updater: Ref[User] | Absent | None = ABSENT
    users: list[Ref[User]] | Absent = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("color", "color", ""),
            ("created_at", "createdAt", "rt"),
            ("name", "name", ""),
            ("scim_external_id", "scimExternalId", ""),
            ("scim_source", "scimSource", ""),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("batches", "batches", ("batch",), "mrl"),
            ("content_categories", "contentCategories", ("contentCategory",), "m"),
            ("creator", "creator", ("user",), "r"),
            ("favorites", "favorites", ("favorite",), "m"),
            ("role_assigned_users", "roleAssignedUsers", ("user",), "mr"),
            ("team_memberships", "teamMemberships", ("teamMembership",), "m"),
            ("team_records", "teamRecords", ("teamRecord",), "m"),
            ("team_settings", "teamSettings", ("teamSettings",), ""),
            ("updater", "updater", ("user",), "r"),
            ("users", "users", ("user",), "m"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Template(Model):
    """A reusable template for building emails. Read-only (set by the server): archived_at,
    body_text, bounce_count, click_count, created_at, deliver_count, failure_count,
    last_used_at, negative_reply_count, neutral_reply_count, open_count, opt_out_count,
    positive_reply_count, reply_count, schedule_count, updated_at, creator, recipients,
    sequence_templates, updater.
    """

    TYPE: ClassVar[str] = "template"
    PLURAL: ClassVar[str] = "templates"

    archived: bool | Absent | None = ABSENT
    archived_at: datetime | Absent | None = ABSENT
    bcc_recipients: list[str] | Absent | None = ABSENT
    body_html: str | Absent | None = ABSENT
    body_text: str | Absent | None = ABSENT
    bounce_count: int | Absent | None = ABSENT
    cc_recipients: list[str] | Absent | None = ABSENT
    click_count: int | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    deliver_count: int | Absent | None = ABSENT
    failure_count: int | Absent | None = ABSENT
    last_used_at: datetime | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    negative_reply_count: int | Absent | None = ABSENT
    neutral_reply_count: int | Absent | None = ABSENT
    open_count: int | Absent | None = ABSENT
    opt_out_count: int | Absent | None = ABSENT
    positive_reply_count: int | Absent | None = ABSENT
    reply_count: int | Absent | None = ABSENT
    schedule_count: int | Absent | None = ABSENT
    share_type: str | Absent | None = ABSENT
    subject: str | Absent | None = ABSENT
    tags: list[str] | Absent | None = ABSENT
    to_recipients: list[str] | Absent | None = ABSENT
    track_links: bool | Absent | None = ABSENT
    track_opens: bool | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    attachments: list[Ref[Resource]] | Absent = ABSENT
    content_category_memberships: list[Ref[ContentCategoryMembership]] | Absent = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    favorites: list[Ref[Favorite]] | Absent = ABSENT
    owner: Ref[User] | Absent | None = ABSENT
    recipients: list[Ref[Recipient]] | Absent = ABSENT
    sequence_templates: list[Ref[SequenceTemplate]] | Absent = ABSENT
    stats_target: Ref[Template] | Absent | None = ABSENT
    updater: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("archived", "archived", ""),
            ("archived_at", "archivedAt", "rt"),
            ("bcc_recipients", "bccRecipients", ""),
            ("body_html", "bodyHtml", ""),
            ("body_text", "bodyText", "r"),
            ("bounce_count", "bounceCount", "r"),
            ("cc_recipients", "ccRecipients", ""),
            ("click_count", "clickCount", "r"),
            ("created_at", "createdAt", "rt"),
            ("deliver_count", "deliverCount", "r"),
            ("failure_count", "failureCount", "r"),
            ("last_used_at", "lastUsedAt", "rt"),
            ("name", "name", ""),
            ("negative_reply_count", "negativeReplyCount", "r"),
            ("neutral_reply_count", "neutralReplyCount", "r"),
            ("open_count", "openCount", "r"),
            ("opt_out_count", "optOutCount", "r"),
            ("positive_reply_count", "positiveReplyCount", "r"),
            ("reply_count", "replyCount", "r"),
            ("schedule_count", "scheduleCount", "r"),
            ("share_type", "shareType", ""),
            ("subject", "subject", ""),
            ("tags", "tags", ""),
            ("to_recipients", "toRecipients", ""),
            ("track_links", "trackLinks", ""),
            ("track_opens", "trackOpens", ""),
            ("updated_at", "updatedAt", "rt"),
        ),
        relationships=(
            ("attachments", "attachments", ("attachment",), "m"),
            (
                "content_category_memberships",
                "contentCategoryMemberships",
                ("contentCategoryMembership",),
                "m",
            ),
            ("creator", "creator", ("user",), "r"),
            ("favorites", "favorites", ("favorite",), "m"),
            ("owner", "owner", ("user",), ""),
            ("recipients", "recipients", ("recipient",), "mr"),
            ("sequence_templates", "sequenceTemplates", ("sequenceTemplate",), "mr"),
            ("stats_target", "statsTarget", ("template",), ""),
            ("updater", "updater", ("user",), "r"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class User(Model):
    """The individual that uses the application. Read-only (set by the server): created_at,
    current_sign_in_at, last_sign_in_at, name, password_expires_at, updated_at, user_guid,
    batches, creator, updater.
    """

    TYPE: ClassVar[str] = "user"
    PLURAL: ClassVar[str] = "users"

    accounts_view_id: int | Absent | None = ABSENT
    activity_notifications_disabled: bool | Absent | None = ABSENT
    bounce_warning_email_enabled: bool | Absent | None = ABSENT
    bridge_phone: str | Absent | None = ABSENT
    bridge_phone_extension: str | Absent | None = ABSENT
    calls_view_id: int | Absent | None = ABSENT
    controlled_tab_default: str | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    current_sign_in_at: datetime | Absent | None = ABSENT
    daily_digest_email_enabled: bool | Absent | None = ABSENT
    default_ruleset_id: int | Absent | None = ABSENT
    duties: dict[str, Any] | Absent | None = ABSENT
    email: str | Absent | None = ABSENT
    enable_voice_recordings: bool | Absent | None = ABSENT
    engagement_emails_enabled: bool | Absent | None = ABSENT
    first_name: str | Absent | None = ABSENT
    inbound_bridge_phone: str | Absent | None = ABSENT
    inbound_bridge_phone_extension: str | Absent | None = ABSENT
    inbound_call_behavior: str | Absent | None = ABSENT
    inbound_phone_type: str | Absent | None = ABSENT
    inbound_voicemail_custom_message_text: str | Absent | None = ABSENT
    inbound_voicemail_message_text_voice: str | Absent | None = ABSENT
    inbound_voicemail_prompt_type: str | Absent | None = ABSENT
    job_role_by_name: str | Absent | None = ABSENT
    kaia_recordings_view_id: int | Absent | None = ABSENT
    keep_bridge_phone_connected: bool | Absent | None = ABSENT
    last_name: str | Absent | None = ABSENT
    last_sign_in_at: datetime | Absent | None = ABSENT
    locked: bool | Absent | None = ABSENT
    mailbox_error_email_enabled: bool | Absent | None = ABSENT
    meeting_engagement_notification_enabled: bool | Absent | None = ABSENT
    name: str | Absent | None = ABSENT
    notifications_enabled: bool | Absent | None = ABSENT
    oce_click_to_dial_everywhere: bool | Absent | None = ABSENT
    oce_gmail_toolbar: bool | Absent | None = ABSENT
    oce_gmail_tracking_state: str | Absent | None = ABSENT
    oce_salesforce_email_decorating: bool | Absent | None = ABSENT
    oce_salesforce_phone_decorating: bool | Absent | None = ABSENT
    oce_universal_task_flow: bool | Absent | None = ABSENT
    oce_window_mode: bool | Absent | None = ABSENT
    opportunities_view_id: int | Absent | None = ABSENT
    password_expires_at: datetime | Absent | None = ABSENT
    phone_country_code: str | Absent | None = ABSENT
    phone_number: str | Absent | None = ABSENT
    phone_type: str | Absent | None = ABSENT
    plugin_alert_notification_enabled: bool | Absent | None = ABSENT
    preferred_voice_region: str | Absent | None = ABSENT
    prefers_local_presence: bool | Absent | None = ABSENT
    prospects_view_id: int | Absent | None = ABSENT
    reports_team_perf_view_id: int | Absent | None = ABSENT
    reports_view_id: int | Absent | None = ABSENT
    scim_external_id: str | Absent | None = ABSENT
    scim_source: str | Absent | None = ABSENT
    sender_notifications_excluded: bool | Absent | None = ABSENT
    tasks_view_id: int | Absent | None = ABSENT
    teams_view_id: int | Absent | None = ABSENT
    texting_email_notifications: bool | Absent | None = ABSENT
    title: str | Absent | None = ABSENT
    unknown_reply_email_enabled: bool | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    user_guid: str | Absent | None = ABSENT
    username: str | Absent | None = ABSENT
    users_view_id: int | Absent | None = ABSENT
    voicemail_notification_enabled: bool | Absent | None = ABSENT
    weekly_digest_email_enabled: bool | Absent | None = ABSENT
    batches: list[Ref[Batch]] | Absent = ABSENT
    calendar: Ref[Resource] | Absent | None = ABSENT
    content_categories: list[Ref[ContentCategory]] | Absent = ABSENT
    content_category_ownerships: list[Ref[ContentCategoryOwnership]] | Absent = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    direct_assigned_teams: list[Ref[Team]] | Absent = ABSENT
    favorites: list[Ref[Favorite]] | Absent = ABSENT
    job_role: Ref[Resource] | Absent | None = ABSENT
    mailbox: Ref[Mailbox] | Absent | None = ABSENT
    mailboxes: list[Ref[Mailbox]] | Absent = ABSENT
    outbound_voicemails: list[Ref[Resource]] | Absent = ABSENT
    phone: Ref[Resource] | Absent | None = ABSENT
    phones: list[Ref[Resource]] | Absent = ABSENT
    profile: Ref[Profile] | Absent | None = ABSENT
    recipients: list[Ref[Recipient]] | Absent = ABSENT
    role: Ref[Role] | Absent | None = ABSENT
    role_assigned_teams: list[Ref[Team]] | Absent = ABSENT
    sms_phone: Ref[Resource] | Absent | None = ABSENT
    teams: list[Ref[Team]] | Absent = ABSENT
    updater: Ref[User] | Absent | None = ABSENT
    voicemail_prompts: list[Ref[Resource]] | Absent = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("accounts_view_id", "accountsViewId", ""),
            ("activity_notifications_disabled", "activityNotificationsDisabled", ""),
            ("bounce_warning_email_enabled", "bounceWarningEmailEnabled", ""),
            ("bridge_phone", "bridgePhone", ""),
            ("bridge_phone_extension", "bridgePhoneExtension", ""),
            ("calls_view_id", "callsViewId", ""),
            ("controlled_tab_default", "controlledTabDefault", ""),
            ("created_at", "createdAt", "rt"),
            ("current_sign_in_at", "currentSignInAt", "rt"),
            ("daily_digest_email_enabled", "dailyDigestEmailEnabled", ""),
            ("default_ruleset_id", "defaultRulesetId", ""),
            ("duties", "duties", ""),
            ("email", "email", ""),
            ("enable_voice_recordings", "enableVoiceRecordings", ""),
            ("engagement_emails_enabled", "engagementEmailsEnabled", ""),
            ("first_name", "firstName", ""),
            ("inbound_bridge_phone", "inboundBridgePhone", ""),
            ("inbound_bridge_phone_extension", "inboundBridgePhoneExtension", ""),
            ("inbound_call_behavior", "inboundCallBehavior", ""),
            ("inbound_phone_type", "inboundPhoneType", ""),
            ("inbound_voicemail_custom_message_text", "inboundVoicemailCustomMessageText", ""),
            ("inbound_voicemail_message_text_voice", "inboundVoicemailMessageTextVoice", ""),
            ("inbound_voicemail_prompt_type", "inboundVoicemailPromptType", ""),
            ("job_role_by_name", "jobRoleByName", "w"),
            ("kaia_recordings_view_id", "kaiaRecordingsViewId", ""),
            ("keep_bridge_phone_connected", "keepBridgePhoneConnected", ""),
            ("last_name", "lastName", ""),
            ("last_sign_in_at", "lastSignInAt", "rt"),
            ("locked", "locked", ""),
            ("mailbox_error_email_enabled", "mailboxErrorEmailEnabled", ""),
            ("meeting_engagement_notification_enabled", "meetingEngagementNotificationEnabled", ""),
            ("name", "name", "r"),
            ("notifications_enabled", "notificationsEnabled", ""),
            ("oce_click_to_dial_everywhere", "oceClickToDialEverywhere", ""),
            ("oce_gmail_toolbar", "oceGmailToolbar", ""),
            ("oce_gmail_tracking_state", "oceGmailTrackingState", ""),
            ("oce_salesforce_email_decorating", "oceSalesforceEmailDecorating", ""),
            ("oce_salesforce_phone_decorating", "oceSalesforcePhoneDecorating", ""),
            ("oce_universal_task_flow", "oceUniversalTaskFlow", ""),
            ("oce_window_mode", "oceWindowMode", ""),
            ("opportunities_view_id", "opportunitiesViewId", ""),
            ("password_expires_at", "passwordExpiresAt", "rt"),
            ("phone_country_code", "phoneCountryCode", ""),
            ("phone_number", "phoneNumber", ""),
            ("phone_type", "phoneType", ""),
            ("plugin_alert_notification_enabled", "pluginAlertNotificationEnabled", ""),
            ("preferred_voice_region", "preferredVoiceRegion", ""),
            ("prefers_local_presence", "prefersLocalPresence", ""),
            ("prospects_view_id", "prospectsViewId", ""),
            ("reports_team_perf_view_id", "reportsTeamPerfViewId", ""),
            ("reports_view_id", "reportsViewId", ""),
            ("scim_external_id", "scimExternalId", ""),
            ("scim_source", "scimSource", ""),
            ("sender_notifications_excluded", "senderNotificationsExcluded", ""),
            ("tasks_view_id", "tasksViewId", ""),
            ("teams_view_id", "teamsViewId", ""),
            ("texting_email_notifications", "textingEmailNotifications", ""),
            ("title", "title", ""),
            ("unknown_reply_email_enabled", "unknownReplyEmailEnabled", ""),
            ("updated_at", "updatedAt", "rt"),
            ("user_guid", "userGuid", "r"),
            ("username", "username", ""),
            ("users_view_id", "usersViewId", ""),
            ("voicemail_notification_enabled", "voicemailNotificationEnabled", ""),
            ("weekly_digest_email_enabled", "weeklyDigestEmailEnabled", ""),
        ),
        relationships=(
            ("batches", "batches", ("batch",), "mrl"),
            ("calendar", "calendar", ("calendar",), ""),
            ("content_categories", "contentCategories", ("contentCategory",), "m"),
            (
                "content_category_ownerships",
                "contentCategoryOwnerships",
                ("contentCategoryOwnership",),
                "m",
            ),
            ("creator", "creator", ("user",), "r"),
            ("direct_assigned_teams", "directAssignedTeams", ("team",), "m"),
            ("favorites", "favorites", ("favorite",), "m"),
            ("job_role", "jobRole", ("jobRole",), ""),
            ("mailbox", "mailbox", ("mailbox",), ""),
            ("mailboxes", "mailboxes", ("mailbox",), "m"),
            ("outbound_voicemails", "outboundVoicemails", ("outboundVoicemail",), "m"),
            ("phone", "phone", ("phone",), ""),
            ("phones", "phones", ("phone",), "m"),
            ("profile", "profile", ("profile",), ""),
            ("recipients", "recipients", ("recipient",), "m"),
            ("role", "role", ("role",), ""),
            ("role_assigned_teams", "roleAssignedTeams", ("team",), "m"),
            ("sms_phone", "smsPhone", ("phone",), ""),
            ("teams", "teams", ("team",), "m"),
            ("updater", "updater", ("user",), "r"),
            ("voicemail_prompts", "voicemailPrompts", ("voicemailPrompt",), "m"),
        ),
    )


@attrs.define(kw_only=True, repr=False)
class Webhook(Model):
    """A configurable notification that submits external JSON-API-formatted HTTP requests
    whenever resources are modified. Read-only (set by the server): created_at,
    disabled_reason, disabled_since, disabled_until, updated_at, creator, updater.
    """

    TYPE: ClassVar[str] = "webhook"
    PLURAL: ClassVar[str] = "webhooks"

    action: str | Absent | None = ABSENT
    active: bool | Absent | None = ABSENT
    created_at: datetime | Absent | None = ABSENT
    disabled_reason: str | Absent | None = ABSENT
    disabled_since: datetime | Absent | None = ABSENT
    disabled_until: datetime | Absent | None = ABSENT
    payload_version: int | Absent | None = ABSENT
    resource_: str | Absent | None = ABSENT
    secret: str | Absent | None = ABSENT
    updated_at: datetime | Absent | None = ABSENT
    url: str | Absent | None = ABSENT
    authorizer: Ref[User] | Absent | None = ABSENT
    creator: Ref[User] | Absent | None = ABSENT
    updater: Ref[User] | Absent | None = ABSENT

    SCHEMA: ClassVar[Schema] = Schema(
        attributes=(
            ("action", "action", ""),
            ("active", "active", ""),
            ("created_at", "createdAt", "rt"),
            ("disabled_reason", "disabledReason", "r"),
            ("disabled_since", "disabledSince", "rt"),
            ("disabled_until", "disabledUntil", "rt"),
            ("payload_version", "payloadVersion", ""),
            ("resource_", "resource", ""),
            ("secret", "secret", ""),
            ("updated_at", "updatedAt", "rt"),
            ("url", "url", ""),
        ),
        relationships=(
            ("authorizer", "authorizer", ("user",), ""),
            ("creator", "creator", ("user",), "r"),
            ("updater", "updater", ("user",), "r"),
        ),
    )


def _account(r: Resource) -> Account:
    m = new(Account)
    a = dict(r.attributes)
    p = a.pop
    m.annual_revenue_range = p("annualRevenueRange", ABSENT)
    m.buyer_intent_score = p("buyerIntentScore", ABSENT)
    m.company_type = p("companyType", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.custom_id = p("customId", ABSENT)
    m.description = p("description", ABSENT)
    m.domain = p("domain", ABSENT)
    m.external_source = p("externalSource", ABSENT)
    m.followers = p("followers", ABSENT)
    m.founded_at = to_datetime(p("foundedAt", ABSENT), "foundedAt")
    m.industry = p("industry", ABSENT)
    m.linked_in_employees = p("linkedInEmployees", ABSENT)
    m.linked_in_url = p("linkedInUrl", ABSENT)
    m.locality = p("locality", ABSENT)
    m.naics_codes = p("naicsCodes", ABSENT)
    m.name = p("name", ABSENT)
    m.named = p("named", ABSENT)
    m.natural_name = p("naturalName", ABSENT)
    m.number_of_employees = p("numberOfEmployees", ABSENT)
    m.sharing_team_id = p("sharingTeamId", ABSENT)
    m.sic_codes = p("sicCodes", ABSENT)
    m.tags = p("tags", ABSENT)
    m.ticker_symbol = p("tickerSymbol", ABSENT)
    m.touched_at = to_datetime(p("touchedAt", ABSENT), "touchedAt")
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    m.website_url = p("websiteUrl", ABSENT)
    rels = relationship_entries(r)
    m.assigned_teams = to_many(rels, "assignedTeams")
    m.assigned_users = to_many(rels, "assignedUsers")
    m.batches = to_many(rels, "batches")
    m.creator = to_one(rels, "creator")
    m.default_plugin_mapping = to_one(rels, "defaultPluginMapping")
    m.favorites = to_many(rels, "favorites")
    m.owner = to_one(rels, "owner")
    m.primary_record_team = to_one(rels, "primaryRecordTeam")
    m.prospects = to_many(rels, "prospects")
    m.purchases = to_many(rels, "purchases")
    m.record_team_members = to_many(rels, "recordTeamMembers")
    m.record_teams = to_many(rels, "recordTeams")
    m.tasks = to_many(rels, "tasks")
    m.updater = to_one(rels, "updater")
    finish(m, r, a, rels)
    return m


def _account_note(r: Resource) -> AccountNote:
    m = new(AccountNote)
    a = dict(r.attributes)
    p = a.pop
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.message = p("message", ABSENT)
    m.note_type = p("noteType", ABSENT)
    m.opportunity_association_rule = p("opportunityAssociationRule", ABSENT)
    m.pinned = p("pinned", ABSENT)
    rels = relationship_entries(r)
    m.account = to_one(rels, "account")
    m.creator = to_one(rels, "creator")
    m.opportunity = to_one(rels, "opportunity")
    finish(m, r, a, rels)
    return m


def _audit_log(r: Resource) -> AuditLog:
    m = new(AuditLog)
    a = dict(r.attributes)
    p = a.pop
    m.action = p("action", ABSENT)
    m.additional_info = p("additionalInfo", ABSENT)
    m.agent = p("agent", ABSENT)
    m.changes = p("changes", ABSENT)
    m.event_name = p("eventName", ABSENT)
    m.global_id = p("globalId", ABSENT)
    m.org_id = p("orgId", ABSENT)
    m.request_id = p("requestId", ABSENT)
    m.result = p("result", ABSENT)
    m.timestamp = to_datetime(p("timestamp", ABSENT), "timestamp")
    rels = relationship_entries(r)
    finish(m, r, a, rels)
    return m


def _batch(r: Resource) -> Batch:
    m = new(Batch)
    a = dict(r.attributes)
    p = a.pop
    m.action = p("action", ABSENT)
    m.canceled_at = to_datetime(p("canceledAt", ABSENT), "canceledAt")
    m.confirm_count = p("confirmCount", ABSENT)
    m.confirmed_at = to_datetime(p("confirmedAt", ABSENT), "confirmedAt")
    m.confirmed_count_required = p("confirmedCountRequired", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.external_start_payload = p("externalStartPayload", ABSENT)
    m.failures = p("failures", ABSENT)
    m.finished_at = to_datetime(p("finishedAt", ABSENT), "finishedAt")
    m.payload = p("payload", ABSENT)
    m.pending = p("pending", ABSENT)
    m.started_at = to_datetime(p("startedAt", ABSENT), "startedAt")
    m.state = p("state", ABSENT)
    m.summary = p("summary", ABSENT)
    m.total = p("total", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.batch_items = to_many(rels, "batchItems")
    m.creator = to_one(rels, "creator")
    finish(m, r, a, rels)
    return m


def _batch_item(r: Resource) -> BatchItem:
    m = new(BatchItem)
    a = dict(r.attributes)
    p = a.pop
    m.batch_id = p("batchId", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.data = p("data", ABSENT)
    m.failed = p("failed", ABSENT)
    m.info = p("info", ABSENT)
    m.state = p("state", ABSENT)
    rels = relationship_entries(r)
    m.batch = to_one(rels, "batch")
    finish(m, r, a, rels)
    return m


def _call(r: Resource) -> Call:
    m = new(Call)
    a = dict(r.attributes)
    p = a.pop
    m.answered_at = to_datetime(p("answeredAt", ABSENT), "answeredAt")
    m.completed_at = to_datetime(p("completedAt", ABSENT), "completedAt")
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.dialed_at = to_datetime(p("dialedAt", ABSENT), "dialedAt")
    m.direction = p("direction", ABSENT)
    m.external_vendor = p("externalVendor", ABSENT)
    m.from_ = p("from", ABSENT)
    m.note = p("note", ABSENT)
    m.outcome = p("outcome", ABSENT)
    m.recording_url = p("recordingUrl", ABSENT)
    m.returned_at = to_datetime(p("returnedAt", ABSENT), "returnedAt")
    m.sequence_action = p("sequenceAction", ABSENT)
    m.should_record_call = p("shouldRecordCall", ABSENT)
    m.state = p("state", ABSENT)
    m.state_changed_at = to_datetime(p("stateChangedAt", ABSENT), "stateChangedAt")
    m.tags = p("tags", ABSENT)
    m.to = p("to", ABSENT)
    m.uid = p("uid", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    m.user_call_type = p("userCallType", ABSENT)
    m.vendor_call_id = p("vendorCallId", ABSENT)
    m.voicemail_recording_url = p("voicemailRecordingUrl", ABSENT)
    rels = relationship_entries(r)
    m.associated_id = to_one(rels, "associatedId")
    m.batches = to_many(rels, "batches")
    m.call_disposition = to_one(rels, "callDisposition")
    m.call_purpose = to_one(rels, "callPurpose")
    m.kaia_crm_recording = to_one(rels, "kaiaCrmRecording")
    m.opportunity = to_one(rels, "opportunity")
    m.outbound_voicemail = to_one(rels, "outboundVoicemail")
    m.phone = to_one(rels, "phone")
    m.phone_number = to_one(rels, "phoneNumber")
    m.prospect = to_one(rels, "prospect")
    m.sequence = to_one(rels, "sequence")
    m.sequence_state = to_one(rels, "sequenceState")
    m.sequence_step = to_one(rels, "sequenceStep")
    m.task = to_one(rels, "task")
    m.user = to_one(rels, "user")
    finish(m, r, a, rels)
    return m


def _call_disposition(r: Resource) -> CallDisposition:
    m = new(CallDisposition)
    a = dict(r.attributes)
    p = a.pop
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.name = p("name", ABSENT)
    m.order = p("order", ABSENT)
    m.outcome = p("outcome", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.calls = to_many(rels, "calls")
    m.creator = to_one(rels, "creator")
    finish(m, r, a, rels)
    return m


def _call_purpose(r: Resource) -> CallPurpose:
    m = new(CallPurpose)
    a = dict(r.attributes)
    p = a.pop
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.name = p("name", ABSENT)
    m.order = p("order", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.calls = to_many(rels, "calls")
    m.creator = to_one(rels, "creator")
    finish(m, r, a, rels)
    return m


def _compliance_request(r: Resource) -> ComplianceRequest:
    m = new(ComplianceRequest)
    a = dict(r.attributes)
    p = a.pop
    m.batch_compliance_request_uuid = p("batchComplianceRequestUuid", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.object_type = p("objectType", ABSENT)
    m.pii = p("pii", ABSENT)
    m.request_object_id = p("requestObjectId", ABSENT)
    m.request_type = p("requestType", ABSENT)
    m.requester_id = p("requesterId", ABSENT)
    m.state = p("state", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    m.uuid = p("uuid", ABSENT)
    rels = relationship_entries(r)
    m.requester = to_one(rels, "requester")
    finish(m, r, a, rels)
    return m


def _content_category(r: Resource) -> ContentCategory:
    m = new(ContentCategory)
    a = dict(r.attributes)
    p = a.pop
    m.allow_sequences = p("allowSequences", ABSENT)
    m.allow_snippets = p("allowSnippets", ABSENT)
    m.allow_templates = p("allowTemplates", ABSENT)
    m.color = p("color", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.name = p("name", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.creator = to_one(rels, "creator")
    m.teams = to_many(rels, "teams")
    finish(m, r, a, rels)
    return m


def _content_category_membership(r: Resource) -> ContentCategoryMembership:
    m = new(ContentCategoryMembership)
    a = dict(r.attributes)
    p = a.pop
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.content = to_one(rels, "content")
    m.content_category = to_one(rels, "contentCategory")
    m.creator = to_one(rels, "creator")
    finish(m, r, a, rels)
    return m


def _content_category_ownership(r: Resource) -> ContentCategoryOwnership:
    m = new(ContentCategoryOwnership)
    a = dict(r.attributes)
    p = a.pop
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.content_category = to_one(rels, "contentCategory")
    m.creator = to_one(rels, "creator")
    m.owner = to_one(rels, "owner")
    finish(m, r, a, rels)
    return m


def _custom_duty(r: Resource) -> CustomDuty:
    m = new(CustomDuty)
    a = dict(r.attributes)
    p = a.pop
    m.duty_type = p("dutyType", ABSENT)
    m.name = p("name", ABSENT)
    rels = relationship_entries(r)
    finish(m, r, a, rels)
    return m


def _duty(r: Resource) -> Duty:
    m = new(Duty)
    a = dict(r.attributes)
    p = a.pop
    m.duty_type = p("dutyType", ABSENT)
    m.symbolic_name = p("symbolicName", ABSENT)
    rels = relationship_entries(r)
    finish(m, r, a, rels)
    return m


def _email_address(r: Resource) -> EmailAddress:
    m = new(EmailAddress)
    a = dict(r.attributes)
    p = a.pop
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.email = p("email", ABSENT)
    m.email_type = p("emailType", ABSENT)
    m.order = p("order", ABSENT)
    m.status = p("status", ABSENT)
    m.status_changed_at = to_datetime(p("statusChangedAt", ABSENT), "statusChangedAt")
    m.unsubscribed_at = to_datetime(p("unsubscribedAt", ABSENT), "unsubscribedAt")
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.prospect = to_one(rels, "prospect")
    finish(m, r, a, rels)
    return m


def _event(r: Resource) -> Event:
    m = new(Event)
    a = dict(r.attributes)
    p = a.pop
    m.body = p("body", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.event_at = to_datetime(p("eventAt", ABSENT), "eventAt")
    m.external_url = p("externalUrl", ABSENT)
    m.name = p("name", ABSENT)
    m.payload = p("payload", ABSENT)
    m.request_city = p("requestCity", ABSENT)
    m.request_device = p("requestDevice", ABSENT)
    m.request_host = p("requestHost", ABSENT)
    m.request_proxied = p("requestProxied", ABSENT)
    m.request_region = p("requestRegion", ABSENT)
    rels = relationship_entries(r)
    m.account = to_one(rels, "account")
    m.call = to_one(rels, "call")
    m.mailing = to_one(rels, "mailing")
    m.note = to_one(rels, "note")
    m.opportunity = to_one(rels, "opportunity")
    m.plugin = to_one(rels, "plugin")
    m.prospect = to_one(rels, "prospect")
    m.sequence = to_one(rels, "sequence")
    m.sequence_step = to_one(rels, "sequenceStep")
    m.task = to_one(rels, "task")
    m.user = to_one(rels, "user")
    finish(m, r, a, rels)
    return m


def _favorite(r: Resource) -> Favorite:
    m = new(Favorite)
    a = dict(r.attributes)
    p = a.pop
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.target_id = p("targetId", ABSENT)
    m.target_type = p("targetType", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.creator = to_one(rels, "creator")
    m.target = to_one(rels, "target")
    m.user = to_one(rels, "user")
    finish(m, r, a, rels)
    return m


def _import_(r: Resource) -> Import:
    m = new(Import)
    a = dict(r.attributes)
    p = a.pop
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.dupe_method = p("dupeMethod", ABSENT)
    m.dupes = p("dupes", ABSENT)
    m.error_reason = p("errorReason", ABSENT)
    m.external_id = p("externalId", ABSENT)
    m.external_name = p("externalName", ABSENT)
    m.external_type = p("externalType", ABSENT)
    m.failures = p("failures", ABSENT)
    m.file_name = p("fileName", ABSENT)
    m.file_size = p("fileSize", ABSENT)
    m.frequency = p("frequency", ABSENT)
    m.import_type = p("importType", ABSENT)
    m.load_from_plugin = p("loadFromPlugin", ABSENT)
    m.mappings = p("mappings", ABSENT)
    m.plugin_id = p("pluginId", ABSENT)
    m.prospect_owner_id = p("prospectOwnerId", ABSENT)
    m.recurring = p("recurring", ABSENT)
    m.report_instance_id = p("reportInstanceId", ABSENT)
    m.scheduled_at = to_datetime(p("scheduledAt", ABSENT), "scheduledAt")
    m.source = p("source", ABSENT)
    m.stage_id = p("stageId", ABSENT)
    m.state = p("state", ABSENT)
    m.state_changed_at = to_datetime(p("stateChangedAt", ABSENT), "stateChangedAt")
    m.synced_until = to_datetime(p("syncedUntil", ABSENT), "syncedUntil")
    m.time_zone = p("timeZone", ABSENT)
    m.total = p("total", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.creator = to_one(rels, "creator")
    finish(m, r, a, rels)
    return m


def _kaia_recording(r: Resource) -> KaiaRecording:
    m = new(KaiaRecording)
    a = dict(r.attributes)
    p = a.pop
    m.bot_in_meeting_seconds = p("botInMeetingSeconds", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.end_time = to_datetime(p("endTime", ABSENT), "endTime")
    m.format = p("format", ABSENT)
    m.host = p("host", ABSENT)
    m.instance_id = p("instanceId", ABSENT)
    m.media_duration_seconds = p("mediaDurationSeconds", ABSENT)
    m.participant_count = p("participantCount", ABSENT)
    m.participants = p("participants", ABSENT)
    m.provider = p("provider", ABSENT)
    m.recording_url = p("recordingUrl", ABSENT)
    m.source_id = p("sourceId", ABSENT)
    m.start_time = to_datetime(p("startTime", ABSENT), "startTime")
    m.state = p("state", ABSENT)
    m.title = p("title", ABSENT)
    m.topics = p("topics", ABSENT)
    m.transcript_url = p("transcriptUrl", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.account = to_one(rels, "account")
    m.opportunity = to_one(rels, "opportunity")
    m.owner = to_one(rels, "owner")
    finish(m, r, a, rels)
    return m


def _kaia_voice_import(r: Resource) -> KaiaVoiceImport:
    m = new(KaiaVoiceImport)
    a = dict(r.attributes)
    p = a.pop
    m.call_id = p("callId", ABSENT)
    m.instance_id = p("instanceId", ABSENT)
    m.metadata = p("metadata", ABSENT)
    m.recording_url = p("recordingUrl", ABSENT)
    rels = relationship_entries(r)
    finish(m, r, a, rels)
    return m


def _mail_alias(r: Resource) -> MailAlias:
    m = new(MailAlias)
    a = dict(r.attributes)
    p = a.pop
    m.can_send = p("canSend", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.email = p("email", ABSENT)
    m.email_hash = p("emailHash", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.mailbox = to_one(rels, "mailbox")
    finish(m, r, a, rels)
    return m


def _mailbox(r: Resource) -> Mailbox:
    m = new(Mailbox)
    a = dict(r.attributes)
    p = a.pop
    m.auth_id = p("authId", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.editable = p("editable", ABSENT)
    m.email = p("email", ABSENT)
    m.email_hash = p("emailHash", ABSENT)
    m.email_provider = p("emailProvider", ABSENT)
    m.email_signature = p("emailSignature", ABSENT)
    m.ews_endpoint = p("ewsEndpoint", ABSENT)
    m.ews_ssl_verify_mode = p("ewsSslVerifyMode", ABSENT)
    m.exchange_version = p("exchangeVersion", ABSENT)
    m.imap_host = p("imapHost", ABSENT)
    m.imap_port = p("imapPort", ABSENT)
    m.imap_ssl = p("imapSsl", ABSENT)
    m.max_emails_per_day = p("maxEmailsPerDay", ABSENT)
    m.max_mailings_per_day = p("maxMailingsPerDay", ABSENT)
    m.max_mailings_per_week = p("maxMailingsPerWeek", ABSENT)
    m.opt_out_message = p("optOutMessage", ABSENT)
    m.opt_out_signature = p("optOutSignature", ABSENT)
    m.password = p("password", ABSENT)
    m.prospect_email_exclusions = p("prospectEmailExclusions", ABSENT)
    m.provider_id = p("providerId", ABSENT)
    m.provider_type = p("providerType", ABSENT)
    m.send_disabled = p("sendDisabled", ABSENT)
    m.send_errored_at = to_datetime(p("sendErroredAt", ABSENT), "sendErroredAt")
    m.send_max_retries = p("sendMaxRetries", ABSENT)
    m.send_method = p("sendMethod", ABSENT)
    m.send_period = p("sendPeriod", ABSENT)
    m.send_requires_sync = p("sendRequiresSync", ABSENT)
    m.send_success_at = to_datetime(p("sendSuccessAt", ABSENT), "sendSuccessAt")
    m.send_threshold = p("sendThreshold", ABSENT)
    m.sendgrid_api_key = p("sendgridApiKey", ABSENT)
    m.sendgrid_webhook_url = p("sendgridWebhookUrl", ABSENT)
    m.smtp_host = p("smtpHost", ABSENT)
    m.smtp_password = p("smtpPassword", ABSENT)
    m.smtp_port = p("smtpPort", ABSENT)
    m.smtp_ssl = p("smtpSsl", ABSENT)
    m.smtp_username = p("smtpUsername", ABSENT)
    m.sync_active_frequency = p("syncActiveFrequency", ABSENT)
    m.sync_disabled = p("syncDisabled", ABSENT)
    m.sync_errored_at = to_datetime(p("syncErroredAt", ABSENT), "syncErroredAt")
    m.sync_finished_at = to_datetime(p("syncFinishedAt", ABSENT), "syncFinishedAt")
    m.sync_method = p("syncMethod", ABSENT)
    m.sync_outreach_folder = p("syncOutreachFolder", ABSENT)
    m.sync_passive_frequency = p("syncPassiveFrequency", ABSENT)
    m.sync_success_at = to_datetime(p("syncSuccessAt", ABSENT), "syncSuccessAt")
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    m.user_id = p("userId", ABSENT)
    m.username = p("username", ABSENT)
    m.validate_send = p("validateSend", ABSENT)
    m.validate_sync = p("validateSync", ABSENT)
    rels = relationship_entries(r)
    m.creator = to_one(rels, "creator")
    m.mail_aliases = to_many(rels, "mailAliases")
    m.mailings = to_many(rels, "mailings")
    m.updater = to_one(rels, "updater")
    m.user = to_one(rels, "user")
    finish(m, r, a, rels)
    return m


def _mailing(r: Resource) -> Mailing:
    m = new(Mailing)
    a = dict(r.attributes)
    p = a.pop
    m.body_html = p("bodyHtml", ABSENT)
    m.body_text = p("bodyText", ABSENT)
    m.bounced_at = to_datetime(p("bouncedAt", ABSENT), "bouncedAt")
    m.click_count = p("clickCount", ABSENT)
    m.clicked_at = to_datetime(p("clickedAt", ABSENT), "clickedAt")
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.delivered_at = to_datetime(p("deliveredAt", ABSENT), "deliveredAt")
    m.error_backtrace = p("errorBacktrace", ABSENT)
    m.error_reason = p("errorReason", ABSENT)
    m.follow_up_task_scheduled_at = to_datetime(
        p("followUpTaskScheduledAt", ABSENT), "followUpTaskScheduledAt"
    )
    m.follow_up_task_type = p("followUpTaskType", ABSENT)
    m.mailbox_address = p("mailboxAddress", ABSENT)
    m.mailing_type = p("mailingType", ABSENT)
    m.marked_as_spam_at = to_datetime(p("markedAsSpamAt", ABSENT), "markedAsSpamAt")
    m.message_id = p("messageId", ABSENT)
    m.notify_thread_condition = p("notifyThreadCondition", ABSENT)
    m.notify_thread_scheduled_at = to_datetime(
        p("notifyThreadScheduledAt", ABSENT), "notifyThreadScheduledAt"
    )
    m.notify_thread_status = p("notifyThreadStatus", ABSENT)
    m.open_count = p("openCount", ABSENT)
    m.opened_at = to_datetime(p("openedAt", ABSENT), "openedAt")
    m.override_safety_settings = p("overrideSafetySettings", ABSENT)
    m.references = p("references", ABSENT)
    m.replied_at = to_datetime(p("repliedAt", ABSENT), "repliedAt")
    m.retry_at = to_datetime(p("retryAt", ABSENT), "retryAt")
    m.retry_count = p("retryCount", ABSENT)
    m.retry_interval = p("retryInterval", ABSENT)
    m.scheduled_at = to_datetime(p("scheduledAt", ABSENT), "scheduledAt")
    m.state = p("state", ABSENT)
    m.state_changed_at = to_datetime(p("stateChangedAt", ABSENT), "stateChangedAt")
    m.subject = p("subject", ABSENT)
    m.track_links = p("trackLinks", ABSENT)
    m.track_opens = p("trackOpens", ABSENT)
    m.unsubscribed_at = to_datetime(p("unsubscribedAt", ABSENT), "unsubscribedAt")
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.attachments = to_many(rels, "attachments")
    m.bcc_entities_id = to_many(rels, "bccEntitiesId")
    m.calendar = to_one(rels, "calendar")
    m.cc_entities_id = to_many(rels, "ccEntitiesId")
    m.follow_up_sequence = to_one(rels, "followUpSequence")
    m.mailbox = to_one(rels, "mailbox")
    m.opportunity = to_one(rels, "opportunity")
    m.prospect = to_one(rels, "prospect")
    m.prospects_ids = to_many(rels, "prospectsIds")
    m.recipients = to_many(rels, "recipients")
    m.schedule = to_one(rels, "schedule")
    m.sequence = to_one(rels, "sequence")
    m.sequence_state = to_one(rels, "sequenceState")
    m.sequence_step = to_one(rels, "sequenceStep")
    m.task = to_one(rels, "task")
    m.tasks = to_many(rels, "tasks")
    m.template = to_one(rels, "template")
    m.to_entities_id = to_many(rels, "toEntitiesId")
    m.user = to_one(rels, "user")
    finish(m, r, a, rels)
    return m


def _opportunity(r: Resource) -> Opportunity:
    m = new(Opportunity)
    a = dict(r.attributes)
    p = a.pop
    m.amount = p("amount", ABSENT)
    m.amount_precise = p("amountPrecise", ABSENT)
    m.close_date = to_datetime(p("closeDate", ABSENT), "closeDate")
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.currency_type = p("currencyType", ABSENT)
    m.custom_id = p("customId", ABSENT)
    m.description = p("description", ABSENT)
    m.external_created_at = to_datetime(p("externalCreatedAt", ABSENT), "externalCreatedAt")
    m.external_updated_at = to_datetime(p("externalUpdatedAt", ABSENT), "externalUpdatedAt")
    m.forecast_category = p("forecastCategory", ABSENT)
    m.lead_source = p("leadSource", ABSENT)
    m.lost_reason = p("lostReason", ABSENT)
    m.map_link = p("mapLink", ABSENT)
    m.map_next_steps = p("mapNextSteps", ABSENT)
    m.map_status = p("mapStatus", ABSENT)
    m.name = p("name", ABSENT)
    m.next_step = p("nextStep", ABSENT)
    m.opportunity_type = p("opportunityType", ABSENT)
    m.probability = p("probability", ABSENT)
    m.prospecting_rep_id = p("prospectingRepId", ABSENT)
    m.record_type = p("recordType", ABSENT)
    m.sharing_team_id = p("sharingTeamId", ABSENT)
    m.tags = p("tags", ABSENT)
    m.touched_at = to_datetime(p("touchedAt", ABSENT), "touchedAt")
    m.trashed_at = to_datetime(p("trashedAt", ABSENT), "trashedAt")
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.account = to_one(rels, "account")
    m.assigned_teams = to_many(rels, "assignedTeams")
    m.assigned_users = to_many(rels, "assignedUsers")
    m.creator = to_one(rels, "creator")
    m.default_plugin_mapping = to_one(rels, "defaultPluginMapping")
    m.external_creator = to_one(rels, "externalCreator")
    m.favorites = to_many(rels, "favorites")
    m.opportunity_health_factors = to_many(rels, "opportunityHealthFactors")
    m.opportunity_line_items = to_many(rels, "opportunityLineItems")
    m.opportunity_stage = to_one(rels, "opportunityStage")
    m.owner = to_one(rels, "owner")
    m.primary_prospect = to_one(rels, "primaryProspect")
    m.prospects = to_many(rels, "prospects")
    m.stage = to_one(rels, "stage")
    m.territory = to_one(rels, "territory")
    m.updater = to_one(rels, "updater")
    finish(m, r, a, rels)
    return m


def _opportunity_prospect_role(r: Resource) -> OpportunityProspectRole:
    m = new(OpportunityProspectRole)
    a = dict(r.attributes)
    p = a.pop
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.primary = p("primary", ABSENT)
    m.role = p("role", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.opportunity = to_one(rels, "opportunity")
    m.prospect = to_one(rels, "prospect")
    finish(m, r, a, rels)
    return m


def _opportunity_stage(r: Resource) -> OpportunityStage:
    m = new(OpportunityStage)
    a = dict(r.attributes)
    p = a.pop
    m.color = p("color", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.is_closed = p("isClosed", ABSENT)
    m.name = p("name", ABSENT)
    m.order = p("order", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.creator = to_one(rels, "creator")
    m.opportunities = to_many(rels, "opportunities")
    finish(m, r, a, rels)
    return m


def _org_setting(r: Resource) -> OrgSetting:
    m = new(OrgSetting)
    a = dict(r.attributes)
    p = a.pop
    m.contact_exclusions = p("contactExclusions", ABSENT)
    m.prospect_email_exclusions = p("prospectEmailExclusions", ABSENT)
    m.send_exclusions = p("sendExclusions", ABSENT)
    rels = relationship_entries(r)
    finish(m, r, a, rels)
    return m


def _persona(r: Resource) -> Persona:
    m = new(Persona)
    a = dict(r.attributes)
    p = a.pop
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.description = p("description", ABSENT)
    m.name = p("name", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.prospects = to_many(rels, "prospects")
    finish(m, r, a, rels)
    return m


def _phone_number(r: Resource) -> PhoneNumber:
    m = new(PhoneNumber)
    a = dict(r.attributes)
    p = a.pop
    m.country_code = p("countryCode", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.extension = p("extension", ABSENT)
    m.number = p("number", ABSENT)
    m.order = p("order", ABSENT)
    m.phone_type = p("phoneType", ABSENT)
    m.raw_number = p("rawNumber", ABSENT)
    m.status = p("status", ABSENT)
    m.status_changed_at = to_datetime(p("statusChangedAt", ABSENT), "statusChangedAt")
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.prospect = to_one(rels, "prospect")
    finish(m, r, a, rels)
    return m


def _product(r: Resource) -> Product:
    m = new(Product)
    a = dict(r.attributes)
    p = a.pop
    m.classification = p("classification", ABSENT)
    m.code = p("code", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.deleted = p("deleted", ABSENT)
    m.description = p("description", ABSENT)
    m.name = p("name", ABSENT)
    m.product_family = p("productFamily", ABSENT)
    m.status = p("status", ABSENT)
    m.unit_of_measure = p("unitOfMeasure", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    m.website = p("website", ABSENT)
    rels = relationship_entries(r)
    m.creator = to_one(rels, "creator")
    m.owner = to_one(rels, "owner")
    m.purchases = to_many(rels, "purchases")
    m.updater = to_one(rels, "updater")
    finish(m, r, a, rels)
    return m


def _profile(r: Resource) -> Profile:
    m = new(Profile)
    a = dict(r.attributes)
    p = a.pop
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.is_admin = p("isAdmin", ABSENT)
    m.name = p("name", ABSENT)
    m.special_id = p("specialId", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    finish(m, r, a, rels)
    return m


def _prospect(r: Resource) -> Prospect:
    m = new(Prospect)
    a = dict(r.attributes)
    p = a.pop
    m.added_at = to_datetime(p("addedAt", ABSENT), "addedAt")
    m.address_city = p("addressCity", ABSENT)
    m.address_country = p("addressCountry", ABSENT)
    m.address_state = p("addressState", ABSENT)
    m.address_street = p("addressStreet", ABSENT)
    m.address_street2 = p("addressStreet2", ABSENT)
    m.address_zip = p("addressZip", ABSENT)
    m.angel_list_url = p("angelListUrl", ABSENT)
    m.available_at = to_datetime(p("availableAt", ABSENT), "availableAt")
    m.call_opted_out = p("callOptedOut", ABSENT)
    m.calls_opt_status = p("callsOptStatus", ABSENT)
    m.calls_opted_at = to_datetime(p("callsOptedAt", ABSENT), "callsOptedAt")
    m.campaign_name = p("campaignName", ABSENT)
    m.click_count = p("clickCount", ABSENT)
    m.company = p("company", ABSENT)
    m.contact_histogram = p("contactHistogram", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.date_of_birth = to_date(p("dateOfBirth", ABSENT), "dateOfBirth")
    m.degree = p("degree", ABSENT)
    m.email_opted_out = p("emailOptedOut", ABSENT)
    m.emails = p("emails", ABSENT)
    m.emails_opt_status = p("emailsOptStatus", ABSENT)
    m.emails_opted_at = to_datetime(p("emailsOptedAt", ABSENT), "emailsOptedAt")
    m.engaged_at = to_datetime(p("engagedAt", ABSENT), "engagedAt")
    m.engaged_score = p("engagedScore", ABSENT)
    m.event_name = p("eventName", ABSENT)
    m.external_id = p("externalId", ABSENT)
    m.external_owner = p("externalOwner", ABSENT)
    m.external_source = p("externalSource", ABSENT)
    m.facebook_url = p("facebookUrl", ABSENT)
    m.first_name = p("firstName", ABSENT)
    m.gender = p("gender", ABSENT)
    m.github_url = p("githubUrl", ABSENT)
    m.github_username = p("githubUsername", ABSENT)
    m.google_plus_url = p("googlePlusUrl", ABSENT)
    m.graduation_date = to_date(p("graduationDate", ABSENT), "graduationDate")
    m.home_phones = p("homePhones", ABSENT)
    m.job_start_date = to_date(p("jobStartDate", ABSENT), "jobStartDate")
    m.last_name = p("lastName", ABSENT)
    m.linked_in_connections = p("linkedInConnections", ABSENT)
    m.linked_in_id = p("linkedInId", ABSENT)
    m.linked_in_slug = p("linkedInSlug", ABSENT)
    m.linked_in_url = p("linkedInUrl", ABSENT)
    m.middle_name = p("middleName", ABSENT)
    m.mobile_phones = p("mobilePhones", ABSENT)
    m.name = p("name", ABSENT)
    m.nickname = p("nickname", ABSENT)
    m.occupation = p("occupation", ABSENT)
    m.open_count = p("openCount", ABSENT)
    m.opted_out = p("optedOut", ABSENT)
    m.opted_out_at = to_datetime(p("optedOutAt", ABSENT), "optedOutAt")
    m.other_phones = p("otherPhones", ABSENT)
    m.personal_note1 = p("personalNote1", ABSENT)
    m.personal_note2 = p("personalNote2", ABSENT)
    m.preferred_contact = p("preferredContact", ABSENT)
    m.quora_url = p("quoraUrl", ABSENT)
    m.region = p("region", ABSENT)
    m.reply_count = p("replyCount", ABSENT)
    m.school = p("school", ABSENT)
    m.score = p("score", ABSENT)
    m.sharing_team_id = p("sharingTeamId", ABSENT)
    m.source = p("source", ABSENT)
    m.specialties = p("specialties", ABSENT)
    m.stack_overflow_id = p("stackOverflowId", ABSENT)
    m.stack_overflow_url = p("stackOverflowUrl", ABSENT)
    m.tags = p("tags", ABSENT)
    m.time_zone = p("timeZone", ABSENT)
    m.time_zone_iana = p("timeZoneIana", ABSENT)
    m.time_zone_inferred = p("timeZoneInferred", ABSENT)
    m.title = p("title", ABSENT)
    m.touched_at = to_datetime(p("touchedAt", ABSENT), "touchedAt")
    m.trashed_at = to_datetime(p("trashedAt", ABSENT), "trashedAt")
    m.twitter_url = p("twitterUrl", ABSENT)
    m.twitter_username = p("twitterUsername", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    m.voip_phones = p("voipPhones", ABSENT)
    m.website_url1 = p("websiteUrl1", ABSENT)
    m.website_url2 = p("websiteUrl2", ABSENT)
    m.website_url3 = p("websiteUrl3", ABSENT)
    m.work_phones = p("workPhones", ABSENT)
    rels = relationship_entries(r)
    m.account = to_one(rels, "account")
    m.active_sequence_states = to_many(rels, "activeSequenceStates")
    m.assigned_teams = to_many(rels, "assignedTeams")
    m.assigned_users = to_many(rels, "assignedUsers")
    m.batches = to_many(rels, "batches")
    m.calls = to_many(rels, "calls")
    m.creator = to_one(rels, "creator")
    m.default_plugin_mapping = to_one(rels, "defaultPluginMapping")
    m.email_addresses = to_many(rels, "emailAddresses")
    m.favorites = to_many(rels, "favorites")
    m.mailings = to_many(rels, "mailings")
    m.opportunities = to_many(rels, "opportunities")
    m.opportunity_prospect_roles = to_many(rels, "opportunityProspectRoles")
    m.owner = to_one(rels, "owner")
    m.persona = to_one(rels, "persona")
    m.phone_numbers = to_many(rels, "phoneNumbers")
    m.sequence_states = to_many(rels, "sequenceStates")
    m.stage = to_one(rels, "stage")
    m.tasks = to_many(rels, "tasks")
    m.trashed_by_account = to_one(rels, "trashedByAccount")
    m.updater = to_one(rels, "updater")
    finish(m, r, a, rels)
    return m


def _prospect_note(r: Resource) -> ProspectNote:
    m = new(ProspectNote)
    a = dict(r.attributes)
    p = a.pop
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.message = p("message", ABSENT)
    m.note_type = p("noteType", ABSENT)
    m.opportunity_association_rule = p("opportunityAssociationRule", ABSENT)
    m.pinned = p("pinned", ABSENT)
    rels = relationship_entries(r)
    m.creator = to_one(rels, "creator")
    m.opportunity = to_one(rels, "opportunity")
    m.prospect = to_one(rels, "prospect")
    finish(m, r, a, rels)
    return m


def _purchase(r: Resource) -> Purchase:
    m = new(Purchase)
    a = dict(r.attributes)
    p = a.pop
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.currency = p("currency", ABSENT)
    m.description = p("description", ABSENT)
    m.end_date = to_date(p("endDate", ABSENT), "endDate")
    m.potential_quantity = p("potentialQuantity", ABSENT)
    m.potential_value = p("potentialValue", ABSENT)
    m.saturation = p("saturation", ABSENT)
    m.source = p("source", ABSENT)
    m.start_date = to_date(p("startDate", ABSENT), "startDate")
    m.status = p("status", ABSENT)
    m.total_quantity = p("totalQuantity", ABSENT)
    m.total_value = p("totalValue", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.account = to_one(rels, "account")
    m.creator = to_one(rels, "creator")
    m.owner = to_one(rels, "owner")
    m.product = to_one(rels, "product")
    m.updater = to_one(rels, "updater")
    finish(m, r, a, rels)
    return m


def _recipient(r: Resource) -> Recipient:
    m = new(Recipient)
    a = dict(r.attributes)
    p = a.pop
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.email_hash = p("emailHash", ABSENT)
    m.primary = p("primary", ABSENT)
    m.recipient_type = p("recipientType", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    m.value = p("value", ABSENT)
    rels = relationship_entries(r)
    m.prospect = to_one(rels, "prospect")
    m.user = to_one(rels, "user")
    finish(m, r, a, rels)
    return m


def _role(r: Resource) -> Role:
    m = new(Role)
    a = dict(r.attributes)
    p = a.pop
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.external_id = p("externalId", ABSENT)
    m.name = p("name", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.child_roles = to_many(rels, "childRoles")
    m.parent_role = to_one(rels, "parentRole")
    finish(m, r, a, rels)
    return m


def _ruleset(r: Resource) -> Ruleset:
    m = new(Ruleset)
    a = dict(r.attributes)
    p = a.pop
    m.apply_completed_stage_in = p("applyCompletedStageIn", ABSENT)
    m.auto_resume_ooto_prospects = p("autoResumeOotoProspects", ABSENT)
    m.auto_resume_ooto_prospects_expires_in = p("autoResumeOotoProspectsExpiresIn", ABSENT)
    m.auto_resume_ooto_prospects_in = p("autoResumeOotoProspectsIn", ABSENT)
    m.call_opt_out_action = p("callOptOutAction", ABSENT)
    m.clicks_needed_before_call_task_created = p("clicksNeededBeforeCallTaskCreated", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.email_opt_out_action = p("emailOptOutAction", ABSENT)
    m.include_unsubscribe_links = p("includeUnsubscribeLinks", ABSENT)
    m.meeting_booked_action = p("meetingBookedAction", ABSENT)
    m.minimum_prospect_touched_interval = p("minimumProspectTouchedInterval", ABSENT)
    m.name = p("name", ABSENT)
    m.ooto_auto_extraction_enabled = p("ootoAutoExtractionEnabled", ABSENT)
    m.opens_needed_before_call_task_created = p("opensNeededBeforeCallTaskCreated", ABSENT)
    m.permit_duplicate_prospects = p("permitDuplicateProspects", ABSENT)
    m.sequence_exclusivity = p("sequenceExclusivity", ABSENT)
    m.sms_opt_out_action = p("smsOptOutAction", ABSENT)
    m.sms_received_action = p("smsReceivedAction", ABSENT)
    m.step_overrides_enabled = p("stepOverridesEnabled", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.bounced_stage = to_one(rels, "bouncedStage")
    m.call_task_priority = to_one(rels, "callTaskPriority")
    m.call_task_priority_from_clicks = to_one(rels, "callTaskPriorityFromClicks")
    m.call_task_priority_from_opens = to_one(rels, "callTaskPriorityFromOpens")
    m.completed_stage = to_one(rels, "completedStage")
    m.delivered_stage = to_one(rels, "deliveredStage")
    m.finished_stage = to_one(rels, "finishedStage")
    m.opted_out_stage = to_one(rels, "optedOutStage")
    m.owner = to_one(rels, "owner")
    m.replied_stage = to_one(rels, "repliedStage")
    m.sequences = to_many(rels, "sequences")
    m.started_stage = to_one(rels, "startedStage")
    finish(m, r, a, rels)
    return m


def _sequence(r: Resource) -> Sequence:
    m = new(Sequence)
    a = dict(r.attributes)
    p = a.pop
    m.automation_percentage = p("automationPercentage", ABSENT)
    m.bounce_count = p("bounceCount", ABSENT)
    m.click_count = p("clickCount", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.deliver_count = p("deliverCount", ABSENT)
    m.description = p("description", ABSENT)
    m.duration_in_days = p("durationInDays", ABSENT)
    m.enabled = p("enabled", ABSENT)
    m.enabled_at = to_datetime(p("enabledAt", ABSENT), "enabledAt")
    m.failure_count = p("failureCount", ABSENT)
    m.finish_on_reply = p("finishOnReply", ABSENT)
    m.last_used_at = to_datetime(p("lastUsedAt", ABSENT), "lastUsedAt")
    m.locked = p("locked", ABSENT)
    m.locked_at = to_datetime(p("lockedAt", ABSENT), "lockedAt")
    m.max_activations = p("maxActivations", ABSENT)
    m.name = p("name", ABSENT)
    m.negative_reply_count = p("negativeReplyCount", ABSENT)
    m.neutral_reply_count = p("neutralReplyCount", ABSENT)
    m.num_contacted_prospects = p("numContactedProspects", ABSENT)
    m.num_replied_prospects = p("numRepliedProspects", ABSENT)
    m.open_count = p("openCount", ABSENT)
    m.opt_out_count = p("optOutCount", ABSENT)
    m.positive_reply_count = p("positiveReplyCount", ABSENT)
    m.primary_reply_action = p("primaryReplyAction", ABSENT)
    m.primary_reply_pause_duration = p("primaryReplyPauseDuration", ABSENT)
    m.reply_count = p("replyCount", ABSENT)
    m.sales_motion = p("salesMotion", ABSENT)
    m.schedule_count = p("scheduleCount", ABSENT)
    m.schedule_interval_type = p("scheduleIntervalType", ABSENT)
    m.secondary_reply_action = p("secondaryReplyAction", ABSENT)
    m.secondary_reply_pause_duration = p("secondaryReplyPauseDuration", ABSENT)
    m.sequence_step_count = p("sequenceStepCount", ABSENT)
    m.sequence_type = p("sequenceType", ABSENT)
    m.share_type = p("shareType", ABSENT)
    m.tags = p("tags", ABSENT)
    m.throttle_capacity = p("throttleCapacity", ABSENT)
    m.throttle_max_adds_per_day = p("throttleMaxAddsPerDay", ABSENT)
    m.throttle_paused = p("throttlePaused", ABSENT)
    m.throttle_paused_at = to_datetime(p("throttlePausedAt", ABSENT), "throttlePausedAt")
    m.transactional = p("transactional", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.calls = to_many(rels, "calls")
    m.content_category_memberships = to_many(rels, "contentCategoryMemberships")
    m.creator = to_one(rels, "creator")
    m.mailings = to_many(rels, "mailings")
    m.owner = to_one(rels, "owner")
    m.ruleset = to_one(rels, "ruleset")
    m.schedule = to_one(rels, "schedule")
    m.sequence_states = to_many(rels, "sequenceStates")
    m.sequence_steps = to_many(rels, "sequenceSteps")
    m.tasks = to_many(rels, "tasks")
    m.updater = to_one(rels, "updater")
    finish(m, r, a, rels)
    return m


def _sequence_state(r: Resource) -> SequenceState:
    m = new(SequenceState)
    a = dict(r.attributes)
    p = a.pop
    m.active_at = to_datetime(p("activeAt", ABSENT), "activeAt")
    m.bounce_count = p("bounceCount", ABSENT)
    m.call_completed_at = to_datetime(p("callCompletedAt", ABSENT), "callCompletedAt")
    m.click_count = p("clickCount", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.deliver_count = p("deliverCount", ABSENT)
    m.error_reason = p("errorReason", ABSENT)
    m.failure_count = p("failureCount", ABSENT)
    m.negative_reply_count = p("negativeReplyCount", ABSENT)
    m.neutral_reply_count = p("neutralReplyCount", ABSENT)
    m.open_count = p("openCount", ABSENT)
    m.opt_out_count = p("optOutCount", ABSENT)
    m.pause_reason = p("pauseReason", ABSENT)
    m.positive_reply_count = p("positiveReplyCount", ABSENT)
    m.replied_at = to_datetime(p("repliedAt", ABSENT), "repliedAt")
    m.reply_count = p("replyCount", ABSENT)
    m.schedule_count = p("scheduleCount", ABSENT)
    m.state = p("state", ABSENT)
    m.state_changed_at = to_datetime(p("stateChangedAt", ABSENT), "stateChangedAt")
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.account = to_one(rels, "account")
    m.active_step_mailings = to_many(rels, "activeStepMailings")
    m.active_step_tasks = to_many(rels, "activeStepTasks")
    m.batch_item_creator = to_one(rels, "batchItemCreator")
    m.calls = to_many(rels, "calls")
    m.creator = to_one(rels, "creator")
    m.mailbox = to_one(rels, "mailbox")
    m.mailings = to_many(rels, "mailings")
    m.opportunity = to_one(rels, "opportunity")
    m.prospect = to_one(rels, "prospect")
    m.sequence = to_one(rels, "sequence")
    m.sequence_state_recipients = to_many(rels, "sequenceStateRecipients")
    m.sequence_step = to_one(rels, "sequenceStep")
    m.tasks = to_many(rels, "tasks")
    m.user = to_one(rels, "user")
    finish(m, r, a, rels)
    return m


def _sequence_step(r: Resource) -> SequenceStep:
    m = new(SequenceStep)
    a = dict(r.attributes)
    p = a.pop
    m.bounce_count = p("bounceCount", ABSENT)
    m.click_count = p("clickCount", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.date = to_date(p("date", ABSENT), "date")
    m.deliver_count = p("deliverCount", ABSENT)
    m.display_name = p("displayName", ABSENT)
    m.failure_count = p("failureCount", ABSENT)
    m.interval = p("interval", ABSENT)
    m.negative_reply_count = p("negativeReplyCount", ABSENT)
    m.neutral_reply_count = p("neutralReplyCount", ABSENT)
    m.open_count = p("openCount", ABSENT)
    m.opt_out_count = p("optOutCount", ABSENT)
    m.order = p("order", ABSENT)
    m.positive_reply_count = p("positiveReplyCount", ABSENT)
    m.reply_count = p("replyCount", ABSENT)
    m.schedule_count = p("scheduleCount", ABSENT)
    m.step_type = p("stepType", ABSENT)
    m.task_autoskip_delay = p("taskAutoskipDelay", ABSENT)
    m.task_note = p("taskNote", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.call_purpose = to_one(rels, "callPurpose")
    m.calls = to_many(rels, "calls")
    m.creator = to_one(rels, "creator")
    m.mailings = to_many(rels, "mailings")
    m.schedule = to_one(rels, "schedule")
    m.sequence = to_one(rels, "sequence")
    m.sequence_templates = to_many(rels, "sequenceTemplates")
    m.task_priority = to_one(rels, "taskPriority")
    m.tasks = to_many(rels, "tasks")
    m.updater = to_one(rels, "updater")
    finish(m, r, a, rels)
    return m


def _sequence_template(r: Resource) -> SequenceTemplate:
    m = new(SequenceTemplate)
    a = dict(r.attributes)
    p = a.pop
    m.bounce_count = p("bounceCount", ABSENT)
    m.click_count = p("clickCount", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.deliver_count = p("deliverCount", ABSENT)
    m.enabled = p("enabled", ABSENT)
    m.enabled_at = to_datetime(p("enabledAt", ABSENT), "enabledAt")
    m.failure_count = p("failureCount", ABSENT)
    m.is_reply = p("isReply", ABSENT)
    m.negative_reply_count = p("negativeReplyCount", ABSENT)
    m.neutral_reply_count = p("neutralReplyCount", ABSENT)
    m.open_count = p("openCount", ABSENT)
    m.opt_out_count = p("optOutCount", ABSENT)
    m.positive_reply_count = p("positiveReplyCount", ABSENT)
    m.reply_count = p("replyCount", ABSENT)
    m.schedule_count = p("scheduleCount", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.creator = to_one(rels, "creator")
    m.sequence_step = to_one(rels, "sequenceStep")
    m.template = to_one(rels, "template")
    m.updater = to_one(rels, "updater")
    finish(m, r, a, rels)
    return m


def _snippet(r: Resource) -> Snippet:
    m = new(Snippet)
    a = dict(r.attributes)
    p = a.pop
    m.body_html = p("bodyHtml", ABSENT)
    m.body_text = p("bodyText", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.name = p("name", ABSENT)
    m.share_type = p("shareType", ABSENT)
    m.tags = p("tags", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.content_category_memberships = to_many(rels, "contentCategoryMemberships")
    m.creator = to_one(rels, "creator")
    m.favorites = to_many(rels, "favorites")
    m.owner = to_one(rels, "owner")
    m.updater = to_one(rels, "updater")
    finish(m, r, a, rels)
    return m


def _stage(r: Resource) -> Stage:
    m = new(Stage)
    a = dict(r.attributes)
    p = a.pop
    m.color = p("color", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.name = p("name", ABSENT)
    m.order = p("order", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.creator = to_one(rels, "creator")
    m.prospects = to_many(rels, "prospects")
    m.updater = to_one(rels, "updater")
    finish(m, r, a, rels)
    return m


def _task(r: Resource) -> Task:
    m = new(Task)
    a = dict(r.attributes)
    p = a.pop
    m.action = p("action", ABSENT)
    m.autoskip_at = to_datetime(p("autoskipAt", ABSENT), "autoskipAt")
    m.compiled_sequence_template_html = p("compiledSequenceTemplateHtml", ABSENT)
    m.completed = p("completed", ABSENT)
    m.completed_at = to_datetime(p("completedAt", ABSENT), "completedAt")
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.due_at = to_datetime(p("dueAt", ABSENT), "dueAt")
    m.note = p("note", ABSENT)
    m.opportunity_association = p("opportunityAssociation", ABSENT)
    m.scheduled_at = to_datetime(p("scheduledAt", ABSENT), "scheduledAt")
    m.state = p("state", ABSENT)
    m.state_changed_at = to_datetime(p("stateChangedAt", ABSENT), "stateChangedAt")
    m.task_type = p("taskType", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.account = to_one(rels, "account")
    m.call = to_one(rels, "call")
    m.calls = to_many(rels, "calls")
    m.completer = to_one(rels, "completer")
    m.creator = to_one(rels, "creator")
    m.default_plugin_mapping = to_one(rels, "defaultPluginMapping")
    m.mailing = to_one(rels, "mailing")
    m.mailings = to_many(rels, "mailings")
    m.opportunity = to_one(rels, "opportunity")
    m.owner = to_one(rels, "owner")
    m.prospect = to_one(rels, "prospect")
    m.prospect_account = to_one(rels, "prospectAccount")
    m.prospect_contacts = to_many(rels, "prospectContacts")
    m.prospect_owner = to_one(rels, "prospectOwner")
    m.prospect_phone_numbers = to_many(rels, "prospectPhoneNumbers")
    m.prospect_stage = to_one(rels, "prospectStage")
    m.sequence = to_one(rels, "sequence")
    m.sequence_sequence_steps = to_many(rels, "sequenceSequenceSteps")
    m.sequence_state = to_one(rels, "sequenceState")
    m.sequence_state_sequence_step = to_one(rels, "sequenceStateSequenceStep")
    m.sequence_state_sequence_step_overrides = to_many(rels, "sequenceStateSequenceStepOverrides")
    m.sequence_state_starting_template = to_one(rels, "sequenceStateStartingTemplate")
    m.sequence_step = to_one(rels, "sequenceStep")
    m.sequence_step_override_templates = to_many(rels, "sequenceStepOverrideTemplates")
    m.sequence_template = to_one(rels, "sequenceTemplate")
    m.sequence_template_template = to_one(rels, "sequenceTemplateTemplate")
    m.subject = to_one(rels, "subject")
    m.task_disposition = to_one(rels, "taskDisposition")
    m.task_priority = to_one(rels, "taskPriority")
    m.task_purpose = to_one(rels, "taskPurpose")
    m.task_theme = to_one(rels, "taskTheme")
    m.team = to_one(rels, "team")
    m.template = to_one(rels, "template")
    finish(m, r, a, rels)
    return m


def _task_disposition(r: Resource) -> TaskDisposition:
    m = new(TaskDisposition)
    a = dict(r.attributes)
    p = a.pop
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.name = p("name", ABSENT)
    m.order = p("order", ABSENT)
    m.task_type = p("taskType", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    m.value = p("value", ABSENT)
    rels = relationship_entries(r)
    m.creator = to_one(rels, "creator")
    m.tasks = to_many(rels, "tasks")
    finish(m, r, a, rels)
    return m


def _task_priority(r: Resource) -> TaskPriority:
    m = new(TaskPriority)
    a = dict(r.attributes)
    p = a.pop
    m.color = p("color", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.name = p("name", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    m.weight = p("weight", ABSENT)
    rels = relationship_entries(r)
    m.sequence_steps = to_many(rels, "sequenceSteps")
    m.tasks = to_many(rels, "tasks")
    finish(m, r, a, rels)
    return m


def _task_purpose(r: Resource) -> TaskPurpose:
    m = new(TaskPurpose)
    a = dict(r.attributes)
    p = a.pop
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.name = p("name", ABSENT)
    m.order = p("order", ABSENT)
    m.task_type = p("taskType", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.creator = to_one(rels, "creator")
    m.tasks = to_many(rels, "tasks")
    finish(m, r, a, rels)
    return m


def _team(r: Resource) -> Team:
    m = new(Team)
    a = dict(r.attributes)
    p = a.pop
    m.color = p("color", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.name = p("name", ABSENT)
    m.scim_external_id = p("scimExternalId", ABSENT)
    m.scim_source = p("scimSource", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.batches = to_many(rels, "batches")
    m.content_categories = to_many(rels, "contentCategories")
    m.creator = to_one(rels, "creator")
    m.favorites = to_many(rels, "favorites")
    m.role_assigned_users = to_many(rels, "roleAssignedUsers")
    m.team_memberships = to_many(rels, "teamMemberships")
    m.team_records = to_many(rels, "teamRecords")
    m.team_settings = to_one(rels, "teamSettings")
    m.updater = to_one(rels, "updater")
    m.users = to_many(rels, "users")
    finish(m, r, a, rels)
    return m


def _template(r: Resource) -> Template:
    m = new(Template)
    a = dict(r.attributes)
    p = a.pop
    m.archived = p("archived", ABSENT)
    m.archived_at = to_datetime(p("archivedAt", ABSENT), "archivedAt")
    m.bcc_recipients = p("bccRecipients", ABSENT)
    m.body_html = p("bodyHtml", ABSENT)
    m.body_text = p("bodyText", ABSENT)
    m.bounce_count = p("bounceCount", ABSENT)
    m.cc_recipients = p("ccRecipients", ABSENT)
    m.click_count = p("clickCount", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.deliver_count = p("deliverCount", ABSENT)
    m.failure_count = p("failureCount", ABSENT)
    m.last_used_at = to_datetime(p("lastUsedAt", ABSENT), "lastUsedAt")
    m.name = p("name", ABSENT)
    m.negative_reply_count = p("negativeReplyCount", ABSENT)
    m.neutral_reply_count = p("neutralReplyCount", ABSENT)
    m.open_count = p("openCount", ABSENT)
    m.opt_out_count = p("optOutCount", ABSENT)
    m.positive_reply_count = p("positiveReplyCount", ABSENT)
    m.reply_count = p("replyCount", ABSENT)
    m.schedule_count = p("scheduleCount", ABSENT)
    m.share_type = p("shareType", ABSENT)
    m.subject = p("subject", ABSENT)
    m.tags = p("tags", ABSENT)
    m.to_recipients = p("toRecipients", ABSENT)
    m.track_links = p("trackLinks", ABSENT)
    m.track_opens = p("trackOpens", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    rels = relationship_entries(r)
    m.attachments = to_many(rels, "attachments")
    m.content_category_memberships = to_many(rels, "contentCategoryMemberships")
    m.creator = to_one(rels, "creator")
    m.favorites = to_many(rels, "favorites")
    m.owner = to_one(rels, "owner")
    m.recipients = to_many(rels, "recipients")
    m.sequence_templates = to_many(rels, "sequenceTemplates")
    m.stats_target = to_one(rels, "statsTarget")
    m.updater = to_one(rels, "updater")
    finish(m, r, a, rels)
    return m


def _user(r: Resource) -> User:
    m = new(User)
    a = dict(r.attributes)
    p = a.pop
    m.accounts_view_id = p("accountsViewId", ABSENT)
    m.activity_notifications_disabled = p("activityNotificationsDisabled", ABSENT)
    m.bounce_warning_email_enabled = p("bounceWarningEmailEnabled", ABSENT)
    m.bridge_phone = p("bridgePhone", ABSENT)
    m.bridge_phone_extension = p("bridgePhoneExtension", ABSENT)
    m.calls_view_id = p("callsViewId", ABSENT)
    m.controlled_tab_default = p("controlledTabDefault", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.current_sign_in_at = to_datetime(p("currentSignInAt", ABSENT), "currentSignInAt")
    m.daily_digest_email_enabled = p("dailyDigestEmailEnabled", ABSENT)
    m.default_ruleset_id = p("defaultRulesetId", ABSENT)
    m.duties = p("duties", ABSENT)
    m.email = p("email", ABSENT)
    m.enable_voice_recordings = p("enableVoiceRecordings", ABSENT)
    m.engagement_emails_enabled = p("engagementEmailsEnabled", ABSENT)
    m.first_name = p("firstName", ABSENT)
    m.inbound_bridge_phone = p("inboundBridgePhone", ABSENT)
    m.inbound_bridge_phone_extension = p("inboundBridgePhoneExtension", ABSENT)
    m.inbound_call_behavior = p("inboundCallBehavior", ABSENT)
    m.inbound_phone_type = p("inboundPhoneType", ABSENT)
    m.inbound_voicemail_custom_message_text = p("inboundVoicemailCustomMessageText", ABSENT)
    m.inbound_voicemail_message_text_voice = p("inboundVoicemailMessageTextVoice", ABSENT)
    m.inbound_voicemail_prompt_type = p("inboundVoicemailPromptType", ABSENT)
    m.job_role_by_name = p("jobRoleByName", ABSENT)
    m.kaia_recordings_view_id = p("kaiaRecordingsViewId", ABSENT)
    m.keep_bridge_phone_connected = p("keepBridgePhoneConnected", ABSENT)
    m.last_name = p("lastName", ABSENT)
    m.last_sign_in_at = to_datetime(p("lastSignInAt", ABSENT), "lastSignInAt")
    m.locked = p("locked", ABSENT)
    m.mailbox_error_email_enabled = p("mailboxErrorEmailEnabled", ABSENT)
    m.meeting_engagement_notification_enabled = p("meetingEngagementNotificationEnabled", ABSENT)
    m.name = p("name", ABSENT)
    m.notifications_enabled = p("notificationsEnabled", ABSENT)
    m.oce_click_to_dial_everywhere = p("oceClickToDialEverywhere", ABSENT)
    m.oce_gmail_toolbar = p("oceGmailToolbar", ABSENT)
    m.oce_gmail_tracking_state = p("oceGmailTrackingState", ABSENT)
    m.oce_salesforce_email_decorating = p("oceSalesforceEmailDecorating", ABSENT)
    m.oce_salesforce_phone_decorating = p("oceSalesforcePhoneDecorating", ABSENT)
    m.oce_universal_task_flow = p("oceUniversalTaskFlow", ABSENT)
    m.oce_window_mode = p("oceWindowMode", ABSENT)
    m.opportunities_view_id = p("opportunitiesViewId", ABSENT)
    m.password_expires_at = to_datetime(p("passwordExpiresAt", ABSENT), "passwordExpiresAt")
    m.phone_country_code = p("phoneCountryCode", ABSENT)
    m.phone_number = p("phoneNumber", ABSENT)
    m.phone_type = p("phoneType", ABSENT)
    m.plugin_alert_notification_enabled = p("pluginAlertNotificationEnabled", ABSENT)
    m.preferred_voice_region = p("preferredVoiceRegion", ABSENT)
    m.prefers_local_presence = p("prefersLocalPresence", ABSENT)
    m.prospects_view_id = p("prospectsViewId", ABSENT)
    m.reports_team_perf_view_id = p("reportsTeamPerfViewId", ABSENT)
    m.reports_view_id = p("reportsViewId", ABSENT)
    m.scim_external_id = p("scimExternalId", ABSENT)
    m.scim_source = p("scimSource", ABSENT)
    m.sender_notifications_excluded = p("senderNotificationsExcluded", ABSENT)
    m.tasks_view_id = p("tasksViewId", ABSENT)
    m.teams_view_id = p("teamsViewId", ABSENT)
    m.texting_email_notifications = p("textingEmailNotifications", ABSENT)
    m.title = p("title", ABSENT)
    m.unknown_reply_email_enabled = p("unknownReplyEmailEnabled", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    m.user_guid = p("userGuid", ABSENT)
    m.username = p("username", ABSENT)
    m.users_view_id = p("usersViewId", ABSENT)
    m.voicemail_notification_enabled = p("voicemailNotificationEnabled", ABSENT)
    m.weekly_digest_email_enabled = p("weeklyDigestEmailEnabled", ABSENT)
    rels = relationship_entries(r)
    m.batches = to_many(rels, "batches")
    m.calendar = to_one(rels, "calendar")
    m.content_categories = to_many(rels, "contentCategories")
    m.content_category_ownerships = to_many(rels, "contentCategoryOwnerships")
    m.creator = to_one(rels, "creator")
    m.direct_assigned_teams = to_many(rels, "directAssignedTeams")
    m.favorites = to_many(rels, "favorites")
    m.job_role = to_one(rels, "jobRole")
    m.mailbox = to_one(rels, "mailbox")
    m.mailboxes = to_many(rels, "mailboxes")
    m.outbound_voicemails = to_many(rels, "outboundVoicemails")
    m.phone = to_one(rels, "phone")
    m.phones = to_many(rels, "phones")
    m.profile = to_one(rels, "profile")
    m.recipients = to_many(rels, "recipients")
    m.role = to_one(rels, "role")
    m.role_assigned_teams = to_many(rels, "roleAssignedTeams")
    m.sms_phone = to_one(rels, "smsPhone")
    m.teams = to_many(rels, "teams")
    m.updater = to_one(rels, "updater")
    m.voicemail_prompts = to_many(rels, "voicemailPrompts")
    finish(m, r, a, rels)
    return m


def _webhook(r: Resource) -> Webhook:
    m = new(Webhook)
    a = dict(r.attributes)
    p = a.pop
    m.action = p("action", ABSENT)
    m.active = p("active", ABSENT)
    m.created_at = to_datetime(p("createdAt", ABSENT), "createdAt")
    m.disabled_reason = p("disabledReason", ABSENT)
    m.disabled_since = to_datetime(p("disabledSince", ABSENT), "disabledSince")
    m.disabled_until = to_datetime(p("disabledUntil", ABSENT), "disabledUntil")
    m.payload_version = p("payloadVersion", ABSENT)
    m.resource_ = p("resource", ABSENT)
    m.secret = p("secret", ABSENT)
    m.updated_at = to_datetime(p("updatedAt", ABSENT), "updatedAt")
    m.url = p("url", ABSENT)
    rels = relationship_entries(r)
    m.authorizer = to_one(rels, "authorizer")
    m.creator = to_one(rels, "creator")
    m.updater = to_one(rels, "updater")
    finish(m, r, a, rels)
    return m


register(Account, _account)
register(AccountNote, _account_note)
register(AuditLog, _audit_log)
register(Batch, _batch)
register(BatchItem, _batch_item)
register(Call, _call)
register(CallDisposition, _call_disposition)
register(CallPurpose, _call_purpose)
register(ComplianceRequest, _compliance_request)
register(ContentCategory, _content_category)
register(ContentCategoryMembership, _content_category_membership)
register(ContentCategoryOwnership, _content_category_ownership)
register(CustomDuty, _custom_duty)
register(Duty, _duty)
register(EmailAddress, _email_address)
register(Event, _event)
register(Favorite, _favorite)
register(Import, _import_)
register(KaiaRecording, _kaia_recording)
register(KaiaVoiceImport, _kaia_voice_import)
register(MailAlias, _mail_alias)
register(Mailbox, _mailbox)
register(Mailing, _mailing)
register(Opportunity, _opportunity)
register(OpportunityProspectRole, _opportunity_prospect_role)
register(OpportunityStage, _opportunity_stage)
register(OrgSetting, _org_setting)
register(Persona, _persona)
register(PhoneNumber, _phone_number)
register(Product, _product)
register(Profile, _profile)
register(Prospect, _prospect)
register(ProspectNote, _prospect_note)
register(Purchase, _purchase)
register(Recipient, _recipient)
register(Role, _role)
register(Ruleset, _ruleset)
register(Sequence, _sequence)
register(SequenceState, _sequence_state)
register(SequenceStep, _sequence_step)
register(SequenceTemplate, _sequence_template)
register(Snippet, _snippet)
register(Stage, _stage)
register(Task, _task)
register(TaskDisposition, _task_disposition)
register(TaskPriority, _task_priority)
register(TaskPurpose, _task_purpose)
register(Team, _team)
register(Template, _template)
register(User, _user)
register(Webhook, _webhook)
