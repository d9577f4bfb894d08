# Generated from outreach_async/_spec.py by tools/generate_models.py (`make generate`).
# Do not edit by hand.
"""`client.prospects`, `client.sequence_states`, ...: one typed manager per type."""

from __future__ import annotations

from functools import cached_property

from .batches import Batches
from .http.session import Session
from .managers._generated import (
    AccountNotes,
    Accounts,
    AuditLogs,
    BatchItems,
    CallDispositions,
    CallPurposes,
    Calls,
    ComplianceRequests,
    ContentCategories,
    ContentCategoryMemberships,
    ContentCategoryOwnerships,
    CustomDuties,
    Duties,
    EmailAddresses,
    Events,
    Favorites,
    Imports,
    KaiaRecordings,
    KaiaVoiceImports,
    MailAliases,
    Mailboxes,
    Mailings,
    Opportunities,
    OpportunityProspectRoles,
    OpportunityStages,
    OrgSettings,
    Personas,
    PhoneNumbers,
    Products,
    Profiles,
    ProspectNotes,
    Prospects,
    Purchases,
    Recipients,
    Roles,
    Rulesets,
    SequenceSteps,
    SequenceTemplates,
    Snippets,
    Stages,
    TaskDispositions,
    TaskPriorities,
    TaskPurposes,
    Tasks,
    Teams,
    Templates,
    Users,
    Webhooks,
)
from .sequences import Sequences, SequenceStates

__all__ = ["TypedManagers"]


class TypedManagers:
    """The typed managers of a client, made on first use."""

    session: Session

    @cached_property
    def account_notes(self) -> AccountNotes:
        """`accountNotes` as `AccountNote` models."""
        return AccountNotes(self.session)

    @cached_property
    def accounts(self) -> Accounts:
        """`accounts` as `Account` models."""
        return Accounts(self.session)

    @cached_property
    def audit_logs(self) -> AuditLogs:
        """`auditLogs` as `AuditLog` models."""
        return AuditLogs(self.session)

    @cached_property
    def batch_items(self) -> BatchItems:
        """`batchItems` as `BatchItem` models."""
        return BatchItems(self.session)

    @cached_property
    def batches(self) -> Batches:
        """`batches` as `Batch` models."""
        return Batches(self.session)

    @cached_property
    def call_dispositions(self) -> CallDispositions:
        """`callDispositions` as `CallDisposition` models."""
        return CallDispositions(self.session)

    @cached_property
    def call_purposes(self) -> CallPurposes:
        """`callPurposes` as `CallPurpose` models."""
        return CallPurposes(self.session)

    @cached_property
    def calls(self) -> Calls:
        """`calls` as `Call` models."""
        return Calls(self.session)

    @cached_property
    def compliance_requests(self) -> ComplianceRequests:
        """`complianceRequests` as `ComplianceRequest` models."""
        return ComplianceRequests(self.session)

    @cached_property
    def content_categories(self) -> ContentCategories:
        """`contentCategories` as `ContentCategory` models."""
        return ContentCategories(self.session)

    @cached_property
    def content_category_memberships(self) -> ContentCategoryMemberships:
        """`contentCategoryMemberships` as `ContentCategoryMembership` models."""
        return ContentCategoryMemberships(self.session)

    @cached_property
    def content_category_ownerships(self) -> ContentCategoryOwnerships:
        """`contentCategoryOwnerships` as `ContentCategoryOwnership` models."""
        return ContentCategoryOwnerships(self.session)

    @cached_property
    def custom_duties(self) -> CustomDuties:
        """`customDuties` as `CustomDuty` models."""
        return CustomDuties(self.session)

    @cached_property
    def duties(self) -> Duties:
        """`duties` as `Duty` models."""
        return Duties(self.session)

    @cached_property
    def email_addresses(self) -> EmailAddresses:
        """`emailAddresses` as `EmailAddress` models."""
        return EmailAddresses(self.session)

    @cached_property
    def events(self) -> Events:
        """`events` as `Event` models."""
        return Events(self.session)

    @cached_property
    def favorites(self) -> Favorites:
        """`favorites` as `Favorite` models."""
        return Favorites(self.session)

    @cached_property
    def imports(self) -> Imports:
        """`imports` as `Import` models."""
        return Imports(self.session)

    @cached_property
    def kaia_recordings(self) -> KaiaRecordings:
        """`kaiaRecordings` as `KaiaRecording` models."""
        return KaiaRecordings(self.session)

    @cached_property
    def kaia_voice_imports(self) -> KaiaVoiceImports:
        """`kaiaVoiceImports` as `KaiaVoiceImport` models."""
        return KaiaVoiceImports(self.session)

    @cached_property
    def mail_aliases(self) -> MailAliases:
        """`mailAliases` as `MailAlias` models."""
        return MailAliases(self.session)

    @cached_property
    def mailboxes(self) -> Mailboxes:
        """`mailboxes` as `Mailbox` models."""
        return Mailboxes(self.session)

    @cached_property
    def mailings(self) -> Mailings:
        """`mailings` as `Mailing` models."""
        return Mailings(self.session)

    @cached_property
    def opportunities(self) -> Opportunities:
        """`opportunities` as `Opportunity` models."""
        return Opportunities(self.session)

    @cached_property
    def opportunity_prospect_roles(self) -> OpportunityProspectRoles:
        """`opportunityProspectRoles` as `OpportunityProspectRole` models."""
        return OpportunityProspectRoles(self.session)

    @cached_property
    def opportunity_stages(self) -> OpportunityStages:
        """`opportunityStages` as `OpportunityStage` models."""
        return OpportunityStages(self.session)

    @cached_property
    def org_settings(self) -> OrgSettings:
        """`orgSettings` as `OrgSetting` models."""
        return OrgSettings(self.session)

    @cached_property
    def personas(self) -> Personas:
        """`personas` as `Persona` models."""
        return Personas(self.session)

    @cached_property
    def phone_numbers(self) -> PhoneNumbers:
        """`phoneNumbers` as `PhoneNumber` models."""
        return PhoneNumbers(self.session)

    @cached_property
    def products(self) -> Products:
        """`products` as `Product` models."""
        return Products(self.session)

    @cached_property
    def profiles(self) -> Profiles:
        """`profiles` as `Profile` models."""
        return Profiles(self.session)

    @cached_property
    def prospect_notes(self) -> ProspectNotes:
        """`prospectNotes` as `ProspectNote` models."""
        return ProspectNotes(self.session)

    @cached_property
    def prospects(self) -> Prospects:
        """`prospects` as `Prospect` models."""
        return Prospects(self.session)

    @cached_property
    def purchases(self) -> Purchases:
        """`purchases` as `Purchase` models."""
        return Purchases(self.session)

    @cached_property
    def recipients(self) -> Recipients:
        """`recipients` as `Recipient` models."""
        return Recipients(self.session)

    @cached_property
    def roles(self) -> Roles:
        """`roles` as `Role` models."""
        return Roles(self.session)

    @cached_property
    def rulesets(self) -> Rulesets:
        """`rulesets` as `Ruleset` models."""
        return Rulesets(self.session)

    @cached_property
    def sequence_states(self) -> SequenceStates:
        """`sequenceStates` as `SequenceState` models."""
        return SequenceStates(self.session)

    @cached_property
    def sequence_steps(self) -> SequenceSteps:
        """`sequenceSteps` as `SequenceStep` models."""
        return SequenceSteps(self.session)

    @cached_property
    def sequence_templates(self) -> SequenceTemplates:
        """`sequenceTemplates` as `SequenceTemplate` models."""
        return SequenceTemplates(self.session)

    @cached_property
    def sequences(self) -> Sequences:
        """`sequences` as `Sequence` models."""
        return Sequences(self.session)

    @cached_property
    def snippets(self) -> Snippets:
        """`snippets` as `Snippet` models."""
        return Snippets(self.session)

    @cached_property
    def stages(self) -> Stages:
        """`stages` as `Stage` models."""
        return Stages(self.session)

    @cached_property
    def task_dispositions(self) -> TaskDispositions:
        """`taskDispositions` as `TaskDisposition` models."""
        return TaskDispositions(self.session)

    @cached_property
    def task_priorities(self) -> TaskPriorities:
        """`taskPriorities` as `TaskPriority` models."""
        return TaskPriorities(self.session)

    @cached_property
    def task_purposes(self) -> TaskPurposes:
        """`taskPurposes` as `TaskPurpose` models."""
        return TaskPurposes(self.session)

    @cached_property
    def tasks(self) -> Tasks:
        """`tasks` as `Task` models."""
        return Tasks(self.session)

    @cached_property
    def teams(self) -> Teams:
        """`teams` as `Team` models."""
        return Teams(self.session)

    @cached_property
    def templates(self) -> Templates:
        """`templates` as `Template` models."""
        return Templates(self.session)

    @cached_property
    def users(self) -> Users:
        """`users` as `User` models."""
        return Users(self.session)

    @cached_property
    def webhooks(self) -> Webhooks:
        """`webhooks` as `Webhook` models."""
        return Webhooks(self.session)
