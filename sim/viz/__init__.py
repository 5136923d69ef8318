"""Reports, figures and the browser app."""
