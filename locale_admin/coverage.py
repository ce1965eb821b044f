"""Czech coverage of the Wagtail and wagtail-localize admin strings, before and after locale_admin/.

    python locale_admin/coverage.py            # summary
    python locale_admin/coverage.py --missing  # also list what is still untranslated

The source of truth for "all strings" is each package's English catalogue (``locale/en/LC_MESSAGES``), which
Wagtail and wagtail-localize regenerate from their code at release. A message counts as translated the way
Django resolves it at runtime:

* ``django`` domain: Django merges the catalogues of all installed apps, so a message is covered if any
  installed Wagtail / wagtail-localize app's Czech catalogue translates it (non-empty, not fuzzy);
* ``djangojs`` domain: each JavaScript catalogue view only loads its own package (``wagtail.admin`` or
  ``wagtail_localize``), so only that package's catalogue counts;
* "after" additionally counts ``locale_admin/cs/LC_MESSAGES/<domain>.po`` (loaded through LOCALE_PATHS).

Because LANGUAGE_CODE is "de", Django falls back to the German catalogue for anything missing in Czech:
the "German fallback" column counts the messages a Czech editor would see in German.

Only stdlib + polib. Run with the project's virtualenv so the packages are found.
"""

import argparse
import importlib.util
import re
import sys
from collections import defaultdict
from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent

# (label, package, locale dir inside the package, domains) -- the catalogues of the apps in INSTALLED_APPS
# (wagtail.locales is replaced by wagtail_localize.locales; routable_page and sitemaps ship no strings).
CATALOGUES = [
    ("wagtail", "wagtail", "locale", ["django"]),
    ("wagtail.admin", "wagtail", "admin/locale", ["django", "djangojs"]),
    ("wagtail.users", "wagtail", "users/locale", ["django"]),
    ("wagtail.snippets", "wagtail", "snippets/locale", ["django"]),
    ("wagtail.documents", "wagtail", "documents/locale", ["django"]),
    ("wagtail.images", "wagtail", "images/locale", ["django"]),
    ("wagtail.search", "wagtail", "search/locale", ["django"]),
    ("wagtail.sites", "wagtail", "sites/locale", ["django"]),
    ("wagtail.embeds", "wagtail", "embeds/locale", ["django"]),
    ("wagtail.contrib.forms", "wagtail", "contrib/forms/locale", ["django"]),
    ("wagtail.contrib.redirects", "wagtail", "contrib/redirects/locale", ["django"]),
    ("wagtail.contrib.settings", "wagtail", "contrib/settings/locale", ["django"]),
    ("wagtail_localize", "wagtail_localize", "locale", ["django", "djangojs"]),
    ("wagtail_localize.locales", "wagtail_localize", "locales/locale", ["django"]),
]

# The screens Czech partner editors use, by the source files their strings come from.
# An entry belongs to every screen one of its source references matches.
SCREENS = [
    (
        "Page explorer & editor (actions, status, revisions, preview, locks)",
        r"^wagtail\.admin:(action_menu\.py|forms/(pages|models|comments)\.py|panels/|ui/side_panels\.py"
        r"|views/(pages|generic|page_privacy|chooser)"
        r"|templates/wagtailadmin/(pages|panels|generic|shared|chooser|page_privacy|collections/_privacy|tables)"
        r"|templatetags/|edit_handlers|utils\.py|viewsets/chooser\.py|widgets/|templates/wagtailadmin/(base|skeleton)\.html)"
        r"|^wagtail:(locks\.py|models/(pages|preview|revisions|view_restrictions|reference_index|i18n)\.py"
        r"|wagtail_hooks\.py|blocks/|fields\.py|coreutils\.py)",
    ),
    (
        "Workflows, tasks, moderation & notification e-mails",
        r"^wagtail\.admin:(templates/wagtailadmin/(workflows|notifications"
        r"|home/(workflow|user_objects|user_pages_in_workflow|task))|views/workflows\.py|forms/workflows\.py"
        r"|templates/wagtailadmin/shared/workflow_history|views/generic/workflow\.py"
        r"|templates/wagtailadmin/generic/confirm_workflow)"
        r"|^wagtail:models/workflows\.py",
    ),
    (
        "Dashboard",
        r"^wagtail\.admin:(templates/wagtailadmin/home/|views/home\.py)"
        r"|^wagtail\.(images|documents):templates/wagtail(images|docs)/homepage/",
    ),
    ("Snippets listing & editing", r"^wagtail\.snippets:"),
    ("Images & documents (choosers, upload, listings)", r"^wagtail\.(images|documents):"),
    (
        "Listings, filters, bulk actions & admin search",
        r"^wagtail\.admin:(forms/search\.py|filters\.py|active_filters\.py|localization\.py|paginator\.py|ui/tables/"
        r"|templates/wagtailadmin/(shared/(headers|active_filters)|bulk_actions|pages/bulk_actions|pages/listing"
        r"|pages/search)|views/pages/(bulk_actions|listing|search))"
        r"|^wagtail\.search:",
    ),
    ("Reports", r"^wagtail\.admin:(templates/wagtailadmin/reports/|views/reports/|views/pages/usage\.py)"),
    (
        "Account settings",
        r"^wagtail\.admin:(templates/wagtailadmin/account/|views/account\.py|forms/account\.py)"
        r"|^wagtail\.users:models\.py",
    ),
    ("wagtail-localize (translation editor, sync, locales)", r"^wagtail_localize"),
    ("Admin JavaScript (Draftail, comments, sidebar, autosave)", r"^wagtail\.admin\[js\]:"),
]


def package_dir(name):
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"package {name!r} not found; run with the project's virtualenv")
    return Path(list(spec.submodule_search_locations)[0])


def key(entry):
    return (entry.msgctxt, entry.msgid)


def translated(entry):
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def translated_keys(path):
    if not path.exists():
        return set()
    return {key(e) for e in polib.pofile(str(path)) if translated(e)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--missing", action="store_true", help="list messages still untranslated after locale_admin")
    args = parser.parse_args()

    rows = []  # (label, domain, entries)
    # runtime sets: django domain merged over all installed apps; djangojs per package
    runtime = defaultdict(set)
    german = defaultdict(set)
    for label, package, rel, domains in CATALOGUES:
        base = package_dir(package) / rel
        for domain in domains:
            source = base / "en" / "LC_MESSAGES" / f"{domain}.po"
            if not source.exists():
                continue
            entries = [e for e in polib.pofile(str(source)) if not e.obsolete and e.msgid]
            scope = "django" if domain == "django" else f"js:{label}"
            runtime[scope] |= translated_keys(base / "cs" / "LC_MESSAGES" / f"{domain}.po")
            german[scope] |= translated_keys(base / "de" / "LC_MESSAGES" / f"{domain}.po")
            rows.append((label, domain, scope, base, entries))

    ours = {d: translated_keys(HERE / "cs" / "LC_MESSAGES" / f"{d}.po") for d in ("django", "djangojs")}

    print("Czech coverage of Wagtail + wagtail-localize admin strings (messages from the packages' English catalogues)")
    print()
    header = f"{'catalogue':34} {'msgs':>5} {'own cs':>12} {'before':>12} {'after':>12} {'de fallback':>11}"
    print(header)
    print("-" * len(header))
    totals = defaultdict(int)
    screen_totals = defaultdict(lambda: defaultdict(int))
    still_missing = []
    for label, domain, scope, base, entries in rows:
        own = translated_keys(base / "cs" / "LC_MESSAGES" / f"{domain}.po")
        n = len(entries)
        n_own = sum(key(e) in own for e in entries)
        before = [key(e) in runtime[scope] for e in entries]
        after = [b or key(e) in ours[domain] for b, e in zip(before, entries, strict=True)]
        fallback_before = sum((not b) and key(e) in german[scope] for b, e in zip(before, entries, strict=True))
        fallback_after = sum((not a) and key(e) in german[scope] for a, e in zip(after, entries, strict=True))
        name = label + (" [js]" if domain == "djangojs" else "")
        print(
            f"{name:34} {n:5} {n_own:5} {pct(n_own, n):>6} {sum(before):5} {pct(sum(before), n):>6} "
            f"{sum(after):5} {pct(sum(after), n):>6} {fallback_before:4} → {fallback_after:<4}"
        )
        for k, v in (
            ("n", n),
            ("own", n_own),
            ("before", sum(before)),
            ("after", sum(after)),
            ("fb_before", fallback_before),
            ("fb_after", fallback_after),
        ):
            totals[k] += v
        tag = label + ("[js]" if domain == "djangojs" else "")
        for e, b, a in zip(entries, before, after, strict=True):
            refs = [f"{tag}:{path}" for path, _line in e.occurrences] or [f"{tag}:"]
            for title, pattern in SCREENS:
                if any(re.search(pattern, ref) for ref in refs):
                    st = screen_totals[title]
                    st["n"] += 1
                    st["before"] += b
                    st["after"] += a
            if not a:
                still_missing.append((name, e))
    print("-" * len(header))
    n = totals["n"]
    print(
        f"{'TOTAL':34} {n:5} {totals['own']:5} {pct(totals['own'], n):>6} {totals['before']:5} "
        f"{pct(totals['before'], n):>6} {totals['after']:5} {pct(totals['after'], n):>6} "
        f"{totals['fb_before']:4} → {totals['fb_after']:<4}"
    )
    print()
    print("own cs = the package's own Czech catalogue alone; before = what Django resolves from all installed")
    print("Wagtail/wagtail-localize Czech catalogues; after = plus locale_admin/; de fallback = messages shown in")
    print("German (LANGUAGE_CODE) because Czech has none, before → after.")
    print()
    print("Prioritised admin screens (an entry counts in every screen it is used in):")
    sh = f"{'screen':66} {'msgs':>5} {'before':>12} {'after':>12}"
    print(sh)
    print("-" * len(sh))
    for title, _pattern in SCREENS:
        st = screen_totals[title]
        print(
            f"{title:66} {st['n']:5} {st['before']:5} {pct(st['before'], st['n']):>6} "
            f"{st['after']:5} {pct(st['after'], st['n']):>6}"
        )
    print()
    print(f"locale_admin/: {len(ours['django'])} django + {len(ours['djangojs'])} djangojs messages")
    if still_missing:
        print(f"still untranslated after locale_admin: {len(still_missing)}")
        if args.missing:
            for name, e in still_missing:
                print(f"  {name}: {e.msgid!r}")
    else:
        print("still untranslated after locale_admin: none")


def pct(part, whole):
    return f"{100 * part / whole:.1f}%" if whole else "-"


if __name__ == "__main__":
    main()
