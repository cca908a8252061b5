"""The warehouse resource: settings resolved at run time, and the one-writer lock for the run."""


from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg

from orchestration.settings import Settings, resolve_settings
from warehouse.build import build_lock, discard_build


class WarehouseResource(dg.ConfigurableResource):
    """Where the inbox and the warehouse are; empty fields fall back to SCR_* variables, then defaults.

    For the length of a run it holds the build lock, so two runs never write one warehouse, and
    at the end it discards any build the run did not publish.
    """

    inbox: str | None = None
    warehouse_dir: str | None = None
    workers: int | None = None
    max_file_bytes: int | None = None

    def settings(self) -> Settings:
        return resolve_settings(self.inbox, self.warehouse_dir, self.workers, self.max_file_bytes)

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator["WarehouseResource"]:
        paths = self.settings().paths
        with build_lock(paths):
            try:
                yield self
            finally:
                discard_build(paths)
