"""People: the Employee agent, its columnar state and the behaviour rules."""
