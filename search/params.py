"""Validation of search parameters shared by the API and the search page: unknown codes are errors."""

from django.utils.translation import gettext as _


class ParamError(ValueError):
    pass


def _known(model, field="code"):
    return set(model.objects.values_list(field, flat=True))


def validate_params(params):
    from directory.models import Certification, Industry, Language, Region

    checks = (
        ("industry", params.industry, Industry, _("Unknown industry code: %(codes)s")),
        ("region", params.region, Region, _("Unknown region code: %(codes)s")),
        ("certification", params.certification, Certification, _("Unknown certification code: %(codes)s")),
        ("language", params.language, Language, _("Unknown language code: %(codes)s")),
    )
    for _name, values, model, message in checks:
        if values:
            unknown = sorted(set(values) - _known(model))
            if unknown:
                raise ParamError(message % {"codes": ", ".join(unknown)})
    return params
