from .consent import Consent
from .listings import Claim, CompanyOwner

__all__ = ["Claim", "CompanyOwner", "Consent"]
