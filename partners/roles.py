"""Who is who: the partner organisations, their default regions, and the two platform roles.

The assignment below is the *default* that `setup_partners` creates once; afterwards it is data an
administrator changes in the admin (Partners menu), so re-running the command never undoes their edits.
"""

from dataclasses import dataclass, field

MODERATORS = "Moderators"
TRANSLATORS = "Translators"

# Wagtail's own migrations create these; setup_partners strips their site-wide page rights.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

REVIEW_WORKFLOW = "Regional review"
REVIEW_TASK = "Regional review"


@dataclass(frozen=True)
class PartnerDefault:
    name: str
    institution_slug: str
    regions: tuple = field(default=())
    everywhere: bool = False
    # Regions that no other partner covers are given to the fallback partner (DESIGN: "they go to WFS").
    fallback: bool = False


PARTNERS = (
    PartnerDefault("WFS", "wirtschaftsfoerderung-sachsen", everywhere=True, fallback=True),
    PartnerDefault("DTIHK", "dtihk", everywhere=True),
    PartnerDefault("IHK Dresden", "ihk-dresden-zittau", ("DED21", "DED2C", "DED2D", "DED2E", "DED2F")),
    PartnerDefault("IHK Chemnitz", "ihk-chemnitz", ("DED41", "DED42", "DED43", "DED44", "DED45")),
    PartnerDefault("KHK Karlovy Vary", "khk-karlovarsky-kraj", ("CZ041",)),
    PartnerDefault("MAS Český sever", "mas-cesky-sever", ("CZ042", "CZ051")),
)

# Page rights granted on the directory, institution and event index pages of every locale.
PARTNER_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")
MODERATOR_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")
TRANSLATOR_PAGE_PERMISSIONS = ("change",)
