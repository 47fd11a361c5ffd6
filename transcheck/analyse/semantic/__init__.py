"""The semantic stage: embedders, their cache, per-page parity scores and sentence gaps."""
