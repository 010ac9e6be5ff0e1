"""`python -m botox_info` works like the `botox-info` command."""

from botox_info.cli import main

if __name__ == "__main__":
    main()
