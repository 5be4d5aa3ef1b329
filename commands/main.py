"""The `sokhcn` command: one entry point, one module per subcommand."""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

# subcommand -> module in this package; each module has add_arguments() and run().
SUBCOMMANDS = {
    "check": "check",
    "new": "new_article",
    "import": "import_legacy",
    "convert": "convert_legacy",
    "deploy": "deploy",
    "publish": "publish",
    "serve": "serve",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sokhcn",
        description="Công cụ cho biên tập viên cổng thông tin Sở KH&CN.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name, module_name in SUBCOMMANDS.items():
        module = import_module(f"commands.{module_name}")
        subparser = subparsers.add_parser(
            name, help=module.HELP, description=module.HELP
        )
        module.add_arguments(subparser)
        subparser.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
