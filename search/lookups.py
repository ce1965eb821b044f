"""`field__anyof=[…]`: like `__in`, but PostgreSQL gets one array parameter (`= ANY(%s)`) instead of one
placeholder per value — a thousand candidate ids would otherwise be parsed by the driver one by one."""

from django.db.models import ForeignKey, IntegerField
from django.db.models.lookups import In


class AnyOf(In):
    lookup_name = "anyof"

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", (*lhs_params, list(self.rhs))


IntegerField.register_lookup(AnyOf)
ForeignKey.register_lookup(AnyOf)
