"""Writes through the Django admin bypass the services, so the admin classes that allow them mix in
`AuditedAdminMixin`: each save and delete is recorded in the audit log (`core.audit.record`, with
the changed fields old → new) and, for public content, `core.content.content_changed()` is called."""

from .audit import audited_fields, changes_between, record, record_save, snapshot, stored_snapshot, without_empty
from .content import content_changed


class AuditedAdminMixin:
    """Put it before ModelAdmin (or SimpleHistoryAdmin) in the bases."""

    #: Whether the model is shown on public pages (then a change bumps the content version).
    public_content = True
    #: Fields never written to the audit log (secrets, personal data).
    audit_exclude: tuple[str, ...] = ()

    def _audit_fields(self):
        return audited_fields(self.model, exclude=self.audit_exclude)

    def save_model(self, request, obj, form, change):
        # The form has already changed `obj`: the old values come from the database.
        obj._audit_before = stored_snapshot(obj, self._audit_fields()) if change else {}
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)  # many-to-many fields and inlines
        obj = form.instance
        before = getattr(obj, "_audit_before", {})
        entry = record_save(request.user, obj, before, self._audit_fields(), created=not change)
        if entry is None and any(formset.has_changed() for formset in formsets):  # only inlines changed
            entry = record(request.user, f"{obj._meta.app_label}.{obj._meta.model_name}.update", obj, {})
        if entry is not None and self.public_content:
            content_changed(obj)

    def _record_delete(self, request, obj) -> None:
        before = without_empty(snapshot(obj, self._audit_fields()))
        record(request.user, f"{obj._meta.app_label}.{obj._meta.model_name}.delete", obj, changes_between(before, {}))
        if self.public_content:
            content_changed(obj)

    def delete_model(self, request, obj):
        self._record_delete(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self._record_delete(request, obj)
        super().delete_queryset(request, queryset)


class ReadOnlyAdminMixin:
    """For models whose writes belong to a service (and its audit entry): the Django admin, an
    emergency tool for superusers, only shows them. Put it before ModelAdmin in the bases."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
