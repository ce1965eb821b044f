from .companies import CompanyPage, ContactPerson, DirectoryIndexPage
from .institutions import InstitutionIndexPage, InstitutionPage
from .messages import ContactMessage
from .taxonomy import Certification, GlossaryConcept, Industry, Language, Region

__all__ = [
    "Certification",
    "CompanyPage",
    "ContactMessage",
    "ContactPerson",
    "DirectoryIndexPage",
    "GlossaryConcept",
    "Industry",
    "InstitutionIndexPage",
    "InstitutionPage",
    "Language",
    "Region",
]
