"""Writes through the Django admin bypass the services, so the admin classes that allow them mix in
`AuditedAdminMixin`: each save and delete is recorded in the audit log (`core.audit.record`, with
the changed fields old → new) and, for public content, `core.content.content_changed()` is called."""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .audit import audited_fields, changes_between, record, record_save, snapshot, stored_snapshot, without_empty
from .content import content_changed


def references(obj: models.Model) -> list[str]:
    """What still refers to `obj` through a link that deleting it would silently cut (a
    many-to-many, or a foreign key that is set to NULL): "2 tiltak", … Knows no app: it reads the
    model's reverse relations, so a higher layer's links count without an import."""
    found = []
    for rel in obj._meta.related_objects:
        if rel.related_model._meta.auto_created or rel.related_model.__name__.startswith("Historical"):
            continue
        if not (rel.many_to_many or getattr(rel, "on_delete", None) is models.SET_NULL):
            continue
        count = rel.related_model._base_manager.filter(**{rel.field.name: obj}).count()
        if count:
            found.append(f"{count} {rel.related_model._meta.verbose_name_plural}")
    return found


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

    #: Refuse to delete an object that others still refer to (`references`).
    protect_when_referenced = False

    def delete_refusal(self, obj) -> str:
        """Why `obj` must not be deleted ("" when it may): data with content is kept (archived,
        ended, cancelled) instead. Shown by the admin's delete pages like a protected relation."""
        if self.protect_when_referenced and (used := references(obj)):
            return _("«%(obj)s» er i bruk (%(used)s) og kan ikke slettes.") % {
                "obj": capfirst(str(obj)),
                "used": ", ".join(used),
            }
        return ""

    def get_deleted_objects(self, objs, request):
        # Both the delete page and the "delete selected" action refuse when `protected` is not empty.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        refusals = [refusal for obj in objs if (refusal := self.delete_refusal(obj))]
        if refusals:  # the refusal says why (a read-only related admin would only say "no permission")
            perms_needed = set()
        return deleted, counts, perms_needed, [*protected, *refusals]

    def _check_deletable(self, objs) -> None:
        refusals = [refusal for obj in objs if (refusal := self.delete_refusal(obj))]
        if refusals:
            raise PermissionDenied(" ".join(refusals))

    def delete_model(self, request, obj):
        self._check_deletable([obj])
        self._record_delete(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._check_deletable(queryset)
        for obj in queryset:
            self._record_delete(request, obj)
        super().delete_queryset(request, queryset)


class ReadOnlyAdminMixin:
    """For models whose writes belong to a service (and its audit entry): the Django admin, an
    emergency tool for superusers, only shows them. Put it before ModelAdmin in the bases.
    `allow_delete`: deleting stays possible where no service deletes (guarded by the admin's
    refusals, `AuditedAdminMixin.delete_refusal`, and audited)."""

    allow_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return self.allow_delete and super().has_delete_permission(request, obj)

    def history_form_view(self, request, *args, **kwargs):
        # django-simple-history's "revert" page saves on POST without asking for the change permission.
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, *args, **kwargs)
