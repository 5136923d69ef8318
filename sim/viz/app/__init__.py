"""The classroom and what-if app (``orgsim app``): the cases run live in a browser, in English or
Chinese, one arm or two side by side on the same seed.

The modules, from the model to the page; each imports only modules listed above it:

- ``feed``: the event feed: exits with their recorded drivers, hires and other events as sentences;
- ``panels``: what the charts plot (the eight live panels and the eight differences B − A);
- ``charts``: the live charts and the difference charts, persistent matplotlib figures;
- ``session``: the arms A and B, their models on the common seed, stepping, resetting, the frame
  drawn after each month and the exports (plain Python, no Solara);
- ``page_state``: the page's reactive values and the actions its components share;
- ``policy_controls``: the policy switches and parameter controls, from the declarations;
- ``controls``: the sidebar (case, seed, stop month, run, step, reset, speed, compare mode);
- ``views``: the main column (story, status line and charts, organisation, feed, export);
- ``page``: the page itself and its play loop, what ``solara run sim.viz.app.page`` serves.
"""
