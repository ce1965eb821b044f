"""Running axe-core (shipped inside axe-playwright-python, no download) and reporting what it finds."""

# WCAG 2.0 and 2.1, levels A and AA; no rule disabled, no element excluded.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}

# (page name, language) -> number of violations (or None when the page was skipped); printed in the summary.
RESULTS = {}


def run_axe(tab):
    """axe.run on the whole document; returns the list of violations."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(tab, options=AXE_OPTIONS).response["violations"]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} [{violation['helpUrl']}]")
        for node in violation["nodes"][:5]:
            target = ", ".join(map(str, node["target"]))
            lines.append(f"    {target}: {node['failureSummary'].splitlines()[-1].strip()}")
            lines.append(f"      {node['html'][:200]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more elements")
    return "\n".join(lines)


def table(results, languages):
    """Page × language → violations, as a plain-text table."""
    pages = list(dict.fromkeys(name for name, _language in results))
    width = max(len(name) for name in pages) if pages else 10
    header = f"{'page':<{width}}  " + "  ".join(f"{code:>4}" for code in languages)
    lines = [header, "-" * len(header)]
    for name in pages:
        cells = []
        for code in languages:
            value = results.get((name, code), "")
            cells.append(f"{'skip' if value is None else value:>4}")
        lines.append(f"{name:<{width}}  " + "  ".join(cells))
    return "\n".join(lines)
