from __future__ import annotations

from .managers._generated import BatchesBase


class Batches(BatchesBase):
    pass
