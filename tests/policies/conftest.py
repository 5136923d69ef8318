"""The policy tests share one harness, :mod:`harness` beside this file: arms of the baseline firm,
run on paired seeds, compared in a declared direction (its docstring states the rule)."""

import pytest

# The harness asserts on behalf of the tests: let pytest explain its failed asserts as it does a
# test's own.
pytest.register_assert_rewrite(f"{__package__}.harness")
