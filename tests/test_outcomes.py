"""Every output is declared once (sim/outcomes.py): a column or a headline that is not declared fails."""

from sim import OrgModel, outcomes


def test_every_monthly_column_is_declared_in_order():
    model = OrgModel.from_scenario("shengyi", seed=1).run(2)
    assert tuple(model.metrics().columns) == outcomes.COLUMNS


def test_every_headline_is_declared_and_reads_a_declared_metric():
    model = OrgModel.from_scenario("baseline", seed=1).run(2)
    assert tuple(model.summary()) == tuple(h.name for h in outcomes.HEADLINES)
    for h in outcomes.HEADLINES:
        assert h.metric is None or h.metric in outcomes.BY_NAME, h.name


def test_every_declaration_has_both_labels_and_a_known_unit():
    for item in outcomes.METRICS + outcomes.HEADLINES:
        assert item.label and item.label_zh, item.name
        assert item.unit in outcomes.UNITS_ZH, (item.name, item.unit)
