"""``python -m bilateral``."""

from bilateral.cli import main

main()
