"""Newsroom roles as Wagtail groups: role groups carry model rights, desk groups carry page rights.

Every function takes an app registry so the data migration can run it on historical models;
code at run time uses the default (the real models). Changing a table below needs a new migration
that calls the changed function again: existing databases only change when a migration runs.
"""

from django.apps import apps as global_apps

WARTAWAN = "Wartawan"
REDAKTUR = "Redaktur"
REDAKTUR_PELAKSANA = "Redaktur Pelaksana"
PEMIMPIN_REDAKSI = "Pemimpin Redaksi"
FOTOGRAFER = "Fotografer"
ADMIN = "Admin"

ROLES = (WARTAWAN, REDAKTUR, REDAKTUR_PELAKSANA, PEMIMPIN_REDAKSI, FOTOGRAFER, ADMIN)
DESK_ROLES = (WARTAWAN, REDAKTUR)
ALL_DESK_ROLES = (REDAKTUR_PELAKSANA, PEMIMPIN_REDAKSI, ADMIN)
DESK_SEPARATOR = " · "
REVIEW = "Tinjauan"  # the review step's name, as the admin shows it: "Pengajuan ke Tinjauan · News"


def _manage(*models):
    """Add, change and delete permissions of `app_label.model` names."""
    pairs = [model.split(".") for model in models]
    return [f"{app}.{action}_{name}" for app, name in pairs for action in ("add", "change", "delete")]


_ADMIN_ACCESS = ["wagtailadmin.access_admin"]
_DESK_CHIEF = [*_ADMIN_ACCESS, *_manage("people.person", "sections.tag"), "core.change_sitesettings"]

MODEL_PERMISSIONS = {
    WARTAWAN: _ADMIN_ACCESS,
    REDAKTUR: _ADMIN_ACCESS,
    REDAKTUR_PELAKSANA: _DESK_CHIEF,
    PEMIMPIN_REDAKSI: _DESK_CHIEF,
    FOTOGRAFER: [*_ADMIN_ACCESS, *_manage("media.video")],
    ADMIN: [
        *_DESK_CHIEF,
        *_manage("media.video", "newsroom.user", "auth.group", "wagtailcore.site", "wagtailcore.collection"),
        *_manage("wagtailcore.workflow", "wagtailcore.task", "wagtailredirects.redirect"),
    ],
}

_PHOTOS_OWN = ["wagtailimages.add_image", "wagtailimages.choose_image"]
_PHOTOS_ALL = [*_manage("wagtailimages.image"), "wagtailimages.choose_image"]
COLLECTION_PERMISSIONS = {
    WARTAWAN: _PHOTOS_OWN,
    REDAKTUR: _PHOTOS_OWN,
    REDAKTUR_PELAKSANA: _PHOTOS_OWN,
    PEMIMPIN_REDAKSI: _PHOTOS_OWN,
    FOTOGRAFER: _PHOTOS_ALL,
    ADMIN: [*_PHOTOS_ALL, *_manage("wagtaildocs.document"), "wagtaildocs.choose_document"],
}

_EDIT_PAGES = ["wagtailcore.add_page", "wagtailcore.change_page"]
_RUN_PAGES = [*_EDIT_PAGES, "wagtailcore.publish_page", "wagtailcore.lock_page", "wagtailcore.unlock_page"]
PAGE_PERMISSIONS = {
    WARTAWAN: _EDIT_PAGES,  # on their desks' sections
    REDAKTUR: _RUN_PAGES,  # on their desks' sections
    REDAKTUR_PELAKSANA: _RUN_PAGES,  # on every site's home page
    PEMIMPIN_REDAKSI: _RUN_PAGES,  # on every site's home page
    ADMIN: [*_RUN_PAGES, "wagtailcore.bulk_delete_page"],  # on the tree root
}


def permissions(names, apps=global_apps):
    """Return the Permission rows for `app_label.codename` names; fail naming any that is missing."""
    Permission = apps.get_model("auth", "Permission")
    found = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.filter(codename__in=[n.split(".")[1] for n in names]).select_related("content_type")
    }
    missing = sorted(set(names) - set(found))
    if missing:
        raise LookupError(f"Missing permissions: {', '.join(missing)}")
    return [found[name] for name in names]


def set_up_roles(apps=global_apps):
    """Create the role groups with their model, photo-library and all-desk page permissions (idempotent)."""
    Group = apps.get_model("auth", "Group")
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.add(*permissions(MODEL_PERMISSIONS[role], apps))
        grant_collection_permissions(group, COLLECTION_PERMISSIONS[role], apps)
        if role in ALL_DESK_ROLES:
            for page_id in all_desk_page_ids(role, apps):
                grant_page_permissions(group, page_id, PAGE_PERMISSIONS[role], apps)


def all_desk_page_ids(role, apps=global_apps):
    """Where an all-desk role's page permissions sit: the tree root for Admin, every site's home page else."""
    if role == ADMIN:
        return list(apps.get_model("wagtailcore", "Page").objects.filter(depth=1).values_list("pk", flat=True))
    return list(apps.get_model("wagtailcore", "Site").objects.values_list("root_page_id", flat=True))


def grant_collection_permissions(group, names, apps=global_apps):
    """Grant photo/document permissions on the root collection, so they cover the whole library."""
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = apps.get_model("wagtailcore", "Collection").objects.get(depth=1)
    for permission in permissions(names, apps):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def grant_page_permissions(group, page_id, names, apps=global_apps):
    """Grant page permissions on a page; Wagtail extends them to every page below it."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for permission in permissions(names, apps):
        GroupPagePermission.objects.get_or_create(group=group, page_id=page_id, permission=permission)


def desk_group_name(role, section, apps=global_apps):
    """ "Redaktur · News"; with the section's id when another desk already holds that name (same title)."""
    name = f"{role}{DESK_SEPARATOR}{section.title}"[:140]
    others = apps.get_model("auth", "Group").objects.filter(name=name).exclude(page_permissions__page_id=section.pk)
    return f"{name} ({section.pk})" if others.exists() else name


def desk_group(section, role, apps=global_apps):
    """The desk's group for `role`, found by its page permission on the section (it survives a rename)."""
    Group = apps.get_model("auth", "Group")
    prefix = f"{role}{DESK_SEPARATOR}"
    return Group.objects.filter(name__startswith=prefix, page_permissions__page_id=section.pk).distinct().first()


def set_up_desk(section, apps=global_apps):
    """Give a section its desk groups ("Redaktur · News", "Wartawan · News") and review workflow (idempotent)."""
    groups = {role: set_up_desk_group(section, role, apps) for role in DESK_ROLES}
    set_up_desk_workflow(section, groups[REDAKTUR], apps)
    return groups


def set_up_desk_group(section, role, apps=global_apps):
    """Create or rename the section's group for a desk role and grant it the role's page permissions."""
    name = desk_group_name(role, section, apps)
    group = desk_group(section, role, apps)
    if group is None:
        group = apps.get_model("auth", "Group").objects.create(name=name)
    rename(group, name)
    grant_page_permissions(group, section.pk, PAGE_PERMISSIONS[role], apps)
    return group


def set_up_desk_workflow(section, editors, apps=global_apps):
    """Assign the section a one-step review: its desk editors and the all-desk roles approve."""
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    name = f"{REVIEW}{DESK_SEPARATOR}{section.title}"[:255]
    assignment = WorkflowPage.objects.filter(page_id=section.pk).select_related("workflow").first()
    if assignment is not None:
        rename_review(assignment.workflow, name, apps)
        return assignment.workflow
    workflow = apps.get_model("wagtailcore", "Workflow").objects.create(name=name, active=True)
    task = create_approval_task(name, [editors, *all_desk_groups(apps)], apps)
    apps.get_model("wagtailcore", "WorkflowTask").objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(page_id=section.pk, workflow=workflow)
    return workflow


def create_approval_task(name, groups, apps=global_apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = apps.get_model("wagtailcore", "GroupApprovalTask").objects.create(
        name=name, content_type=content_type, active=True
    )
    task.groups.set(groups)
    return task


def all_desk_groups(apps=global_apps):
    return list(apps.get_model("auth", "Group").objects.filter(name__in=ALL_DESK_ROLES))


def rename_review(workflow, name, apps=global_apps):
    """Follow a section's new title in its review workflow and task, unless someone renamed them by hand."""
    prefix = f"{REVIEW}{DESK_SEPARATOR}"
    if not workflow.name.startswith(prefix):
        return
    rename(workflow, name)
    Task = apps.get_model("wagtailcore", "Task")
    for task in Task.objects.filter(workflow_tasks__workflow=workflow, name__startswith=prefix):
        rename(task, name)


def rename(obj, name):
    if obj.name != name:
        obj.name = name
        obj.save(update_fields=["name"])
