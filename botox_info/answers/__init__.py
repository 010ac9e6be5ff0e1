"""What botox-info works out from the knowledge, callable without a command line.

Search, the personal check, the timeline's numbers, list selection and
sorting, the interview's questions and the words Tab completes. Imports the
knowledge layer only: never output, commands, cli, typer or rich.
"""
