"""The firm and its world: climate, social network, clients, finance and the labour market."""
