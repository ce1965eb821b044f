from .companies import CompanyPage, ContactPerson, DirectoryIndexPage
from .institutions import InstitutionIndexPage, InstitutionPage
from .taxonomy import Certification, GlossaryConcept, Industry, Language, Region

__all__ = [
    "Certification",
    "CompanyPage",
    "ContactPerson",
    "DirectoryIndexPage",
    "GlossaryConcept",
    "Industry",
    "InstitutionIndexPage",
    "InstitutionPage",
    "Language",
    "Region",
]
