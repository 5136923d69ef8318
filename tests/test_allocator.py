"""The tuned allocator changes where memory comes from, never a number."""

import subprocess
import sys

import pytest

from sim.allocator import keep_freed_memory

RUN = """
import hashlib, sys
from sim.allocator import keep_freed_memory
if sys.argv[1] == "tuned":
    assert keep_freed_memory()
from sim import OrgModel
model = OrgModel("shengyi", seed=3).run(12)
frame = model.metrics().to_csv(float_format="%.17g") + model.events().to_csv(float_format="%.17g")
print(hashlib.sha256(frame.encode()).hexdigest())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_runs_are_bit_identical_with_the_tuned_allocator():
    digests = [
        subprocess.run(
            [sys.executable, "-c", RUN, mode], capture_output=True, text=True, check=True
        ).stdout.strip()
        for mode in ("default", "tuned")
    ]
    assert len(digests[0]) == 64
    assert digests[0] == digests[1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_tuning_takes_and_is_done_once():
    assert keep_freed_memory() is True
    assert keep_freed_memory() is True
