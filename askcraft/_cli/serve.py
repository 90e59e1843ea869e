"""``askcraft serve``: the local web page, for drafting and checking without scripts or flags."""

from __future__ import annotations

import click

#: What `askcraft serve` says when the web extra is not installed (one line, exit code 2).
INSTALL_HINT = "askcraft serve needs the web extra: python -m pip install 'askcraft[web]'"
#: The packages of the web extra (and theirs): an ImportError naming one of them means "not installed".
_WEB_PACKAGES = frozenset({"starlette", "uvicorn", "anyio", "h11", "idna", "sniffio"})


@click.command("serve")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, help="Port on 127.0.0.1 (default: a free one)."
)
@click.option("--no-browser", is_flag=True, help="Print the link but do not open a browser.")
def serve_cmd(port: int, no_browser: bool) -> int:
    """Open the local web page: draft, check and download messages in your browser.

    It listens on 127.0.0.1 only and prints a link with a one-time token; keep it to yourself.
    """
    try:
        from askcraft._web.server import serve  # noqa: PLC0415
    except ImportError as exc:
        if (exc.name or "").partition(".")[0] not in _WEB_PACKAGES:
            raise
        click.echo(f"error: {INSTALL_HINT}", err=True)
        return 2
    from askcraft._cli.languagetool import show_languagetool_progress  # noqa: PLC0415

    show_languagetool_progress()  # the page's first grammar check may install LanguageTool: say so here
    try:
        serve(port=port, open_browser=not no_browser, echo=click.echo)
    except OSError as exc:
        raise click.UsageError(
            f"cannot listen on 127.0.0.1:{port} ({exc.strerror or exc}); leave out --port to use a free one"
        ) from None
    return 0
