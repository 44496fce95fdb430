"""`python -m argmine` runs the command line."""

from argmine.cli import main

if __name__ == "__main__":
    main()
