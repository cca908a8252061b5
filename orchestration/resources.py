"""Resources: where the inbox and warehouse are, and the one-writer lock of a pipeline run."""

from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg

from orchestration.settings import Settings, resolve_settings
from warehouse.build import build_lock, discard_build


class WarehouseResource(dg.ConfigurableResource):
    """Where the inbox and the warehouse are; empty fields fall back to SCR_* variables, then defaults.

    Settings are resolved when a run or a sensor tick uses them, never when the code loads.
    """

    inbox: str | None = None
    warehouse_dir: str | None = None
    workers: int | None = None
    max_file_bytes: int | None = None
    manual_codes_dir: str | None = None
    max_removal_share: float | None = None
    allow_removals: bool | None = None
    max_quarantine_share: float | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> "WarehouseResource":
        """The resource for settings already resolved (and checked) by the caller."""
        return cls(
            inbox=str(settings.inbox),
            warehouse_dir=str(settings.warehouse_dir),
            workers=settings.workers,
            max_file_bytes=settings.max_file_bytes,
            manual_codes_dir=str(settings.manual_codes_dir),
            max_removal_share=settings.max_removal_share,
            allow_removals=settings.allow_removals,
            max_quarantine_share=settings.max_quarantine_share,
        )

    def settings(self) -> Settings:
        return resolve_settings(
            self.inbox,
            self.warehouse_dir,
            self.workers,
            self.max_file_bytes,
            self.manual_codes_dir,
            self.max_removal_share,
            self.allow_removals,
            self.max_quarantine_share,
        )


class WriterLockResource(dg.ConfigurableResource):
    """Held by every step of a pipeline run (not by sensors, which only read).

    For the length of the run it holds the build lock, so two runs never write one warehouse (the
    second fails at once with a message saying so), and at the end it discards any build the run
    did not publish.
    """

    warehouse: dg.ResourceDependency[WarehouseResource]

    @contextmanager
    def yield_for_execution(
        self, context: dg.InitResourceContext
    ) -> Iterator["WriterLockResource"]:
        paths = self.warehouse.settings().paths
        with build_lock(paths):
            try:
                yield self
            finally:
                discard_build(paths)
