"""Roles × actions through the admin views (see matrix.py for how each cell is performed and judged)."""

from .matrix import ACTIONS, MatrixTestCase, build_matrix_tests

ALL_LOGIN = dict.fromkeys(ACTIONS, "login")
ALL_DENIED = dict.fromkeys(ACTIONS, "denied")
PUBLISHER = {
    "view_draft": "allowed",
    "edit": "allowed",
    "submit": "submitted",
    "publish": "published",
    "approve": "approved",
    "unpublish": "unpublished",
    "translate": "published",
}

EXPECTED = {
    "anonymous": ALL_LOGIN,
    # IHK Chemnitz editor on a Chemnitz listing; the MAS Český sever editor is outside its region.
    "editor_in_region": {**PUBLISHER, "delete": "denied", "manage_users": "denied"},
    "editor_out_of_region": ALL_DENIED,
    "translator": {
        "view_draft": "allowed",
        "edit": "allowed",
        "submit": "submitted",
        "publish": "draft only",
        "approve": "denied",
        "unpublish": "denied",
        "delete": "denied",
        "translate": "draft only",
        "manage_users": "denied",
    },
    "moderator": {**PUBLISHER, "delete": "deleted", "manage_users": "denied"},
    "administrator": {**PUBLISHER, "delete": "deleted", "manage_users": "allowed"},
}

# The SME rows (SME owner, other SME; and the action "view another company's messages") belong to the
# accounts app, which builds them on the same machinery: build_matrix_tests(SME_ROWS, actions) in its tests.
SME_ROWS = {}


@build_matrix_tests(EXPECTED)
class PermissionMatrixTests(MatrixTestCase):
    def test_every_cell_is_asserted(self):
        self.assertEqual({role: set(row) for role, row in EXPECTED.items()}, {role: set(ACTIONS) for role in EXPECTED})
