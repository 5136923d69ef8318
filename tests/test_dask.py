"""A Dask cluster (a LocalCluster of two worker processes on loopback) gives the same numbers as
this process. Needs the dask extra: ``pip install 'orgsim[dask]'``."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from sim import experiment as ex

distributed = pytest.importorskip("distributed")

GRID = {"market.shortage": [0.0, 0.3]}
MONTHS = 4


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as local:
        yield local


def test_a_dask_cluster_gives_the_same_tables_as_this_process(cluster, tmp_path):
    here = ex.sweep("baseline", GRID, seeds=3, months=MONTHS)
    there = ex.sweep(
        "baseline", GRID, seeds=3, months=MONTHS, dask=cluster.scheduler_address, out=tmp_path
    )
    drop = list(ex.EXECUTION_COLUMNS)
    pd.testing.assert_frame_equal(here.runs.drop(columns=drop), there.runs.drop(columns=drop))
    pd.testing.assert_frame_equal(here.monthly, there.monthly)
    pd.testing.assert_frame_equal(here.events, there.events)
    assert there.manifest["sessions"][-1]["executor"].startswith("dask tcp://127.0.0.1:")
    # the runs ran in the cluster's worker processes, not here
    assert not there.runs["worker"].str.endswith(f":{os.getpid()}").any()
