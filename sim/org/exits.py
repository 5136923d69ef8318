"""The ways a job ends, as the event log and a firm's own records name them."""

VOLUNTARY = ("quit", "non_renewal")  # the person chooses to go
INVOLUNTARY = ("dismissal", "layoff")  # management ends the job
CAREER_END = ("retirement",)  # the working life ends (the market's retirement age)
EXIT_KINDS = VOLUNTARY + INVOLUNTARY + CAREER_END
# the monthly metrics' column counting each kind (sim.metrics.Flows, sim.outcomes.METRICS)
COLUMN = {
    "quit": "quits",
    "non_renewal": "non_renewals",
    "dismissal": "dismissals",
    "layoff": "layoffs",
    "retirement": "retirements",
}
