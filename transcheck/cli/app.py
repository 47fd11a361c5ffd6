"""Command line: ``transcheck PATH...`` checks pages; ``rules`` and ``explain`` document.

The CLI parses options, builds :class:`~transcheck.run.run.RunOptions` (:mod:`.options`),
runs the check and hands the report to the reporters (:mod:`.output`). It holds no
checking logic. Commands: :mod:`.check` (``check``), :mod:`.commands` (``merge``,
``rules``, ``explain``).

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage or input error
(a file that could not be read or parsed, a report that could not be written), 3
internal error (a worker process died), 130 interrupted (Ctrl-C), 143 terminated
(SIGTERM).
"""

from __future__ import annotations

import click

from .. import __version__
from .check import check_cmd
from .safe_output import reserve_std_streams
from .commands import explain_cmd, merge_cmd, rules_cmd


class _DefaultGroup(click.Group):
    """A group whose default command is ``check``: ``transcheck corpus/`` just works."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        elif not args:
            args = ["check"]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="transcheck")
def main() -> None:
    """Find drift between the localized copies of documentation pages.

    \b
    transcheck corpus/                 check every page under corpus/
    transcheck docs/ --format json     machine-readable output
    transcheck rules                   list the rules
    transcheck explain code-block      document one rule
    """
    reserve_std_streams()


for _command in (check_cmd, merge_cmd, rules_cmd, explain_cmd):
    main.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    main()
