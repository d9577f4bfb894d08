# Generated from outreach_async/_spec.py by tools/generate_models.py (`make generate`).
# Do not edit by hand.
"""Typed managers of every Outreach resource type, with their actions."""

from __future__ import annotations

from collections import abc
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ..http.options import Headers, Timeout
from ..http.retry import RetryPolicy
from ..jsonapi.document import Document, Resource
from ..models import (
    Account,
    AccountNote,
    AuditLog,
    Batch,
    BatchItem,
    Call,
    CallDisposition,
    CallPurpose,
    ComplianceRequest,
    ContentCategory,
    ContentCategoryMembership,
    ContentCategoryOwnership,
    CustomDuty,
    Duty,
    EmailAddress,
    Event,
    Favorite,
    Import,
    KaiaRecording,
    KaiaVoiceImport,
    MailAlias,
    Mailbox,
    Mailing,
    Opportunity,
    OpportunityProspectRole,
    OpportunityStage,
    OrgSetting,
    Persona,
    PhoneNumber,
    Product,
    Profile,
    Prospect,
    ProspectNote,
    Purchase,
    Recipient,
    Role,
    Ruleset,
    Sequence,
    SequenceState,
    SequenceStep,
    SequenceTemplate,
    Snippet,
    Stage,
    Task,
    TaskDisposition,
    TaskPriority,
    TaskPurpose,
    Team,
    Template,
    User,
    Webhook,
)
from ._base import (
    Creatable,
    Deletable,
    Gettable,
    IdLike,
    Listable,
    Updatable,
)

__all__ = [
    "AccountNotes",
    "Accounts",
    "AuditLogs",
    "BatchItems",
    "BatchesBase",
    "CallDispositions",
    "CallPurposes",
    "Calls",
    "ComplianceRequests",
    "ContentCategories",
    "ContentCategoryMemberships",
    "ContentCategoryOwnerships",
    "CustomDuties",
    "Duties",
    "EmailAddresses",
    "Events",
    "Favorites",
    "Imports",
    "KaiaRecordings",
    "KaiaVoiceImports",
    "MailAliases",
    "Mailboxes",
    "Mailings",
    "Opportunities",
    "OpportunityProspectRoles",
    "OpportunityStages",
    "OrgSettings",
    "Personas",
    "PhoneNumbers",
    "Products",
    "Profiles",
    "ProspectNotes",
    "Prospects",
    "Purchases",
    "Recipients",
    "Roles",
    "Rulesets",
    "SequenceStatesBase",
    "SequenceSteps",
    "SequenceTemplates",
    "SequencesBase",
    "Snippets",
    "Stages",
    "TaskDispositions",
    "TaskPriorities",
    "TaskPurposes",
    "Tasks",
    "Teams",
    "Templates",
    "Users",
    "Webhooks",
]


class Accounts(
    Listable[Account], Creatable[Account], Gettable[Account], Updatable[Account], Deletable[Account]
):
    """`accounts` as `Account` models: list, create, get, update, delete."""

    model = Account


class AccountNotes(
    Listable[AccountNote],
    Creatable[AccountNote],
    Gettable[AccountNote],
    Updatable[AccountNote],
    Deletable[AccountNote],
):
    """`accountNotes` as `AccountNote` models: list, create, get, update, delete."""

    model = AccountNote


class AuditLogs(Listable[AuditLog]):
    """`auditLogs` as `AuditLog` models: list."""

    model = AuditLog


class BatchesBase(Listable[Batch], Gettable[Batch]):
    """`batches` as `Batch` models: list, get."""

    model = Batch

    async def cancel(
        self,
        resource: IdLike,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `cancel` action on one batch."""
        answer = await self._member_action(
            resource, "cancel", {}, timeout=timeout, extra_headers=extra_headers, retry=retry
        )
        return self._typed(answer, Batch)

    async def confirm(
        self,
        resource: IdLike,
        *,
        confirmed_count: int | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `confirm` action on one batch."""
        answer = await self._member_action(
            resource,
            "confirm",
            {"confirmedCount": confirmed_count},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed(answer, Batch)

    async def account_add_tags(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        tags: abc.Sequence[str] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `accountAddTags` collection action; `attributes` adds body attributes the
        OpenAPI file does not name.
        """
        document = await self._collection_action(
            "accountAddTags",
            {"ids": ids, "tags": tags},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def accounts_add_assignments(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        user_ids: abc.Sequence[str] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `accountsAddAssignments` collection action; `attributes` adds body
        attributes the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "accountsAddAssignments",
            {"ids": ids, "userIds": user_ids},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def accounts_assign_owner(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        owner_id: int | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `accountsAssignOwner` collection action; `attributes` adds body attributes
        the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "accountsAssignOwner",
            {"ids": ids, "ownerId": owner_id},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def accounts_bulk_modify(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `accountsBulkModify` collection action; `attributes` adds body attributes
        the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "accountsBulkModify",
            {"ids": ids},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def accounts_destroy_all(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `accountsDestroyAll` collection action; `attributes` adds body attributes
        the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "accountsDestroyAll",
            {"ids": ids},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def accounts_remove_all_assignments(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `accountsRemoveAllAssignments` collection action; `attributes` adds body
        attributes the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "accountsRemoveAllAssignments",
            {"ids": ids},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def accounts_remove_assignments(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        user_ids: abc.Sequence[str] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `accountsRemoveAssignments` collection action; `attributes` adds body
        attributes the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "accountsRemoveAssignments",
            {"ids": ids, "userIds": user_ids},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def accounts_remove_tags(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        tags: abc.Sequence[str] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `accountsRemoveTags` collection action; `attributes` adds body attributes
        the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "accountsRemoveTags",
            {"ids": ids, "tags": tags},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def custom_object_bulk_delete(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        object_name: str,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `customObjectBulkDelete` collection action; `attributes` adds body
        attributes the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "customObjectBulkDelete",
            {"ids": ids},
            attributes,
            {"filter": filter, "objectName": object_name, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def custom_object_bulk_modify(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        object_name: str,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `customObjectBulkModify` collection action; `attributes` adds body
        attributes the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "customObjectBulkModify",
            {"ids": ids},
            attributes,
            {"filter": filter, "objectName": object_name, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def prospects_add_assignments(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        user_ids: abc.Sequence[str] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `prospectsAddAssignments` collection action; `attributes` adds body
        attributes the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "prospectsAddAssignments",
            {"ids": ids, "userIds": user_ids},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def prospects_add_tags(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        tags: abc.Sequence[str] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `prospectsAddTags` collection action; `attributes` adds body attributes the
        OpenAPI file does not name.
        """
        document = await self._collection_action(
            "prospectsAddTags",
            {"ids": ids, "tags": tags},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def prospects_add_to_sequence(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        mailbox_id: int | None = None,
        sequence_id: int | None = None,
        step_overrides: abc.Sequence[Mapping[str, Any]] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `prospectsAddToSequence` collection action; `attributes` adds body
        attributes the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "prospectsAddToSequence",
            {
                "ids": ids,
                "mailboxId": mailbox_id,
                "sequenceId": sequence_id,
                "stepOverrides": step_overrides,
            },
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def prospects_assign_account(
        self,
        *,
        account_id: str | None = None,
        ids: abc.Sequence[int] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `prospectsAssignAccount` collection action; `attributes` adds body
        attributes the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "prospectsAssignAccount",
            {"accountId": account_id, "ids": ids},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def prospects_assign_opportunity(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        opportunity_id: str | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `prospectsAssignOpportunity` collection action; `attributes` adds body
        attributes the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "prospectsAssignOpportunity",
            {"ids": ids, "opportunityId": opportunity_id},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def prospects_assign_owner(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        owner_id: int | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `prospectsAssignOwner` collection action; `attributes` adds body attributes
        the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "prospectsAssignOwner",
            {"ids": ids, "ownerId": owner_id},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def prospects_bulk_modify(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `prospectsBulkModify` collection action; `attributes` adds body attributes
        the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "prospectsBulkModify",
            {"ids": ids},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def prospects_destroy_all(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `prospectsDestroyAll` collection action; `attributes` adds body attributes
        the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "prospectsDestroyAll",
            {"ids": ids},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def prospects_finish_all(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `prospectsFinishAll` collection action; `attributes` adds body attributes
        the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "prospectsFinishAll",
            {"ids": ids},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def prospects_pause_all(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `prospectsPauseAll` collection action; `attributes` adds body attributes the
        OpenAPI file does not name.
        """
        document = await self._collection_action(
            "prospectsPauseAll",
            {"ids": ids},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def prospects_remove_all_assignments(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `prospectsRemoveAllAssignments` collection action; `attributes` adds body
        attributes the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "prospectsRemoveAllAssignments",
            {"ids": ids},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def prospects_remove_assignments(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        user_ids: abc.Sequence[str] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `prospectsRemoveAssignments` collection action; `attributes` adds body
        attributes the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "prospectsRemoveAssignments",
            {"ids": ids, "userIds": user_ids},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)

    async def prospects_remove_tags(
        self,
        *,
        ids: abc.Sequence[int] | None = None,
        tags: abc.Sequence[str] | None = None,
        attributes: Mapping[str, Any] | None = None,
        filter: Mapping[str, Any] | None = None,
        skip_confirmation: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Batch:
        """Run the `prospectsRemoveTags` collection action; `attributes` adds body attributes
        the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "prospectsRemoveTags",
            {"ids": ids, "tags": tags},
            attributes,
            {"filter": filter, "skipConfirmation": skip_confirmation},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Batch)


class BatchItems(Listable[BatchItem], Gettable[BatchItem]):
    """`batchItems` as `BatchItem` models: list, get."""

    model = BatchItem


class Calls(Listable[Call], Creatable[Call], Gettable[Call], Deletable[Call]):
    """`calls` as `Call` models: list, create, get, delete."""

    model = Call


class CallDispositions(
    Listable[CallDisposition],
    Creatable[CallDisposition],
    Gettable[CallDisposition],
    Updatable[CallDisposition],
    Deletable[CallDisposition],
):
    """`callDispositions` as `CallDisposition` models: list, create, get, update, delete."""

    model = CallDisposition


class CallPurposes(
    Listable[CallPurpose],
    Creatable[CallPurpose],
    Gettable[CallPurpose],
    Updatable[CallPurpose],
    Deletable[CallPurpose],
):
    """`callPurposes` as `CallPurpose` models: list, create, get, update, delete."""

    model = CallPurpose


class ComplianceRequests(
    Listable[ComplianceRequest], Creatable[ComplianceRequest], Gettable[ComplianceRequest]
):
    """`complianceRequests` as `ComplianceRequest` models: list, create, get."""

    model = ComplianceRequest


class ContentCategories(
    Listable[ContentCategory],
    Creatable[ContentCategory],
    Gettable[ContentCategory],
    Updatable[ContentCategory],
    Deletable[ContentCategory],
):
    """`contentCategories` as `ContentCategory` models: list, create, get, update, delete."""

    model = ContentCategory


class ContentCategoryMemberships(
    Listable[ContentCategoryMembership],
    Creatable[ContentCategoryMembership],
    Gettable[ContentCategoryMembership],
    Deletable[ContentCategoryMembership],
):
    """`contentCategoryMemberships` as `ContentCategoryMembership` models: list, create, get,
    delete.
    """

    model = ContentCategoryMembership


class ContentCategoryOwnerships(
    Listable[ContentCategoryOwnership],
    Creatable[ContentCategoryOwnership],
    Deletable[ContentCategoryOwnership],
):
    """`contentCategoryOwnerships` as `ContentCategoryOwnership` models: list, create, delete."""

    model = ContentCategoryOwnership


class CustomDuties(Creatable[CustomDuty]):
    """`customDuties` as `CustomDuty` models: create."""

    model = CustomDuty


class Duties(Listable[Duty]):
    """`duties` as `Duty` models: list."""

    model = Duty


class EmailAddresses(
    Listable[EmailAddress],
    Creatable[EmailAddress],
    Gettable[EmailAddress],
    Updatable[EmailAddress],
    Deletable[EmailAddress],
):
    """`emailAddresses` as `EmailAddress` models: list, create, get, update, delete."""

    model = EmailAddress


class Events(Listable[Event], Gettable[Event]):
    """`events` as `Event` models: list, get."""

    model = Event


class Favorites(Listable[Favorite], Creatable[Favorite], Gettable[Favorite], Deletable[Favorite]):
    """`favorites` as `Favorite` models: list, create, get, delete."""

    model = Favorite


class Imports(Gettable[Import]):
    """`imports` as `Import` models: get."""

    model = Import

    async def accounts_import(
        self,
        *,
        dupe_method: str | None = None,
        file_name: str | None = None,
        mappings: Mapping[str, Any] | None = None,
        record_count: int | None = None,
        storage_key: str | None = None,
        attributes: Mapping[str, Any] | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Import:
        """Run the `accountsImport` collection action; `attributes` adds body attributes the
        OpenAPI file does not name.
        """
        document = await self._collection_action(
            "accountsImport",
            {
                "dupeMethod": dupe_method,
                "fileName": file_name,
                "mappings": mappings,
                "recordCount": record_count,
                "storageKey": storage_key,
            },
            attributes,
            {},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Import)

    async def bulk_upsert(
        self,
        *,
        dupe_method: str | None = None,
        file_name: str | None = None,
        records: abc.Sequence[Mapping[str, Any]] | None = None,
        attributes: Mapping[str, Any] | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Import:
        """Run the `bulkUpsert` collection action; `attributes` adds body attributes the
        OpenAPI file does not name.
        """
        document = await self._collection_action(
            "bulkUpsert",
            {"dupeMethod": dupe_method, "fileName": file_name, "records": records},
            attributes,
            {},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Import)

    async def custom_object_bulk_upsert(
        self,
        *,
        dupe_method: str | None = None,
        file_name: str | None = None,
        records: abc.Sequence[Mapping[str, Any]] | None = None,
        attributes: Mapping[str, Any] | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Import:
        """Run the `customObjectBulkUpsert` collection action; `attributes` adds body
        attributes the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "customObjectBulkUpsert",
            {"dupeMethod": dupe_method, "fileName": file_name, "records": records},
            attributes,
            {},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Import)

    async def generate_upload_link(
        self,
        *,
        attributes: Mapping[str, Any] | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Document:
        """Run the `generateUploadLink` collection action; `attributes` adds body attributes
        the OpenAPI file does not name.
        """
        document = await self._collection_action(
            "generateUploadLink",
            {},
            attributes,
            {},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return document

    async def prospects_import(
        self,
        *,
        dupe_method: str | None = None,
        file_name: str | None = None,
        mappings: Mapping[str, Any] | None = None,
        record_count: int | None = None,
        storage_key: str | None = None,
        attributes: Mapping[str, Any] | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Import:
        """Run the `prospectsImport` collection action; `attributes` adds body attributes the
        OpenAPI file does not name.
        """
        document = await self._collection_action(
            "prospectsImport",
            {
                "dupeMethod": dupe_method,
                "fileName": file_name,
                "mappings": mappings,
                "recordCount": record_count,
                "storageKey": storage_key,
            },
            attributes,
            {},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed_document(document, Import)

    async def validate_upload(
        self,
        *,
        attributes: Mapping[str, Any] | None = None,
        hash: str,
        storage_key: str,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Document:
        """Run the `validateUpload` collection action; `attributes` adds body attributes the
        OpenAPI file does not name.
        """
        document = await self._collection_action(
            "validateUpload",
            {},
            attributes,
            {"hash": hash, "storageKey": storage_key},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return document


class KaiaRecordings(Listable[KaiaRecording], Gettable[KaiaRecording]):
    """`kaiaRecordings` as `KaiaRecording` models: list, get."""

    model = KaiaRecording


class KaiaVoiceImports(Creatable[KaiaVoiceImport]):
    """`kaiaVoiceImports` as `KaiaVoiceImport` models: create."""

    model = KaiaVoiceImport


class MailAliases(Listable[MailAlias], Gettable[MailAlias]):
    """`mailAliases` as `MailAlias` models: list, get."""

    model = MailAlias


class Mailboxes(
    Listable[Mailbox], Creatable[Mailbox], Gettable[Mailbox], Updatable[Mailbox], Deletable[Mailbox]
):
    """`mailboxes` as `Mailbox` models: list, create, get, update, delete."""

    model = Mailbox

    async def link_ews_master_account(
        self,
        resource: IdLike,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Resource:
        """Run the `linkEwsMasterAccount` action on one mailbox."""
        answer = await self._member_action(
            resource,
            "linkEwsMasterAccount",
            {},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return answer

    async def test_send(
        self,
        resource: IdLike,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Mailbox:
        """Run the `testSend` action on one mailbox."""
        answer = await self._member_action(
            resource, "testSend", {}, timeout=timeout, extra_headers=extra_headers, retry=retry
        )
        return self._typed(answer, Mailbox)

    async def test_sync(
        self,
        resource: IdLike,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Mailbox:
        """Run the `testSync` action on one mailbox."""
        answer = await self._member_action(
            resource, "testSync", {}, timeout=timeout, extra_headers=extra_headers, retry=retry
        )
        return self._typed(answer, Mailbox)

    async def unlink_ews_master_account(
        self,
        resource: IdLike,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Resource:
        """Run the `unlinkEwsMasterAccount` action on one mailbox."""
        answer = await self._member_action(
            resource,
            "unlinkEwsMasterAccount",
            {},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return answer


class Mailings(Listable[Mailing], Creatable[Mailing], Gettable[Mailing]):
    """`mailings` as `Mailing` models: list, create, get."""

    model = Mailing


class Opportunities(
    Listable[Opportunity],
    Creatable[Opportunity],
    Gettable[Opportunity],
    Updatable[Opportunity],
    Deletable[Opportunity],
):
    """`opportunities` as `Opportunity` models: list, create, get, update, delete."""

    model = Opportunity


class OpportunityProspectRoles(
    Listable[OpportunityProspectRole],
    Creatable[OpportunityProspectRole],
    Gettable[OpportunityProspectRole],
    Updatable[OpportunityProspectRole],
    Deletable[OpportunityProspectRole],
):
    """`opportunityProspectRoles` as `OpportunityProspectRole` models: list, create, get,
    update, delete.
    """

    model = OpportunityProspectRole


class OpportunityStages(
    Listable[OpportunityStage],
    Creatable[OpportunityStage],
    Gettable[OpportunityStage],
    Updatable[OpportunityStage],
    Deletable[OpportunityStage],
):
    """`opportunityStages` as `OpportunityStage` models: list, create, get, update, delete."""

    model = OpportunityStage


class OrgSettings(Gettable[OrgSetting], Updatable[OrgSetting]):
    """`orgSettings` as `OrgSetting` models: get, update."""

    model = OrgSetting


class Personas(
    Listable[Persona], Creatable[Persona], Gettable[Persona], Updatable[Persona], Deletable[Persona]
):
    """`personas` as `Persona` models: list, create, get, update, delete."""

    model = Persona


class PhoneNumbers(
    Listable[PhoneNumber],
    Creatable[PhoneNumber],
    Gettable[PhoneNumber],
    Updatable[PhoneNumber],
    Deletable[PhoneNumber],
):
    """`phoneNumbers` as `PhoneNumber` models: list, create, get, update, delete."""

    model = PhoneNumber


class Products(
    Listable[Product], Creatable[Product], Gettable[Product], Updatable[Product], Deletable[Product]
):
    """`products` as `Product` models: list, create, get, update, delete."""

    model = Product


class Profiles(
    Listable[Profile], Creatable[Profile], Gettable[Profile], Updatable[Profile], Deletable[Profile]
):
    """`profiles` as `Profile` models: list, create, get, update, delete."""

    model = Profile


class Prospects(
    Listable[Prospect],
    Creatable[Prospect],
    Gettable[Prospect],
    Updatable[Prospect],
    Deletable[Prospect],
):
    """`prospects` as `Prospect` models: list, create, get, update, delete."""

    model = Prospect


class ProspectNotes(
    Listable[ProspectNote],
    Creatable[ProspectNote],
    Gettable[ProspectNote],
    Updatable[ProspectNote],
    Deletable[ProspectNote],
):
    """`prospectNotes` as `ProspectNote` models: list, create, get, update, delete."""

    model = ProspectNote


class Purchases(
    Listable[Purchase],
    Creatable[Purchase],
    Gettable[Purchase],
    Updatable[Purchase],
    Deletable[Purchase],
):
    """`purchases` as `Purchase` models: list, create, get, update, delete."""

    model = Purchase


class Recipients(
    Listable[Recipient],
    Creatable[Recipient],
    Gettable[Recipient],
    Updatable[Recipient],
    Deletable[Recipient],
):
    """`recipients` as `Recipient` models: list, create, get, update, delete."""

    model = Recipient


class Roles(Listable[Role], Creatable[Role], Gettable[Role], Updatable[Role], Deletable[Role]):
    """`roles` as `Role` models: list, create, get, update, delete."""

    model = Role


class Rulesets(
    Listable[Ruleset], Creatable[Ruleset], Gettable[Ruleset], Updatable[Ruleset], Deletable[Ruleset]
):
    """`rulesets` as `Ruleset` models: list, create, get, update, delete."""

    model = Ruleset


class SequencesBase(
    Listable[Sequence],
    Creatable[Sequence],
    Gettable[Sequence],
    Updatable[Sequence],
    Deletable[Sequence],
):
    """`sequences` as `Sequence` models: list, create, get, update, delete."""

    model = Sequence

    async def activate(
        self,
        resource: IdLike,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Sequence:
        """Run the `activate` action on one sequence."""
        answer = await self._member_action(
            resource, "activate", {}, timeout=timeout, extra_headers=extra_headers, retry=retry
        )
        return self._typed(answer, Sequence)

    async def deactivate(
        self,
        resource: IdLike,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Sequence:
        """Run the `deactivate` action on one sequence."""
        answer = await self._member_action(
            resource, "deactivate", {}, timeout=timeout, extra_headers=extra_headers, retry=retry
        )
        return self._typed(answer, Sequence)


class SequenceStatesBase(
    Listable[SequenceState],
    Creatable[SequenceState],
    Gettable[SequenceState],
    Deletable[SequenceState],
):
    """`sequenceStates` as `SequenceState` models: list, create, get, delete."""

    model = SequenceState

    async def finish(
        self,
        resource: IdLike,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> SequenceState:
        """Run the `finish` action on one sequenceState."""
        answer = await self._member_action(
            resource, "finish", {}, timeout=timeout, extra_headers=extra_headers, retry=retry
        )
        return self._typed(answer, SequenceState)

    async def pause(
        self,
        resource: IdLike,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> SequenceState:
        """Run the `pause` action on one sequenceState."""
        answer = await self._member_action(
            resource, "pause", {}, timeout=timeout, extra_headers=extra_headers, retry=retry
        )
        return self._typed(answer, SequenceState)

    async def resume(
        self,
        resource: IdLike,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> SequenceState:
        """Run the `resume` action on one sequenceState."""
        answer = await self._member_action(
            resource, "resume", {}, timeout=timeout, extra_headers=extra_headers, retry=retry
        )
        return self._typed(answer, SequenceState)


class SequenceSteps(
    Listable[SequenceStep], Creatable[SequenceStep], Gettable[SequenceStep], Updatable[SequenceStep]
):
    """`sequenceSteps` as `SequenceStep` models: list, create, get, update."""

    model = SequenceStep


class SequenceTemplates(
    Listable[SequenceTemplate],
    Creatable[SequenceTemplate],
    Gettable[SequenceTemplate],
    Updatable[SequenceTemplate],
    Deletable[SequenceTemplate],
):
    """`sequenceTemplates` as `SequenceTemplate` models: list, create, get, update, delete."""

    model = SequenceTemplate

    async def activate(
        self,
        resource: IdLike,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> SequenceTemplate:
        """Run the `activate` action on one sequenceTemplate."""
        answer = await self._member_action(
            resource, "activate", {}, timeout=timeout, extra_headers=extra_headers, retry=retry
        )
        return self._typed(answer, SequenceTemplate)

    async def deactivate(
        self,
        resource: IdLike,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> SequenceTemplate:
        """Run the `deactivate` action on one sequenceTemplate."""
        answer = await self._member_action(
            resource, "deactivate", {}, timeout=timeout, extra_headers=extra_headers, retry=retry
        )
        return self._typed(answer, SequenceTemplate)


class Snippets(
    Listable[Snippet], Creatable[Snippet], Gettable[Snippet], Updatable[Snippet], Deletable[Snippet]
):
    """`snippets` as `Snippet` models: list, create, get, update, delete."""

    model = Snippet


class Stages(
    Listable[Stage], Creatable[Stage], Gettable[Stage], Updatable[Stage], Deletable[Stage]
):
    """`stages` as `Stage` models: list, create, get, update, delete."""

    model = Stage


class Tasks(Listable[Task], Creatable[Task], Gettable[Task], Updatable[Task], Deletable[Task]):
    """`tasks` as `Task` models: list, create, get, update, delete."""

    model = Task

    async def advance(
        self,
        resource: IdLike,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Task:
        """Run the `advance` action on one task."""
        answer = await self._member_action(
            resource, "advance", {}, timeout=timeout, extra_headers=extra_headers, retry=retry
        )
        return self._typed(answer, Task)

    async def deliver(
        self,
        resource: IdLike,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Task:
        """Run the `deliver` action on one task."""
        answer = await self._member_action(
            resource, "deliver", {}, timeout=timeout, extra_headers=extra_headers, retry=retry
        )
        return self._typed(answer, Task)

    async def log_meet_in_person(
        self,
        resource: IdLike,
        *,
        completion_note: str | None = None,
        task_disposition_id: int,
        task_purpose_id: int | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Task:
        """Run the `logMeetInPerson` action on one task."""
        answer = await self._member_action(
            resource,
            "logMeetInPerson",
            {
                "completionNote": completion_note,
                "taskDispositionId": task_disposition_id,
                "taskPurposeId": task_purpose_id,
            },
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed(answer, Task)

    async def mark_complete(
        self,
        resource: IdLike,
        *,
        completion_action: str | None = None,
        completion_note: str | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Task:
        """Run the `markComplete` action on one task."""
        answer = await self._member_action(
            resource,
            "markComplete",
            {"completionAction": completion_action, "completionNote": completion_note},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed(answer, Task)

    async def reassign_owner(
        self,
        resource: IdLike,
        *,
        owner_id: int,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Task:
        """Run the `reassignOwner` action on one task."""
        answer = await self._member_action(
            resource,
            "reassignOwner",
            {"ownerId": owner_id},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed(answer, Task)

    async def reschedule(
        self,
        resource: IdLike,
        *,
        due_at: datetime,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Task:
        """Run the `reschedule` action on one task."""
        answer = await self._member_action(
            resource,
            "reschedule",
            {"dueAt": due_at},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed(answer, Task)

    async def snooze(
        self,
        resource: IdLike,
        *,
        due_at: datetime | None = None,
        mark_as_urgent: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Task:
        """Run the `snooze` action on one task."""
        answer = await self._member_action(
            resource,
            "snooze",
            {"dueAt": due_at, "markAsUrgent": mark_as_urgent},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed(answer, Task)

    async def update_note(
        self,
        resource: IdLike,
        *,
        note: str,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Task:
        """Run the `updateNote` action on one task."""
        answer = await self._member_action(
            resource,
            "updateNote",
            {"note": note},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed(answer, Task)

    async def update_opportunity_association(
        self,
        resource: IdLike,
        *,
        opportunity_association: str,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Task:
        """Run the `updateOpportunityAssociation` action on one task."""
        answer = await self._member_action(
            resource,
            "updateOpportunityAssociation",
            {"opportunityAssociation": opportunity_association},
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._typed(answer, Task)


class TaskDispositions(
    Listable[TaskDisposition],
    Creatable[TaskDisposition],
    Gettable[TaskDisposition],
    Updatable[TaskDisposition],
    Deletable[TaskDisposition],
):
    """`taskDispositions` as `TaskDisposition` models: list, create, get, update, delete."""

    model = TaskDisposition


class TaskPriorities(Listable[TaskPriority], Gettable[TaskPriority]):
    """`taskPriorities` as `TaskPriority` models: list, get."""

    model = TaskPriority


class TaskPurposes(
    Listable[TaskPurpose],
    Creatable[TaskPurpose],
    Gettable[TaskPurpose],
    Updatable[TaskPurpose],
    Deletable[TaskPurpose],
):
    """`taskPurposes` as `TaskPurpose` models: list, create, get, update, delete."""

    model = TaskPurpose


class Teams(Listable[Team], Creatable[Team], Gettable[Team], Updatable[Team], Deletable[Team]):
    """`teams` as `Team` models: list, create, get, update, delete."""

    model = Team


class Templates(
    Listable[Template],
    Creatable[Template],
    Gettable[Template],
    Updatable[Template],
    Deletable[Template],
):
    """`templates` as `Template` models: list, create, get, update, delete."""

    model = Template


class Users(Listable[User], Creatable[User], Gettable[User], Updatable[User]):
    """`users` as `User` models: list, create, get, update."""

    model = User


class Webhooks(
    Listable[Webhook], Creatable[Webhook], Gettable[Webhook], Updatable[Webhook], Deletable[Webhook]
):
    """`webhooks` as `Webhook` models: list, create, get, update, delete."""

    model = Webhook
