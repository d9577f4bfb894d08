# Generated from outreach_async/_spec.py by tools/generate_models.py (`make generate`).
# Do not edit by hand.
"""`client.prospects`, `client.sequence_states`, ...: one typed manager per type.

Each manager's module is imported when the accessor is first read, so creating a client
does not load the generated models and managers of every type.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
        from .managers._generated import AccountNotes

        return AccountNotes(self.session)

    @cached_property
    def accounts(self) -> Accounts:
        """`accounts` as `Account` models."""
        from .managers._generated import Accounts

        return Accounts(self.session)

    @cached_property
    def audit_logs(self) -> AuditLogs:
        """`auditLogs` as `AuditLog` models."""
        from .managers._generated import AuditLogs

        return AuditLogs(self.session)

    @cached_property
    def batch_items(self) -> BatchItems:
        """`batchItems` as `BatchItem` models."""
        from .managers._generated import BatchItems

        return BatchItems(self.session)

    @cached_property
    def batches(self) -> Batches:
        """`batches` as `Batch` models."""
        from .batches import Batches

        return Batches(self.session)

    @cached_property
    def call_dispositions(self) -> CallDispositions:
        """`callDispositions` as `CallDisposition` models."""
        from .managers._generated import CallDispositions

        return CallDispositions(self.session)

    @cached_property
    def call_purposes(self) -> CallPurposes:
        """`callPurposes` as `CallPurpose` models."""
        from .managers._generated import CallPurposes

        return CallPurposes(self.session)

    @cached_property
    def calls(self) -> Calls:
        """`calls` as `Call` models."""
        from .managers._generated import Calls

        return Calls(self.session)

    @cached_property
    def compliance_requests(self) -> ComplianceRequests:
        """`complianceRequests` as `ComplianceRequest` models."""
        from .managers._generated import ComplianceRequests

        return ComplianceRequests(self.session)

    @cached_property
    def content_categories(self) -> ContentCategories:
        """`contentCategories` as `ContentCategory` models."""
        from .managers._generated import ContentCategories

        return ContentCategories(self.session)

    @cached_property
    def content_category_memberships(self) -> ContentCategoryMemberships:
        """`contentCategoryMemberships` as `ContentCategoryMembership` models."""
        from .managers._generated import ContentCategoryMemberships

        return ContentCategoryMemberships(self.session)

    @cached_property
    def content_category_ownerships(self) -> ContentCategoryOwnerships:
        """`contentCategoryOwnerships` as `ContentCategoryOwnership` models."""
        from .managers._generated import ContentCategoryOwnerships

        return ContentCategoryOwnerships(self.session)

    @cached_property
    def custom_duties(self) -> CustomDuties:
        """`customDuties` as `CustomDuty` models."""
        from .managers._generated import CustomDuties

        return CustomDuties(self.session)

    @cached_property
    def duties(self) -> Duties:
        """`duties` as `Duty` models."""
        from .managers._generated import Duties

        return Duties(self.session)

    @cached_property
    def email_addresses(self) -> EmailAddresses:
        """`emailAddresses` as `EmailAddress` models."""
        from .managers._generated import EmailAddresses

        return EmailAddresses(self.session)

    @cached_property
    def events(self) -> Events:
        """`events` as `Event` models."""
        from .managers._generated import Events

        return Events(self.session)

    @cached_property
    def favorites(self) -> Favorites:
        """`favorites` as `Favorite` models."""
        from .managers._generated import Favorites

        return Favorites(self.session)

    @cached_property
    def imports(self) -> Imports:
        """`imports` as `Import` models."""
        from .managers._generated import Imports

        return Imports(self.session)

    @cached_property
    def kaia_recordings(self) -> KaiaRecordings:
        """`kaiaRecordings` as `KaiaRecording` models."""
        from .managers._generated import KaiaRecordings

        return KaiaRecordings(self.session)

    @cached_property
    def kaia_voice_imports(self) -> KaiaVoiceImports:
        """`kaiaVoiceImports` as `KaiaVoiceImport` models."""
        from .managers._generated import KaiaVoiceImports

        return KaiaVoiceImports(self.session)

    @cached_property
    def mail_aliases(self) -> MailAliases:
        """`mailAliases` as `MailAlias` models."""
        from .managers._generated import MailAliases

        return MailAliases(self.session)

    @cached_property
    def mailboxes(self) -> Mailboxes:
        """`mailboxes` as `Mailbox` models."""
        from .managers._generated import Mailboxes

        return Mailboxes(self.session)

    @cached_property
    def mailings(self) -> Mailings:
        """`mailings` as `Mailing` models."""
        from .managers._generated import Mailings

        return Mailings(self.session)

    @cached_property
    def opportunities(self) -> Opportunities:
        """`opportunities` as `Opportunity` models."""
        from .managers._generated import Opportunities

        return Opportunities(self.session)

    @cached_property
    def opportunity_prospect_roles(self) -> OpportunityProspectRoles:
        """`opportunityProspectRoles` as `OpportunityProspectRole` models."""
        from .managers._generated import OpportunityProspectRoles

        return OpportunityProspectRoles(self.session)

    @cached_property
    def opportunity_stages(self) -> OpportunityStages:
        """`opportunityStages` as `OpportunityStage` models."""
        from .managers._generated import OpportunityStages

        return OpportunityStages(self.session)

    @cached_property
    def org_settings(self) -> OrgSettings:
        """`orgSettings` as `OrgSetting` models."""
        from .managers._generated import OrgSettings

        return OrgSettings(self.session)

    @cached_property
    def personas(self) -> Personas:
        """`personas` as `Persona` models."""
        from .managers._generated import Personas

        return Personas(self.session)

    @cached_property
    def phone_numbers(self) -> PhoneNumbers:
        """`phoneNumbers` as `PhoneNumber` models."""
        from .managers._generated import PhoneNumbers

        return PhoneNumbers(self.session)

    @cached_property
    def products(self) -> Products:
        """`products` as `Product` models."""
        from .managers._generated import Products

        return Products(self.session)

    @cached_property
    def profiles(self) -> Profiles:
        """`profiles` as `Profile` models."""
        from .managers._generated import Profiles

        return Profiles(self.session)

    @cached_property
    def prospect_notes(self) -> ProspectNotes:
        """`prospectNotes` as `ProspectNote` models."""
        from .managers._generated import ProspectNotes

        return ProspectNotes(self.session)

    @cached_property
    def prospects(self) -> Prospects:
        """`prospects` as `Prospect` models."""
        from .managers._generated import Prospects

        return Prospects(self.session)

    @cached_property
    def purchases(self) -> Purchases:
        """`purchases` as `Purchase` models."""
        from .managers._generated import Purchases

        return Purchases(self.session)

    @cached_property
    def recipients(self) -> Recipients:
        """`recipients` as `Recipient` models."""
        from .managers._generated import Recipients

        return Recipients(self.session)

    @cached_property
    def roles(self) -> Roles:
        """`roles` as `Role` models."""
        from .managers._generated import Roles

        return Roles(self.session)

    @cached_property
    def rulesets(self) -> Rulesets:
        """`rulesets` as `Ruleset` models."""
        from .managers._generated import Rulesets

        return Rulesets(self.session)

    @cached_property
    def sequence_states(self) -> SequenceStates:
        """`sequenceStates` as `SequenceState` models."""
        from .sequences import SequenceStates

        return SequenceStates(self.session)

    @cached_property
    def sequence_steps(self) -> SequenceSteps:
        """`sequenceSteps` as `SequenceStep` models."""
        from .managers._generated import SequenceSteps

        return SequenceSteps(self.session)

    @cached_property
    def sequence_templates(self) -> SequenceTemplates:
        """`sequenceTemplates` as `SequenceTemplate` models."""
        from .managers._generated import SequenceTemplates

        return SequenceTemplates(self.session)

    @cached_property
    def sequences(self) -> Sequences:
        """`sequences` as `Sequence` models."""
        from .sequences import Sequences

        return Sequences(self.session)

    @cached_property
    def snippets(self) -> Snippets:
        """`snippets` as `Snippet` models."""
        from .managers._generated import Snippets

        return Snippets(self.session)

    @cached_property
    def stages(self) -> Stages:
        """`stages` as `Stage` models."""
        from .managers._generated import Stages

        return Stages(self.session)

    @cached_property
    def task_dispositions(self) -> TaskDispositions:
        """`taskDispositions` as `TaskDisposition` models."""
        from .managers._generated import TaskDispositions

        return TaskDispositions(self.session)

    @cached_property
    def task_priorities(self) -> TaskPriorities:
        """`taskPriorities` as `TaskPriority` models."""
        from .managers._generated import TaskPriorities

        return TaskPriorities(self.session)

    @cached_property
    def task_purposes(self) -> TaskPurposes:
        """`taskPurposes` as `TaskPurpose` models."""
        from .managers._generated import TaskPurposes

        return TaskPurposes(self.session)

    @cached_property
    def tasks(self) -> Tasks:
        """`tasks` as `Task` models."""
        from .managers._generated import Tasks

        return Tasks(self.session)

    @cached_property
    def teams(self) -> Teams:
        """`teams` as `Team` models."""
        from .managers._generated import Teams

        return Teams(self.session)

    @cached_property
    def templates(self) -> Templates:
        """`templates` as `Template` models."""
        from .managers._generated import Templates

        return Templates(self.session)

    @cached_property
    def users(self) -> Users:
        """`users` as `User` models."""
        from .managers._generated import Users

        return Users(self.session)

    @cached_property
    def webhooks(self) -> Webhooks:
        """`webhooks` as `Webhook` models."""
        from .managers._generated import Webhooks

        return Webhooks(self.session)
