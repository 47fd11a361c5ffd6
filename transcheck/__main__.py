"""``python -m transcheck`` runs the command line."""

from .cli import main

main()
