"""--db with a password that cannot connect: the password is never printed, however the URL fails."""

from __future__ import annotations

import socket

import pytest

pytest.importorskip("sqlalchemy", reason="the test extra installs the db extra")

from projektpulje.cli import main  # noqa: E402
from projektpulje.outputs.database import url_without_password  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("url", [
    "postgresql://u:s3cr%40t-pw@127.0.0.1:{port}/x",
    "postgresql://u:s3cr@t-pw@127.0.0.1:{port}/x",  # an unescaped @ in the password
    "postgresql://u:s3cr@t-pw@[::1/x",  # not even a host
    "nosuchdriver://u:s3cr@t-pw@host/x",
])
def test_a_database_that_cannot_be_used_never_prints_its_password(url, capsys):
    assert main(["run", "--db", url.format(port=free_port()), "--out", "/tmp/never-written-by-this-test"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("projektpulje: error: --db ") and err.count("\n") == 1
    assert "s3cr" not in err and "t-pw" not in err and "u:***@" in err


def test_the_masked_form():
    assert url_without_password("postgresql://u:secret@host/x") == "postgresql://u:***@host/x"
    assert url_without_password("postgresql://u@host/x") == "postgresql://u@host/x"
    assert url_without_password("sqlite:///projektpulje.db") == "sqlite:///projektpulje.db"
