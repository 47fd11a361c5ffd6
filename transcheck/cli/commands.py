"""The ``merge``, ``rules`` and ``explain`` commands."""

from __future__ import annotations

import sys
import textwrap

import click

from .. import rules as rules_pkg
from ..reporters import REPORTERS
from .merge import MergeError, merge_files
from .output import EXIT_INPUT, exit_status, min_severity, say, write_outputs


@click.command("merge")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=str))
@click.option("--format", "fmt", type=click.Choice(sorted(REPORTERS)), default="json", show_default=True,
              help="Output format of the merged report.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the merged report to this file instead of stdout.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error",
              show_default=True, help="Exit 1 when a finding of this severity or worse is found.")
@click.option("--min-severity", "min_sev", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Text, github and markdown output: list findings of this severity or worse "
                   "(default: warning).")
def merge_cmd(files, fmt, output, fail_on, min_sev):
    """Merge the JSON reports of shards (--shard i/n --format json) into one report."""
    try:
        report = merge_files(list(files))
    except MergeError as exc:
        say(f"transcheck: merge: {exc}")
        sys.exit(EXIT_INPUT)
    write_outputs(report, [(fmt, output)], color=False,
                  view_options={"min_severity": min_severity(min_sev, None, fail_on)})
    sys.exit(exit_status(report, fail_on))


@click.command("rules")
def rules_cmd() -> None:
    """List every rule: ID, category, default severity and summary."""
    infos = [rules_pkg.info(r) for r in rules_pkg.ALL + rules_pkg.PAGE_RULES]
    w_id = max(len(i.id) for i in infos)
    w_cat = max(len(i.category) for i in infos)
    for i in infos:
        click.echo(f"{i.id:<{w_id}}  {i.category:<{w_cat}}  {i.severity:<7}  {i.summary}")


@click.command("explain")
@click.argument("rule_id")
def explain_cmd(rule_id: str) -> None:
    """Explain a rule: what it does, why it matters, examples and options."""
    rule = rules_pkg.by_id().get(rule_id)
    if rule is None:
        known = ", ".join(sorted(rules_pkg.by_id()))
        raise click.BadParameter(f"unknown rule '{rule_id}'; known rules: {known}", param_hint="RULE_ID")
    i = rules_pkg.info(rule)
    click.echo(f"{i.id} ({i.category}, default severity {i.severity})\n")
    click.echo("What it does\n")
    click.echo(textwrap.indent(i.summary + ("\n\n" + i.doc if i.doc else ""), "  ") + "\n")
    if i.why:
        click.echo("Why it matters\n")
        click.echo(textwrap.indent(textwrap.fill(i.why, 88), "  ") + "\n")
    click.echo("Examples\n")
    for ex in i.examples:
        click.echo(f"  {'Fails' if ex.fails else 'Passes'}: {ex.title}")
        for loc, text in sorted(ex.pages.items()):
            click.echo(f"    [{loc}]")
            click.echo(textwrap.indent(text.rstrip("\n"), "      "))
        click.echo("")
    click.echo("Options\n")
    if not i.options:
        click.echo("  (none)")
    for o in i.options:
        click.echo(f"  {o.name} = {o.default:g}  (in [thresholds])")
        click.echo(textwrap.indent(textwrap.fill(o.doc, 84), "      "))
