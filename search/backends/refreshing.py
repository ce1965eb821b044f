"""OpenSearch/Elasticsearch backends that make each write visible before the request returns.

The engines refresh their indexes about once a second; development and tests expect a page to be
findable as soon as it is published (the immediate task backend). SEARCH_REFRESH_ON_WRITE=true selects
these classes; production keeps the engines' own refresh interval.
"""

from modelsearch.backends import elasticsearch8, elasticsearch9, opensearch2, opensearch3


def _refreshing(index_class):
    class RefreshingIndex(index_class):
        def refresh(self):
            try:
                super().refresh()
            except Exception as error:  # an index that does not exist yet has nothing to refresh
                if getattr(error, "status_code", None) != 404:
                    raise

        def add_item(self, item):
            super().add_item(item)
            self.refresh()

        def add_items(self, model, items):
            super().add_items(model, items)
            self.refresh()

        def delete_item(self, item):
            super().delete_item(item)
            self.refresh()

    RefreshingIndex.__name__ = f"Refreshing{index_class.__name__}"
    return RefreshingIndex


def _backend(module, backend_class_name):
    base = getattr(module, backend_class_name)
    return type(backend_class_name, (base,), {"index_class": _refreshing(base.index_class)})


OpenSearch2 = _backend(opensearch2, "OpenSearch2SearchBackend")
OpenSearch3 = _backend(opensearch3, "OpenSearch3SearchBackend")
Elasticsearch8 = _backend(elasticsearch8, "Elasticsearch8SearchBackend")
Elasticsearch9 = _backend(elasticsearch9, "Elasticsearch9SearchBackend")
