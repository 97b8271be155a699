"""A throwaway PostgreSQL server for the tests: initdb and pg_ctl into a temporary folder, on a free port.

PostgreSQL refuses to run as root; as root the server runs as the `postgres` user the Debian package makes.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

BINARIES = sorted(glob.glob("/usr/lib/postgresql/*/bin"))


def postgres_bin() -> Path | None:
    """The folder of initdb and pg_ctl (Debian keeps them off PATH), or None when PostgreSQL is not installed."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    return Path(BINARIES[-1]) if BINARIES else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    if os.getuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@contextmanager
def postgres_server() -> Iterator[str]:
    """A running server with trust authentication on 127.0.0.1; yields its URL; stopped and removed after.
    Its folder is directly under the system's temporary folder: pytest's are private to the user running it."""
    folder = Path(tempfile.mkdtemp(prefix="projektpulje-postgres-"))
    try:
        with _server(folder) as url:
            yield url
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _server(folder: Path) -> Iterator[str]:
    binaries = postgres_bin()
    assert binaries is not None, "tests/setup-system.sh installs postgresql"
    data, sockets = folder / "data", folder / "sockets"
    sockets.mkdir(parents=True)
    if os.getuid() == 0:
        server = pwd.getpwnam("postgres")
        for path in (folder, sockets):
            os.chown(path, server.pw_uid, server.pw_gid)
    port = free_port()
    user = "postgres" if os.getuid() == 0 else pwd.getpwuid(os.getuid()).pw_name
    subprocess.run(_as_server_user([str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", user, "-E", "UTF8",
                                    "--no-sync"]), check=True, capture_output=True)
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(_as_server_user([str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l",
                                    str(folder / "server.log"), "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql://{user}@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
                       check=False, capture_output=True)
