#!/usr/bin/env bash
# Fails (exit 1) when a German or Czech catalogue has untranslated or fuzzy
# entries, or does not compile. Usage: bash locale/check_translations.sh
set -u
cd "$(dirname "$0")" || exit 2
command -v msgfmt >/dev/null || { echo "msgfmt not found (install gettext)" >&2; exit 2; }
status=0
for lang in de cs; do
    po="$lang/LC_MESSAGES/django.po"
    if [ ! -f "$po" ]; then
        echo "$po: missing" >&2; status=1; continue
    fi
    if ! stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
        echo "$stats" >&2; echo "$po: msgfmt --check failed" >&2; status=1; continue
    fi
    summary=$(printf '%s\n' "$stats" | grep 'translated message' | tail -n 1)
    echo "$lang: $summary"
    if printf '%s\n' "$summary" | grep -Eq 'fuzzy|untranslated'; then
        echo "$po: has fuzzy or untranslated entries" >&2; status=1
    fi
done
exit $status
