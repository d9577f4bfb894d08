from __future__ import annotations

from .managers._generated import SequencesBase, SequenceStatesBase


class Sequences(SequencesBase):
    pass


class SequenceStates(SequenceStatesBase):
    pass
